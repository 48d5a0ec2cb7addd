import { DIAGRAM_SELECTOR } from './diagram-selector.js'

export { DIAGRAM_SELECTOR }
/** Attribute saying how far a diagram got: `drawing`, `drawn` or `error`. */
export const DIAGRAM_STATE_ATTRIBUTE = 'data-mermaid-state'
/** Event on the window for each diagram Mermaid cannot read (`detail`: a {@link DiagramProblem}). */
export const DIAGRAM_ERROR_EVENT = 'slidemark:diagram-error'
/** Attribute holding the colours a diagram was drawn in (JSON), to redraw it when they change. */
export const DIAGRAM_COLOURS_ATTRIBUTE = 'data-mermaid-colours'

/** A diagram Mermaid could not draw: it stays on the slide as written. */
export interface DiagramProblem {
  /** 1-based line and column in the deck (the diagram's own line when Mermaid names one). */
  line: number
  column: number
  reason: string
  ruleId: 'invalid-diagram'
  /** Index of the slide it is on (`data-index` of the slide element), when known. */
  index?: number
}

/** The theme colours a diagram is drawn in, as `#rrggbb`. */
export interface DiagramColours {
  text: string
  background: string
  accent: string
  fill: string
  fontFamily: string
  dark: boolean
}

type Mermaid = typeof import('mermaid').default

/**
 * Global key of the function that loads Mermaid, set by
 * `@slidemark/runtime/mermaid` (a global, so two copies of the runtime in
 * one page still share it).
 */
export const MERMAID_LOADER = Symbol.for('slidemark.mermaid')

let mermaidModule: Promise<Mermaid> | null = null
/** Mermaid itself, a chunk of its own: only decks with diagrams load it. */
function loadMermaid(): Promise<Mermaid> {
  const load = (globalThis as { [MERMAID_LOADER]?: () => Promise<Mermaid> })[MERMAID_LOADER]
  if (!load) {
    return Promise.reject(
      new Error(
        'the page does not import @slidemark/runtime/mermaid (the Vite plugin adds it to decks with ```mermaid blocks)',
      ),
    )
  }
  mermaidModule ??= load()
  return mermaidModule
}

/** Drawn SVG (or the problem) per source and colours, shared by every copy of a slide. */
const drawings = new Map<string, Promise<{ svg: string } | { error: string }>>()
/** Mermaid has one global configuration: renders run one after another. */
let queue: Promise<unknown> = Promise.resolve()
let counter = 0

/**
 * Draw every Mermaid diagram that appears under `host` (live slides,
 * thumbnails, print pages), in the theme's colours, and again whenever new
 * slide elements come in. Loads Mermaid on the first diagram only. A drawn
 * diagram replaces the `<pre>`'s text with its SVG and fires `load` on it
 * (auto-fit measures the slide again); one Mermaid cannot read keeps its
 * source, gets `data-mermaid-state="error"` and `data-mermaid-error`, and is
 * reported once with `onProblem` and a {@link DIAGRAM_ERROR_EVENT} (whose
 * `detail` also carries what `describe` adds, e.g. the slide). When the
 * system switches between light and dark, diagrams whose colours changed are
 * drawn again. Diagrams drawn ahead of time (by `slidemark build`, no
 * `data-mermaid-source`) are left alone. Returns a function that stops watching.
 */
