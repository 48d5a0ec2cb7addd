import type PptxGenJSTypes from 'pptxgenjs'
import pptxgenjs from 'pptxgenjs'
import type {
  Box,
  ImageShape,
  Paragraph,
  PptxSlide,
  RectShape,
  TableShape,
  TextRun,
  TextShape,
} from './slide-data.js'

/** CSS pixels per inch (PowerPoint positions in inches). */
const PX_PER_INCH = 96
/** Points per CSS pixel (PowerPoint sizes type in points). */
const PT_PER_PX = 0.75

export interface PresentationInfo {
  title?: string | undefined
  author?: string | undefined
}

/**
 * pptxgenjs's types describe a CommonJS module (the class under `default`),
 * while Node's ESM import of its ES build gives the class itself.
 */
const PptxGenJS = ((pptxgenjs as { default?: unknown }).default ??
  pptxgenjs) as typeof pptxgenjs.default
type PptxGenJS = InstanceType<typeof PptxGenJS>
type TextPropsOptions = PptxGenJSTypes.default.TextPropsOptions
type TextProps = PptxGenJSTypes.default.TextProps
type Slide = PptxGenJSTypes.default.Slide
type TableRow = PptxGenJSTypes.default.TableRow
type BorderProps = PptxGenJSTypes.default.BorderProps

const inch = (px: number) => px / PX_PER_INCH
const pt = (px: number) => Math.round(px * PT_PER_PX * 100) / 100
const place = (box: Box) => ({ x: inch(box.x), y: inch(box.y), w: inch(box.w), h: inch(box.h) })

/** A run's character properties in pptxgenjs terms. */
function runOptions(run: TextRun): TextPropsOptions {
  return {
    fontFace: run.font,
    fontSize: pt(run.size),
    color: run.color,
    ...(run.transparency ? { transparency: run.transparency } : {}),
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italic: true } : {}),
    ...(run.underline ? { underline: { style: 'sng' as const } } : {}),
    ...(run.strike ? { strike: 'sngStrike' as const } : {}),
    ...(run.link ? { hyperlink: { url: run.link } } : {}),
    ...(run.highlight ? { highlight: run.highlight } : {}),
    ...(run.lang ? { lang: run.lang } : {}),
    ...(run.baseline ? { baseline: run.baseline } : {}),
    ...(run.spacing ? { charSpacing: pt(run.spacing) } : {}),
  }
}

/** Paragraph properties; pptxgenjs reads them from a paragraph's first run. */
function paragraphOptions(paragraph: Paragraph): TextPropsOptions {
  const { bullet } = paragraph
  return {
    align: paragraph.align,
    lineSpacing: pt(paragraph.lineHeight),
    ...(paragraph.spaceBefore > 0.5 ? { paraSpaceBefore: pt(paragraph.spaceBefore) } : {}),
    ...(bullet
      ? {
          bullet: {
            indent: pt(bullet.indent),
            ...(bullet.type === 'number'
              ? {
                  type: 'number' as const,
                  style: 'arabicPeriod',
                  numberStartAt: bullet.startAt ?? 1,
                }
              : {}),
          },
          ...(bullet.level > 0 ? { indentLevel: bullet.level } : {}),
        }
      : {}),
  }
}

/**
 * Paragraphs as pptxgenjs text runs: each paragraph's last run ends it
 * (`breakLine`), a `<br>` is a soft break inside it, an empty paragraph (a
 * blank code line) keeps its height with an empty run.
 */
export function textRuns(paragraphs: Paragraph[]): TextProps[] {
  const props: TextProps[] = []
  for (const [p, paragraph] of paragraphs.entries()) {
    const last = p === paragraphs.length - 1
    const runs = paragraph.runs.length > 0 ? paragraph.runs : [{ ...emptyRun(paragraphs, p) }]
    for (const [r, run] of runs.entries()) {
      props.push({
        text: run.text,
        options: {
          ...runOptions(run),
          ...paragraphOptions(paragraph),
          ...(r > 0 && run.breakBefore ? { softBreakBefore: true } : {}),
          ...(r === runs.length - 1 && !last ? { breakLine: true } : {}),
        },
      })
    }
  }
  return props
}

