import type {
  Box,
  CellBorder,
  ImageShape,
  Paragraph,
  Shape,
  SlideData,
  TableCell,
  TableShape,
  TextRun,
} from './slide-data.js'

/**
 * Attribute `walkSlide` puts on what it draws as shapes of its own (pictures,
 * tables, code blocks) and on inline elements whose background becomes a run
 * highlight, so the background capture can hide them.
 */
export const DRAWN_ATTRIBUTE = 'data-pptx-drawn'
export const INLINE_ATTRIBUTE = 'data-pptx-inline'

/**
 * Walks a rendered slide element and measures what PowerPoint needs: one text
 * box per block of text (one per list, with bullet levels; one per code block,
 * with each token's colour), pictures, tables, code-line highlights. Runs in
 * the page (`page.evaluate(walkSlide, …)`), so everything it uses is defined
 * inside it; it returns plain data.
 */
export async function walkSlide(slide: Element): Promise<SlideData> {
  const DRAWN = 'data-pptx-drawn'
  const INLINE = 'data-pptx-inline'
  const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/
  const CJK_RUN = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+/g
  const CJK_FONT =
    /CJK|Hiragino|Gothic|Mincho|Meiryo|YaHei|PingFang|SimSun|SimHei|Ming|Han Sans|Han Serif|Source Han|Noto Sans JP|Noto Serif JP|Noto Sans SC|Noto Sans TC|Noto Sans KR|Malgun|Yu /i
  const GENERIC: Record<string, string> = {
    'sans-serif': 'Arial',
    'system-ui': 'Arial',
    serif: 'Times New Roman',
    monospace: 'Courier New',
    'ui-monospace': 'Courier New',
    cursive: 'Comic Sans MS',
  }
  const doc = slide.ownerDocument
  const view = doc.defaultView as Window
  const origin = slide.getBoundingClientRect()
  const shapes: Shape[] = []

  // --- colours and fonts -------------------------------------------------

  const canvas = doc.createElement('canvas')
  canvas.width = 1
  canvas.height = 1
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D
  const colours = new Map<string, { hex: string; alpha: number }>()
  /** Any CSS colour (`rgb()`, `color(srgb …)`, `oklab()`…) as hex and alpha 0…1. */
  const colour = (css: string): { hex: string; alpha: number } => {
    const known = colours.get(css)
    if (known) return known
    ctx.clearRect(0, 0, 1, 1)
    ctx.fillStyle = '#000'
    ctx.fillStyle = css
    ctx.fillRect(0, 0, 1, 1)
    const [r = 0, g = 0, b = 0, a = 0] = ctx.getImageData(0, 0, 1, 1).data
    // Colours were drawn premultiplied over transparency: undo it.
    const un = (c: number) => (a === 0 ? 0 : Math.min(255, Math.round((c * 255) / a)))
    const hex = [un(r), un(g), un(b)].map((c) => c.toString(16).padStart(2, '0')).join('')
    const result = { hex: hex.toUpperCase(), alpha: a / 255 }
    colours.set(css, result)
    return result
  }
  const visibleColour = (css: string) => {
    const c = colour(css)
    return c.alpha < 0.02 ? undefined : c
  }

  const installed = new Map<string, boolean>()
  /** Whether a font family is on this machine: text in it measures unlike every generic fallback. */
  const isInstalled = (family: string): boolean => {
    const known = installed.get(family)
    if (known !== undefined) return known
    const sample = 'mmmmmmmmmlli1WQ@# 日本語'
    const width = (font: string) => {
      ctx.font = font
      return ctx.measureText(sample).width
    }
    const found = ['monospace', 'serif', 'sans-serif'].some(
      (generic) => width(`72px "${family}", ${generic}`) !== width(`72px ${generic}`),
    )
    installed.set(family, found)
    return found
  }
  const families = (stack: string) =>
    stack
      .split(',')
      .map((name) => name.trim().replace(/^["']|["']$/g, ''))
      .filter(Boolean)
  /** The font the browser draws `text` in: the first installed family of the stack (a CJK one for CJK). */
  const fontFor = (stack: string, cjk: boolean): string => {
    const list = families(stack)
    const named = list.filter((name) => !(name in GENERIC))
    const pick = (candidates: string[]) => candidates.find(isInstalled) ?? candidates[0]
    if (cjk) {
      const cjkFonts = named.filter((name) => CJK_FONT.test(name))
      const found = pick(cjkFonts)
      if (found) return found
    }
    const latin = named.filter((name) => !CJK_FONT.test(name))
    const generic = list.find((name) => name in GENERIC)
    return (
      latin.find(isInstalled) ??
      (generic ? GENERIC[generic] : undefined) ??
      named[0] ??
      'Arial'
    ).replace(/["&<>]/g, '')
  }

  // --- geometry ------------------------------------------------------------

  const px = (value: string) => Number.parseFloat(value) || 0
  const box = (
    rect: DOMRect | { left: number; top: number; width: number; height: number },
  ): Box => ({
    x: rect.left - origin.left,
    y: rect.top - origin.top,
    w: rect.width,
    h: rect.height,
  })
  /** How much the element is scaled on screen (auto-fit, transforms): drawn width over layout width. */
  const scaleOf = (element: HTMLElement): number => {
    const rect = element.getBoundingClientRect()
    return element.offsetWidth > 0 ? rect.width / element.offsetWidth : 1
  }
  const contentBox = (element: Element): Box => {
    const rect = element.getBoundingClientRect()
    const style = view.getComputedStyle(element)
    const scale = element instanceof HTMLElement ? scaleOf(element) : 1
    const left = (px(style.borderLeftWidth) + px(style.paddingLeft)) * scale
    const top = (px(style.borderTopWidth) + px(style.paddingTop)) * scale
    const right = (px(style.borderRightWidth) + px(style.paddingRight)) * scale
    const bottom = (px(style.borderBottomWidth) + px(style.paddingBottom)) * scale
    return box({
      left: rect.left + left,
      top: rect.top + top,
      width: rect.width - left - right,
      height: rect.height - top - bottom,
    })
  }
  const isShown = (element: Element) => {
    const style = view.getComputedStyle(element)
    return style.display !== 'none' && style.visibility === 'visible' && Number(style.opacity) > 0
  }
  const isInline = (node: Node): boolean => {
    if (node.nodeType === Node.TEXT_NODE) return true
    if (!(node instanceof Element)) return false
    if (isPicture(node)) return true
    const display = view.getComputedStyle(node).display
    return display === 'none' || display.startsWith('inline') || display === 'contents'
  }
  const isPicture = (element: Element) => /^(IMG|SVG|CANVAS|VIDEO)$/i.test(element.tagName)

  // --- text runs -----------------------------------------------------------

  const transform = (text: string, how: string) =>
    how === 'uppercase'
      ? text.toUpperCase()
      : how === 'lowercase'
        ? text.toLowerCase()
        : how === 'capitalize'
          ? text.replace(/\b\p{L}/gu, (c) => c.toUpperCase())
          : text

  /** Runs for one text node, split where CJK starts and stops so each part keeps its font. */
  const runsOf = (node: Text, scale: number, keepSpaces: boolean): TextRun[] => {
    const parent = node.parentElement
    if (!parent || view.getComputedStyle(parent).visibility !== 'visible') return []
    const style = view.getComputedStyle(parent)
    let text = node.data
    if (!keepSpaces && !/^pre/.test(style.whiteSpace)) text = text.replace(/[\t\n\r ]+/g, ' ')
    text = transform(text, style.textTransform)
    if (text === '') return []
    const color = colour(style.color)
    const decorations = style.textDecorationLine
    const link = parent.closest('a[href]')?.getAttribute('href') ?? undefined
    let highlight: string | undefined
    const inCode = parent.closest('pre') !== null
    for (let at: Element | null = parent; at && at !== slide; at = at.parentElement) {
      const atStyle = view.getComputedStyle(at)
      if (!atStyle.display.startsWith('inline')) break
      const background = visibleColour(atStyle.backgroundColor)
      // Code blocks draw their highlights as rectangles; a faint wash is no run highlight.
      if (background && !inCode && background.alpha > 0.5) {
        highlight = background.hex
        at.setAttribute(INLINE, '')
      }
      if (atStyle.display === 'inline') at.setAttribute(INLINE, '')
    }
    const vertical = style.verticalAlign
    const base: Omit<TextRun, 'text' | 'font'> = {
      size: px(style.fontSize) * scale,
      color: color.hex,
      ...(color.alpha < 1 ? { transparency: Math.round((1 - color.alpha) * 100) } : {}),
      ...(Number(style.fontWeight) >= 600 ? { bold: true } : {}),
      ...(style.fontStyle !== 'normal' ? { italic: true } : {}),
      ...(decorations.includes('underline') ? { underline: true } : {}),
      ...(decorations.includes('line-through') ? { strike: true } : {}),
      ...(link && /^(https?:|mailto:)/i.test(link) ? { link } : {}),
      ...(highlight ? { highlight } : {}),
      ...(px(style.letterSpacing) !== 0 ? { spacing: px(style.letterSpacing) * scale } : {}),
      ...(vertical === 'super' ? { baseline: 30 } : vertical === 'sub' ? { baseline: -25 } : {}),
    }
    const runs: TextRun[] = []
    let last = 0
    const push = (part: string, cjk: boolean) => {
      if (part === '') return
      runs.push({
        ...base,
        text: part,
        font: fontFor(style.fontFamily, cjk),
        ...(cjk ? { lang: doc.documentElement.lang.startsWith('zh') ? 'zh-CN' : 'ja-JP' } : {}),
      })
    }
    for (const match of text.matchAll(CJK_RUN)) {
      push(text.slice(last, match.index), false)
      push(match[0], true)
      last = match.index + match[0].length
    }
    push(text.slice(last), false)
    return runs
  }

  /** Text runs of inline content; pictures inside it become picture shapes. */
  const collectRuns = (nodes: Node[], scale: number, keepSpaces: boolean): TextRun[] => {
    const runs: TextRun[] = []
    let breakNext = false
    const visit = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const found = runsOf(node as Text, scale, keepSpaces)
        if (found[0] && breakNext) {
          found[0].breakBefore = true
          breakNext = false
        }
        runs.push(...found)
        return
      }
      if (!(node instanceof Element)) return
      if (node.tagName === 'BR') {
        breakNext = true
        return
      }
      if (isPicture(node)) {
        pending.push(node)
        return
      }
      const style = view.getComputedStyle(node)
      if (style.display === 'none') return
      for (const child of node.childNodes) visit(child)
    }
    for (const node of nodes) visit(node)
    return tidy(runs, keepSpaces)
  }
  /** Collapsed spaces: none at the start or end of a line. */
  const tidy = (runs: TextRun[], keepSpaces: boolean): TextRun[] => {
    if (keepSpaces) return runs
    for (const [i, run] of runs.entries()) {
      const previous = runs[i - 1]
      if (!previous || run.breakBefore || /\s$/.test(previous.text))
        run.text = run.text.replace(/^\s+/, '')
      const next = runs[i + 1]
      if (!next || next.breakBefore) run.text = run.text.replace(/\s+$/, '')
    }
    return runs.filter((run) => run.text !== '' || run.breakBefore)
  }

  /** Line boxes of inline content: its client rects grouped where they overlap vertically. */
  const lineCount = (nodes: Node[]): number => {
    const range = doc.createRange()
    const tops: { top: number; bottom: number }[] = []
    for (const node of nodes) {
      range.selectNode(node)
      for (const rect of range.getClientRects()) {
        if (rect.width === 0 || rect.height === 0) continue
        const line = tops.find((l) => rect.top < l.bottom - 1 && rect.bottom > l.top + 1)
        if (line) {
          line.top = Math.min(line.top, rect.top)
          line.bottom = Math.max(line.bottom, rect.bottom)
        } else tops.push({ top: rect.top, bottom: rect.bottom })
      }
    }
    return Math.max(1, tops.length)
  }

  const alignOf = (style: CSSStyleDeclaration): Paragraph['align'] => {
    const align = style.textAlign
    if (align === 'center' || align === 'right' || align === 'justify') return align
    if (align === 'end') return style.direction === 'rtl' ? 'left' : 'right'
    return 'left'
  }

  /** A paragraph of `nodes`, whose line boxes fill `height` pixels. */
  const paragraphOf = (
    nodes: Node[],
    element: Element,
    height: number,
    keepSpaces = false,
  ): Paragraph | undefined => {
    const style = view.getComputedStyle(element)
    const scale = element instanceof HTMLElement ? scaleOf(element) : 1
    const runs = collectRuns(nodes, scale, keepSpaces)
    if (!runs.some((run) => run.text.trim() !== '')) return undefined
    const declared = style.lineHeight === 'normal' ? px(style.fontSize) * 1.2 : px(style.lineHeight)
    const measured = height / lineCount(nodes)
    // `<big>` and friends make lines taller than the block's own line-height.
    const lineHeight = Math.abs(measured - declared * scale) > 1 ? measured : declared * scale
    return { runs, align: alignOf(style), lineHeight, spaceBefore: 0 }
  }

  // --- shapes ----------------------------------------------------------------

  /** Pictures met inside inline content, drawn once their paragraph is done. */
  const pending: Element[] = []

  const textShape = (element: Element) => {
    const content = contentBox(element)
    const paragraph = paragraphOf([...element.childNodes], element, content.h)
    if (paragraph) shapes.push({ kind: 'text', box: content, paragraphs: [paragraph] })
  }

  const pictureShape = async (element: Element): Promise<ImageShape | undefined> => {
    const rect = element.getBoundingClientRect()
    if (rect.width < 1 || rect.height < 1 || !isShown(element)) return undefined
    element.setAttribute(DRAWN, '')
    const alt = element.getAttribute('alt') ?? element.getAttribute('aria-label') ?? undefined
    const data = await rasterize(element, rect)
    return data ? { kind: 'image', box: box(rect), data, ...(alt ? { alt } : {}) } : undefined
  }
  /** A PNG of the picture at twice its size on the slide (raster `data:` images pass through). */
  const rasterize = async (element: Element, rect: DOMRect): Promise<string | undefined> => {
    let source: CanvasImageSource
    if (element instanceof HTMLImageElement) {
      if (/^data:image\/(png|jpeg|gif);/i.test(element.src)) return element.src
      source = element
    } else if (element instanceof SVGSVGElement) {
      const svg = new XMLSerializer().serializeToString(element)
      const image = new Image()
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
      await image.decode().catch(() => undefined)
      source = image
    } else if (element instanceof HTMLCanvasElement || element instanceof HTMLVideoElement) {
      source = element
    } else return undefined
    const out = doc.createElement('canvas')
    out.width = Math.ceil(rect.width * 2)
    out.height = Math.ceil(rect.height * 2)
    try {
      out.getContext('2d')?.drawImage(source, 0, 0, out.width, out.height)
      return out.toDataURL('image/png')
    } catch {
      return undefined
    }
  }

  /** Backgrounds inside a code block (the block's own, highlighted lines and words) as rectangles. */
  const backgroundRects = (element: Element) => {
    for (const part of [element, ...element.querySelectorAll('*')]) {
      const style = view.getComputedStyle(part)
      const fill = visibleColour(style.backgroundColor)
      if (!fill || style.visibility !== 'visible') continue
      const rect = part.getBoundingClientRect()
      if (rect.width < 1 || rect.height < 1) continue
      shapes.push({
        kind: 'rect',
        box: box(rect),
        fill: fill.hex,
        ...(fill.alpha < 1 ? { transparency: Math.round((1 - fill.alpha) * 100) } : {}),
        ...(px(style.borderTopLeftRadius) > 0 ? { radius: px(style.borderTopLeftRadius) } : {}),
      })
    }
  }

  /** A code block: one paragraph per line, every token's colour kept. */
  const codeShape = (pre: Element) => {
    pre.setAttribute(DRAWN, '')
    backgroundRects(pre)
    const content = contentBox(pre)
    const code = pre.querySelector('code') ?? pre
    const lines = [...code.children].filter((child) => child.hasAttribute('data-line'))
    const style = view.getComputedStyle(pre)
    const scale = pre instanceof HTMLElement ? scaleOf(pre) : 1
    const lineHeight =
      (style.lineHeight === 'normal' ? px(style.fontSize) * 1.2 : px(style.lineHeight)) * scale
    const groups: Node[][] =
      lines.length > 0
        ? lines.map((line) => [line])
        : (code.textContent ?? '').split('\n').map((text) => [doc.createTextNode(text)])
    const paragraphs: Paragraph[] = groups.map((nodes) => {
      const runs =
        lines.length > 0
          ? collectRuns(nodes, scale, true)
          : [
              {
                text: nodes[0]?.textContent ?? '',
                font: fontFor(style.fontFamily, CJK.test(nodes[0]?.textContent ?? '')),
                size: px(style.fontSize) * scale,
                color: colour(style.color).hex,
              },
            ]
      return { runs: runs.length > 0 ? runs : [], align: 'left', lineHeight, spaceBefore: 0 }
    })
    // The code's own width: a long line scrolls in the browser, so the box is never narrower.
    const width = Math.max(content.w, code.scrollWidth * scale)
    shapes.push({ kind: 'text', box: { ...content, w: width }, paragraphs, code: true })
  }

  /**
   * A list (and the lists nested in it) as one text box of bulleted or
   * numbered paragraphs. PowerPoint puts an item's text at `indent × (level + 1)`
   * from the box's left edge and its bullet `indent` before that; the box
   * starts one hanging indent before the top-level items' text.
   */
  const listShape = (list: Element) => {
    const outer = contentBox(list)
    const paragraphs: { paragraph: Paragraph; left: number; level: number; marker: boolean }[] = []
    let cursor = outer.y
    const others: Element[] = []
    const walkList = (element: Element, level: number) => {
      const ordered = element.tagName === 'OL'
      const start = Number(element.getAttribute('start') ?? '1') || 1
      for (const item of element.children) {
        if (item.tagName !== 'LI' || !isShown(item)) continue
        const itemBox = contentBox(item)
        const inline: Node[] = []
        const blocks: Element[] = []
        for (const child of item.childNodes) {
          if (child instanceof Element && !isInline(child)) blocks.push(child)
          else if (blocks.length === 0 || child.textContent?.trim()) inline.push(child)
        }
        // A loose list item (`<li><p>…</p></li>`): its first paragraph is the item's text.
        const first = blocks[0]
        if (inline.every((node) => !node.textContent?.trim()) && first?.tagName === 'P') {
          inline.splice(0, inline.length, ...first.childNodes)
          blocks.shift()
        }
        const next = blocks[0]
        const bottom = next ? next.getBoundingClientRect().top - origin.top : itemBox.y + itemBox.h
        const paragraph = paragraphOf(inline, item, bottom - itemBox.y)
        if (paragraph) {
          paragraph.spaceBefore = Math.max(0, itemBox.y - cursor)
          cursor = itemBox.y + paragraph.lineHeight * lineCount(inline)
          const marker = view.getComputedStyle(item).listStyleType !== 'none'
          if (marker) {
            paragraph.bullet = {
              type: ordered ? 'number' : 'bullet',
              level,
              indent: 0,
              ...(ordered && start !== 1 ? { startAt: start } : {}),
            }
          }
          paragraphs.push({ paragraph, left: itemBox.x, level, marker })
        }
        for (const block of blocks) {
          if (block.tagName === 'UL' || block.tagName === 'OL') walkList(block, level + 1)
          else others.push(block)
        }
      }
    }
    walkList(list, 0)
    if (paragraphs.length === 0) return others
    const textLeft = Math.min(...paragraphs.filter((p) => p.level === 0).map((p) => p.left))
    const size = paragraphs[0]?.paragraph.runs[0]?.size ?? 16
    // Room for the marker: a bullet, or a number and its period.
    const ordered = list.tagName === 'OL'
    const hanging = paragraphs.some((p) => p.marker) ? size * (ordered ? 1.6 : 1) : 0
    const x = textLeft - hanging
    for (const { paragraph, left, level } of paragraphs) {
      if (paragraph.bullet) paragraph.bullet.indent = Math.max(1, (left - x) / (level + 1))
    }
    shapes.push({
      kind: 'text',
      box: { x, y: outer.y, w: outer.x + outer.w - x, h: outer.h },
      paragraphs: paragraphs.map((p) => p.paragraph),
    })
    return others
  }

  const borderOf = (style: CSSStyleDeclaration, side: string): CellBorder | undefined => {
    const width = px(style.getPropertyValue(`border-${side}-width`))
    const kind = style.getPropertyValue(`border-${side}-style`)
    const color = visibleColour(style.getPropertyValue(`border-${side}-color`))
    return width > 0 && kind !== 'none' && kind !== 'hidden' && color
      ? { width, color: color.hex }
      : undefined
  }

  const tableShape = (table: HTMLTableElement): TableShape | undefined => {
    table.setAttribute(DRAWN, '')
    const rows: TableShape['rows'] = []
    let columns: number[] = []
    for (const row of table.rows) {
      if (!isShown(row)) continue
      const rowStyle = view.getComputedStyle(row)
      const cells: TableCell[] = []
      const widths: number[] = []
      for (const cell of row.cells) {
        const style = view.getComputedStyle(cell)
        const content = contentBox(cell)
        const paragraph = paragraphOf([...cell.childNodes], cell, content.h)
        const fill = visibleColour(style.backgroundColor) ?? visibleColour(rowStyle.backgroundColor)
        const valign = style.verticalAlign
        cells.push({
          paragraphs: paragraph ? [paragraph] : [],
          ...(fill ? { fill: fill.hex } : {}),
          padding: [
            px(style.paddingTop),
            px(style.paddingRight),
            px(style.paddingBottom),
            px(style.paddingLeft),
          ],
          border: [
            borderOf(style, 'top'),
            borderOf(style, 'right'),
            borderOf(style, 'bottom'),
            borderOf(style, 'left'),
          ],
          valign: valign === 'top' ? 'top' : valign === 'bottom' ? 'bottom' : 'middle',
          colspan: cell.colSpan,
          rowspan: cell.rowSpan,
        })
        const width = cell.getBoundingClientRect().width
        for (let k = 0; k < cell.colSpan; k++) widths.push(width / cell.colSpan)
      }
      if (widths.length > columns.length) columns = widths
      rows.push({ height: row.getBoundingClientRect().height, cells })
    }
    if (rows.length === 0) return undefined
    return { kind: 'table', box: box(table.getBoundingClientRect()), columns, rows }
  }

  /** Inline content that sits between blocks (`<div>text<p>…</p></div>`): a box from its rects. */
  const looseTextShape = (nodes: Node[], parent: Element) => {
    if (!nodes.some((node) => node.textContent?.trim())) return
    const range = doc.createRange()
    range.setStartBefore(nodes[0] as Node)
    range.setEndAfter(nodes[nodes.length - 1] as Node)
    const rect = range.getBoundingClientRect()
    const content = contentBox(parent)
    const paragraph = paragraphOf(nodes, parent, rect.height)
    if (!paragraph) return
    const leading = Math.max(0, (paragraph.lineHeight - rect.height / lineCount(nodes)) / 2)
    shapes.push({
      kind: 'text',
      box: {
        x: content.x,
        y: rect.top - origin.top - leading,
        w: content.w,
        h: rect.height + 2 * leading,
      },
      paragraphs: [paragraph],
    })
  }

  const visit = async (element: Element): Promise<void> => {
    const style = view.getComputedStyle(element)
    if (style.display === 'none' || element.classList.contains('notes')) return
    if (isPicture(element)) {
      const picture = await pictureShape(element)
      if (picture) shapes.push(picture)
      return
    }
    if (style.visibility !== 'visible' && element.children.length === 0) return
    if (element instanceof HTMLTableElement) {
      const table = tableShape(element)
      if (table) shapes.push(table)
      return
    }
    if (element.tagName === 'PRE') return codeShape(element)
    if (element.tagName === 'UL' || element.tagName === 'OL') {
      for (const other of listShape(element)) await visit(other)
      return drawPending()
    }
    const children = [...element.childNodes]
    if (children.every(isInline)) {
      textShape(element)
      return drawPending()
    }
    let run: Node[] = []
    for (const child of children) {
      if (isInline(child)) {
        run.push(child)
        continue
      }
      looseTextShape(run, element)
      run = []
      await drawPending()
      await visit(child as Element)
    }
    looseTextShape(run, element)
    await drawPending()
  }
  const drawPending = async () => {
    for (const element of pending.splice(0)) {
      const picture = await pictureShape(element)
      if (picture) shapes.push(picture)
    }
  }

  for (const child of slide.children) await visit(child)
  return { width: origin.width, height: origin.height, shapes }
}