export function watchDiagrams(
  host: HTMLElement,
  onProblem?: (problem: DiagramProblem) => void,
  describe?: (problem: DiagramProblem) => Record<string, unknown>,
): () => void {
  const reported = new Set<string>()
  const report = (problem: DiagramProblem) => {
    const key = `${problem.line}:${problem.column}:${problem.reason}`
    if (reported.has(key)) return
    reported.add(key)
    onProblem?.(problem)
    host.ownerDocument.defaultView?.dispatchEvent(
      new CustomEvent(DIAGRAM_ERROR_EVENT, { detail: { ...problem, ...describe?.(problem) } }),
    )
  }
  const scan = () => {
    for (const pre of host.querySelectorAll<HTMLElement>(
      `${DIAGRAM_SELECTOR}:not([${DIAGRAM_STATE_ATTRIBUTE}])`,
    )) {
      void drawDiagram(pre, report)
    }
  }
  const observer =
    typeof MutationObserver === 'function' ? new MutationObserver(() => scan()) : null
  observer?.observe(host, { childList: true, subtree: true })
  const stopScheme = onSchemeChange(host, () => {
    for (const pre of host.querySelectorAll<HTMLElement>(
      `${DIAGRAM_SELECTOR}[${DIAGRAM_STATE_ATTRIBUTE}="drawn"][data-mermaid-source]`,
    )) {
      if (pre.getAttribute(DIAGRAM_COLOURS_ATTRIBUTE) === JSON.stringify(themeColours(pre)))
        continue
      pre.removeAttribute(DIAGRAM_STATE_ATTRIBUTE)
    }
    scan()
  })
  scan()
  return () => {
    observer?.disconnect()
    stopScheme()
  }
}

/** Calls `listener` when the system's colour scheme changes (light ↔ dark). */
function onSchemeChange(host: HTMLElement, listener: () => void): () => void {
  const query = host.ownerDocument.defaultView?.matchMedia?.('(prefers-color-scheme: dark)')
  if (!query?.addEventListener) return () => {}
  query.addEventListener('change', listener)
  return () => query.removeEventListener('change', listener)
}

/** Draw one diagram into its `<pre>`. */
async function drawDiagram(pre: HTMLElement, report: (problem: DiagramProblem) => void) {
  pre.setAttribute(DIAGRAM_STATE_ATTRIBUTE, 'drawing')
  const source = pre.dataset.mermaidSource ?? pre.textContent ?? ''
  pre.dataset.mermaidSource = source
  const colours = themeColours(pre)
  pre.setAttribute(DIAGRAM_COLOURS_ATTRIBUTE, JSON.stringify(colours))
  const key = JSON.stringify([source, colours])
  let drawing = drawings.get(key)
  if (!drawing) {
    drawing = render(source, colours)
    drawings.set(key, drawing)
  }
  const result = await drawing
  // Redrawn meanwhile (the colour scheme changed): the later drawing wins.
  if (pre.getAttribute(DIAGRAM_COLOURS_ATTRIBUTE) !== JSON.stringify(colours)) return
  if ('svg' in result) {
    pre.innerHTML = result.svg
    pre.setAttribute(DIAGRAM_STATE_ATTRIBUTE, 'drawn')
    pre.setAttribute('role', 'img')
    pre.dispatchEvent(new Event('load'))
    return
  }
  pre.textContent = source
  pre.setAttribute(DIAGRAM_STATE_ATTRIBUTE, 'error')
  pre.dataset.mermaidError = result.error
  const fence = Number(pre.dataset.mermaidLine) || 1
  // Mermaid counts the end of the text as one more line: keep to the diagram's last.
  const inner = Math.min(
    Number(/\bline (\d+)/.exec(result.error)?.[1] ?? 0),
    source.split('\n').length,
  )
  report({
    line: fence + inner,
    column: inner ? 1 : Number(pre.dataset.mermaidColumn) || 1,
    reason: `Mermaid cannot draw this diagram: ${result.error}`,
    ruleId: 'invalid-diagram',
    ...slideIndex(pre),
  })
}

/** `{ index }` of the slide element holding `pre` (its `data-index`), if any. */
function slideIndex(pre: HTMLElement): { index?: number } {
  const index = Number(pre.closest('[data-index]')?.getAttribute('data-index') ?? Number.NaN)
  return Number.isInteger(index) ? { index } : {}
}

/** Parse, then render, one diagram with Mermaid (queued: its configuration is global). */
function render(source: string, colours: DiagramColours) {
  const run = queue.then(async () => {
    let mermaid: Mermaid
    try {
      mermaid = await loadMermaid()
    } catch (error) {
      return { error: `Mermaid did not load (${describe(error)})` }
    }
    mermaid.initialize(mermaidConfig(colours))
    try {
      await mermaid.parse(source)
      const { svg } = await mermaid.render(`slidemark-mermaid-${++counter}`, source)
      return { svg }
    } catch (error) {
      return { error: describe(error) }
    }
  })
  queue = run
  return run
}