/** An empty run in the font of the nearest paragraph that has one. */
function emptyRun(paragraphs: Paragraph[], index: number): TextRun {
  const near = paragraphs
    .slice(0, index)
    .reverse()
    .concat(paragraphs.slice(index + 1))
  const model = near.find((paragraph) => paragraph.runs.length > 0)?.runs[0]
  return {
    text: '',
    font: model?.font ?? 'Arial',
    size: model?.size ?? 16,
    color: model?.color ?? '000000',
  }
}

function addText(slide: Slide, shape: TextShape): void {
  const runs = textRuns(shape.paragraphs)
  if (runs.length === 0) return
  slide.addText(runs, {
    ...place(shape.box),
    margin: 0,
    valign: 'top',
    wrap: !shape.code,
    ...(shape.code ? { objectName: 'Code' } : {}),
  })
}

function addRect(slide: Slide, shape: RectShape): void {
  const radius = shape.radius ?? 0
  slide.addShape(radius > 0 ? 'roundRect' : 'rect', {
    ...place(shape.box),
    fill: {
      color: shape.fill,
      ...(shape.transparency ? { transparency: shape.transparency } : {}),
    },
    line: { type: 'none' },
    ...(radius > 0
      ? { rectRadius: Math.min(0.5, radius / Math.min(shape.box.w, shape.box.h)) }
      : {}),
  })
}

function addImage(slide: Slide, shape: ImageShape): void {
  slide.addImage({
    ...place(shape.box),
    data: shape.data.replace(/^data:/, ''),
    ...(shape.alt ? { altText: shape.alt } : {}),
  })
}

function addTable(slide: Slide, shape: TableShape): void {
  const rows: TableRow[] = shape.rows.map((row) =>
    row.cells.map((cell) => ({
      text: cell.paragraphs.length > 0 ? textRuns(cell.paragraphs) : '',
      options: {
        valign: cell.valign,
        // pptxgenjs reads a cell margin of 1 or more as points, below 1 as inches: so 0 or ≥ 1 pt.
        margin: cell.padding.map((side) => (pt(side) < 1 ? 0 : pt(side))) as [
          number,
          number,
          number,
          number,
        ],
        ...(cell.fill ? { fill: { color: cell.fill } } : {}),
        border: cell.border.map((side) =>
          side
            ? { type: 'solid' as const, pt: pt(side.width), color: side.color }
            : { type: 'none' as const },
        ) as [BorderProps, BorderProps, BorderProps, BorderProps],
        ...(cell.colspan > 1 ? { colspan: cell.colspan } : {}),
        ...(cell.rowspan > 1 ? { rowspan: cell.rowspan } : {}),
      },
    })),
  )
  slide.addTable(rows, {
    ...place(shape.box),
    colW: shape.columns.map(inch),
    rowH: shape.rows.map((row) => inch(row.height)),
    autoPage: false,
  })
}

/**
 * The slides as a pptxgenjs presentation, one PowerPoint slide each at the
 * first slide's size: the drawn background, then every shape in document order
 * (so later shapes lie on top, as in the browser), then the notes.
 */
export function toPresentation(slides: PptxSlide[], info: PresentationInfo = {}): PptxGenJS {
  const pptx = new PptxGenJS()
  const first = slides[0]
  pptx.defineLayout({
    name: 'SLIDEMARK',
    width: inch(first?.width ?? 960),
    height: inch(first?.height ?? 540),
  })
  pptx.layout = 'SLIDEMARK'
  if (info.title) pptx.title = info.title
  if (info.author) pptx.author = info.author
  for (const data of slides) {
    const slide = pptx.addSlide()
    if (data.background) slide.background = { data: data.background.replace(/^data:/, '') }
    for (const shape of data.shapes) {
      if (shape.kind === 'text') addText(slide, shape)
      else if (shape.kind === 'rect') addRect(slide, shape)
      else if (shape.kind === 'image') addImage(slide, shape)
      else addTable(slide, shape)
    }
    if (data.notes) slide.addNotes(data.notes)
  }
  return pptx
}
