/**
 * A slide as plain, serializable data: what `walkSlide` measures in the
 * browser and `toPresentation` turns into PowerPoint shapes. Lengths are CSS
 * pixels relative to the slide's top-left corner; colours are `RRGGBB`.
 */

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export interface TextRun {
  text: string
  /** The font family the browser used (the first installed one of the stack). */
  font: string
  /** CSS pixels. */
  size: number
  color: string
  /** 0 (opaque) … 100 (invisible), from the colour's alpha. */
  transparency?: number
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strike?: boolean
  /** `href` of the link the run is in. */
  link?: string
  /** Background colour of an inline element (e.g. inline code). */
  highlight?: string
  /** A `<br>` comes before this run (a line break inside the paragraph). */
  breakBefore?: boolean
  /** BCP 47 language, set on CJK runs (`ja-JP`). */
  lang?: string
  /** Letter spacing, CSS pixels (negative tightens). */
  spacing?: number
  /** Vertical offset for `<sub>` / `<sup>`, percent of the font size. */
  baseline?: number
}

export interface Bullet {
  type: 'bullet' | 'number'
  /** 0 for a top-level list item. */
  level: number
  /** Distance from the text box's left edge to the item's text, CSS pixels. */
  indent: number
  /** First number of an ordered list. */
  startAt?: number
}

export interface Paragraph {
  runs: TextRun[]
  align: 'left' | 'center' | 'right' | 'justify'
  /** Distance between baselines, CSS pixels. */
  lineHeight: number
  /** Gap above the paragraph's first line box, CSS pixels. */
  spaceBefore: number
  bullet?: Bullet
}

export interface TextShape {
  kind: 'text'
  box: Box
  paragraphs: Paragraph[]
  /** A code block (monospace, no wrapping surprises). */
  code?: boolean
}

export interface RectShape {
  kind: 'rect'
  box: Box
  fill: string
  transparency?: number
  /** Corner radius, CSS pixels. */
  radius?: number
}

export interface ImageShape {
  kind: 'image'
  box: Box
  /** `data:` URL of a PNG, JPEG or GIF. */
  data: string
  alt?: string
}

export interface CellBorder {
  width: number
  color: string
}

export interface TableCell {
  paragraphs: Paragraph[]
  fill?: string
  /** CSS pixels: top, right, bottom, left. */
  padding: [number, number, number, number]
  /** Top, right, bottom, left; `undefined` for none. */
  border: [
    CellBorder | undefined,
    CellBorder | undefined,
    CellBorder | undefined,
    CellBorder | undefined,
  ]
  valign: 'top' | 'middle' | 'bottom'
  colspan: number
  rowspan: number
}

export interface TableShape {
  kind: 'table'
  box: Box
  /** Column widths, CSS pixels. */
  columns: number[]
  rows: { height: number; cells: TableCell[] }[]
}

export type Shape = TextShape | RectShape | ImageShape | TableShape

export interface SlideData {
  /** The slide's size, CSS pixels. */
  width: number
  height: number
  shapes: Shape[]
}

/** One exported PowerPoint slide: measured shapes, the drawn background and the notes. */
export interface PptxSlide extends SlideData {
  /** `data:image/png;base64,…`: the theme's background and decoration, text and pictures hidden. */
  background?: string
  /** Presenter notes as plain text (paragraphs separated by blank lines). */
  notes: string
}