/** Mermaid's `base` theme, set from the slide's own colours. */
export function mermaidConfig(colours: DiagramColours) {
  const { text, background, accent, fill, fontFamily, dark } = colours
  return {
    startOnLoad: false,
    securityLevel: 'strict' as const,
    theme: 'base' as const,
    fontFamily,
    // SVG text, not HTML in <foreignObject>: a theme's rules for `p` and
    // `span` would restyle HTML labels after Mermaid measured them.
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    themeVariables: {
      darkMode: dark,
      background,
      fontFamily,
      fontSize: '18px',
      primaryColor: fill,
      primaryTextColor: text,
      primaryBorderColor: accent,
      secondaryColor: background,
      tertiaryColor: background,
      lineColor: text,
      textColor: text,
      mainBkg: fill,
      nodeBorder: accent,
      clusterBkg: background,
      edgeLabelBackground: background,
      actorBkg: fill,
      actorBorder: accent,
      actorTextColor: text,
      signalColor: text,
      signalTextColor: text,
      noteBkgColor: background,
      noteTextColor: text,
      noteBorderColor: accent,
    },
  }
}

/**
 * The colours around `element`: the text colour of its parent, the first opaque
 * background above it, and the accent `--slidemark-diagram-accent` (else
 * `--slidemark-focus`, else the text colour), each resolved by the browser
 * and read back as `#rrggbb`; the node fill is the accent mixed into the
 * background.
 */
export function themeColours(element: HTMLElement): DiagramColours {
  const doc = element.ownerDocument
  const view = doc.defaultView
  // The text around the block, not the block's own (monospace) code style.
  const style = view?.getComputedStyle(element.parentElement ?? element)
  const probe = doc.createElement('span')
  probe.style.cssText =
    'position:absolute;visibility:hidden;color:var(--slidemark-diagram-accent,var(--slidemark-focus,currentColor))'
  element.parentElement?.append(probe)
  const accentCss = view?.getComputedStyle(probe).color ?? ''
  probe.remove()
  const text = toRgb(doc, style?.color ?? '') ?? [0, 0, 0]
  const background = toRgb(doc, opaqueBackground(element)) ?? [255, 255, 255]
  const accent = toRgb(doc, accentCss) ?? text
  const fill = accent.map((value, index) =>
    Math.round(value * 0.14 + (background[index] ?? 0) * 0.86),
  )
  return {
    text: hex(text),
    background: hex(background),
    accent: hex(accent),
    fill: hex(fill),
    fontFamily: style?.fontFamily || 'sans-serif',
    dark: luminance(background) < 0.5,
  }
}

function opaqueBackground(element: HTMLElement): string {
  const view = element.ownerDocument.defaultView
  for (let node: HTMLElement | null = element; node; node = node.parentElement) {
    const colour = view?.getComputedStyle(node).backgroundColor ?? ''
    if (colour && colour !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(colour)) return colour
  }
  return 'rgb(255, 255, 255)'
}

/** Any CSS colour the browser computed, as RGB, by painting one pixel (`undefined` without a canvas). */
function toRgb(doc: Document, colour: string): number[] | undefined {
  if (!colour) return undefined
  const context = doc.createElement('canvas').getContext?.('2d', { willReadFrequently: true })
  if (!context) return undefined
  context.fillStyle = '#fff'
  context.fillRect(0, 0, 1, 1)
  context.fillStyle = colour
  context.fillRect(0, 0, 1, 1)
  const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data
  return [r, g, b]
}

function hex(rgb: readonly number[]): string {
  return `#${rgb.map((value) => value.toString(16).padStart(2, '0')).join('')}`
}

function luminance([r = 0, g = 0, b = 0]: readonly number[]): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
}

/**
 * One line from an error: Mermaid's parse errors echo the line and put a
 * caret under it, which only make sense in a terminal, so those go.
 */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  const lines = text.split('\n').map((line) => line.trim())
  const kept = /^Parse error on line \d+/.test(lines[0] ?? '')
    ? [lines[0], ...lines.slice(1).filter((line) => /^(Expecting|got|Unexpected)/.test(line))]
    : lines
  return kept.filter(Boolean).join(' ')
}
