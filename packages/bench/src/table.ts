/** Plain-text rendering of the benchmark results. */

import type { Machine } from './machine.js'
import type { Row } from './result.js'

/** A value with its unit, to a precision that suits the unit (`1.23 s`, `12.4 KB`, `0.84x`). */
export function formatValue(value: number | undefined, unit: Row['unit']): string {
  if (value === undefined || !Number.isFinite(value)) return '–'
  switch (unit) {
    case 'ms':
      return value >= 1000
        ? `${(value / 1000).toFixed(2)} s`
        : `${value.toFixed(value < 10 ? 2 : 1)} ms`
    case 's':
      return `${value.toFixed(2)} s`
    case 'KB':
    case 'MB':
      return `${value.toFixed(1)} ${unit}`
    case 'x':
      return `${value.toFixed(2)}x`
    case '%':
      return `${value.toFixed(1)} %`
    default:
      return String(value)
  }
}

/** A ratio as `0.84x`; below 0.1 also as a percentage (`1.3 %`) since targets are written that way. */
export function formatRatio(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–'
  return value < 0.1 ? `${(value * 100).toFixed(1)} %` : `${value.toFixed(2)}x`
}

/** Header lines: what machine and runtime the figures come from. */
export function formatHeader(machine: Machine, mode: string): string {
  return [
    `Slidemark benchmarks (${mode}) — ${machine.date}${machine.commit ? `, commit ${machine.commit}` : ''}`,
    `${machine.cores} cores, ${machine.cpu}, ${machine.memoryGB} GB RAM, ${machine.platform}`,
    `Node ${machine.node}, Chromium ${machine.chromium ?? 'n/a'}`,
    `Load average (1 min): ${machine.load.start} at start, ${machine.load.end ?? '?'} at end` +
      (Math.max(machine.load.start, machine.load.end ?? 0) > machine.cores
        ? ` — above ${machine.cores} cores: absolute times are inflated, compare the ratios`
        : ''),
  ].join('\n')
}

function status(row: Row): string {
  if (row.error) return 'ERROR'
  if (!row.target) return ''
  if (row.target.met === undefined) return ''
  return row.target.met ? 'met' : 'MISSED'
}

/**
 * The results as one aligned plain-text table: item, measurement, median,
 * ratio, target, status, note. Columns are padded to their widest cell.
 */
export function formatTable(rows: readonly Row[]): string {
  const header = ['#', 'Measurement', 'Median', 'Ratio', 'Target', 'Status', 'Note']
  const cells = rows.map((row) => [
    row.item === 0 ? '·' : String(row.item),
    row.label,
    row.value === undefined ? 'n/a' : formatValue(row.value, row.unit),
    row.ratio ? `${row.ratio.label} ${formatRatio(row.ratio.value)}` : '',
    row.target?.text ?? '',
    status(row),
    row.note ?? '',
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)),
  )
  const render = (line: string[]) =>
    line
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd()
  const rule = widths.map((width) => '-'.repeat(width)).join('  ')
  return [render(header), rule, ...cells.map(render)].join('\n')
}
