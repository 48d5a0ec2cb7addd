import fs from 'node:fs'
import { PNG } from 'pngjs'

/**
 * Layout comparison of two renderings of one slide that tolerates what differs
 * between renderers (glyph shapes, anti-aliasing, hinting) and catches what a
 * layout regression changes (a text box in the wrong place, a missing line, a
 * lost picture or background). Both images are reduced to a grid of cells
 * `CELL` CSS pixels wide (the mean luminance of each cell, which blurs glyphs
 * into grey blocks); a cell differs when its means are more than
 * `CELL_TOLERANCE` apart on 0…255.
 */
export const CELL = 10
export const CELL_TOLERANCE = 24

export interface Grid {
  columns: number
  rows: number
  cells: Float64Array
}

function luminance(data: Buffer, offset: number): number {
  return (
    0.299 * (data[offset] ?? 0) + 0.587 * (data[offset + 1] ?? 0) + 0.114 * (data[offset + 2] ?? 0)
  )
}

/** Mean luminance per cell of a PNG that shows `cssWidth` × `cssHeight` CSS pixels at any scale. */
export function gridOf(file: string, cssWidth: number, cssHeight: number): Grid {
  const png = PNG.sync.read(fs.readFileSync(file))
  const columns = Math.floor(cssWidth / CELL)
  const rows = Math.floor(cssHeight / CELL)
  const sums = new Float64Array(columns * rows)
  const counts = new Float64Array(columns * rows)
  for (let y = 0; y < png.height; y++) {
    const row = Math.floor(((y + 0.5) * cssHeight) / png.height / CELL)
    if (row >= rows) continue
    for (let x = 0; x < png.width; x++) {
      const column = Math.floor(((x + 0.5) * cssWidth) / png.width / CELL)
      if (column >= columns) continue
      const cell = row * columns + column
      sums[cell] = (sums[cell] ?? 0) + luminance(png.data, (y * png.width + x) * 4)
      counts[cell] = (counts[cell] ?? 0) + 1
    }
  }
  const cells = sums.map((sum, i) => sum / Math.max(1, counts[i] ?? 1))
  return { columns, rows, cells }
}

/** Share (0…1) of cells whose mean luminance differs by more than `CELL_TOLERANCE`. */
export function layoutDifference(a: Grid, b: Grid): number {
  let differing = 0
  for (let i = 0; i < a.cells.length; i++) {
    if (Math.abs((a.cells[i] ?? 0) - (b.cells[i] ?? 0)) > CELL_TOLERANCE) differing++
  }
  return differing / a.cells.length
}
