import { createRequire } from 'node:module'
import type { DeckMessage, DiagramPlace, DrawnDiagram, Slide } from '@slidemark/core'
import { hasDiagrams } from '@slidemark/core'
import type { BrowserContext, Page } from 'playwright-core'

/**
 * Mermaid diagrams drawn in Chromium while the command has it open: the deck
 * is built without the Mermaid chunk (`diagrams: { browser: false }` in the
 * plugin), and the page gets Mermaid's own prebuilt bundle from
 * `node_modules` instead, so the runtime draws each diagram in the theme's
 * colours exactly as a browser would. `slidemark build` then puts the SVGs
 * into the deck it writes (which carries no Mermaid at all); `check` and
 * `export` use the drawn page as it is. Every diagram of a deck is drawn in
 * one page (two when the theme has dark colours), within one time budget.
 */

/** How long all of a deck's diagrams may take to draw, per page. */
export const DIAGRAM_BUDGET_MS = 60_000

/** Where the page keeps what the runtime reported (see {@link initScript}). */
const PROBLEMS_KEY = '__slidemarkDiagramProblems'

/** Whether any slide of the deck has a ```` ```mermaid ```` block. */
export function deckHasDiagrams(slides: readonly Pick<Slide, 'content'>[]): boolean {
  return slides.some((slide) => hasDiagrams(slide.content))
}

/** Mermaid's prebuilt browser bundle, found the way the runtime finds Mermaid. */
export function mermaidScriptPath(): string {
  const fromCli = createRequire(import.meta.url)
  const fromPlugin = createRequire(fromCli.resolve('@slidemark/vite-plugin'))
  const fromRuntime = createRequire(fromPlugin.resolve('@slidemark/runtime/mermaid'))
  return fromRuntime.resolve('mermaid/dist/mermaid.min.js')
}

/** Where the page fetches Mermaid from: a reserved name only the command's routing answers. */
const MERMAID_URL = 'https://mermaid.slidemark.invalid/mermaid.min.js'

/**
 * Runs in the page before its scripts: the runtime's Mermaid loader becomes a
 * `<script>` of Mermaid's bundle (fetched on the first diagram, as the chunk
 * would be), and every `slidemark:diagram-error` is kept for {@link drawnDiagrams}.
 */
function initScript({ key, url }: { key: string; url: string }) {
  const problems: Array<{ line: number; column: number; reason: string }> = []
  Object.defineProperty(window, key, { value: problems })
  window.addEventListener('slidemark:diagram-error', (event) => {
    const { line, column, reason } = (event as CustomEvent).detail ?? {}
    problems.push({ line, column, reason })
  })
  let loading: Promise<unknown> | undefined
  const loaders = globalThis as unknown as Record<symbol, () => Promise<unknown>>
  loaders[Symbol.for('slidemark.mermaid')] = () => {
    loading ??= new Promise((resolve, reject) => {
      const script = document.createElement('script')
      script.src = url
      script.onload = () => resolve((globalThis as { mermaid?: unknown }).mermaid)
      script.onerror = () => reject(new Error('Mermaid did not load into the page'))
      document.head.append(script)
    })
    return loading
  }
}

/** Makes every page of `context` able to draw diagrams (call before opening the page). */
export async function injectMermaid(context: BrowserContext): Promise<void> {
  const script = mermaidScriptPath()
  await context.route(MERMAID_URL, (route) =>
    route.fulfill({ path: script, contentType: 'text/javascript; charset=utf-8' }),
  )
  await context.addInitScript(initScript, { key: PROBLEMS_KEY, url: MERMAID_URL })
}

/** Rejects after `ms` with `message`: a page stuck in Mermaid must not hang the command. */
function within<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms)
  })
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}

const PENDING =
  'pre.slidemark-mermaid:not([data-mermaid-state="drawn"], [data-mermaid-state="error"])'

/** One diagram as the page drew it (from the print pages, one copy per diagram). */
interface PageDiagram extends DiagramPlace {
  svg: string | null
  error: string | null
  colours: string | null
}

/**
 * Waits (within {@link DIAGRAM_BUDGET_MS}) until every diagram of the page
 * is drawn or found unreadable. Returns the places of those still not drawn.
 */
export async function waitForDiagrams(page: Page, budget = DIAGRAM_BUDGET_MS): Promise<string[]> {
  try {
    await page.waitForFunction((selector) => !document.querySelector(selector), PENDING, {
      timeout: budget,
    })
    return []
  } catch {
    return within(
      page.evaluate(
        (selector) =>
          [...document.querySelectorAll(selector)].map(
            (pre) =>
              `${pre.getAttribute('data-mermaid-line')}:${pre.getAttribute('data-mermaid-column')}`,
          ),
        PENDING,
      ),
      5_000,
      'the page stopped answering',
    ).catch(() => ['?:?'])
  }
}

/** The page's diagrams (one per place) and the problems the runtime reported. */
async function readDiagrams(page: Page): Promise<{
  diagrams: PageDiagram[]
  problems: Array<{ line: number; column: number; reason: string }>
}> {
  return within(
    page.evaluate((key) => {
      const seen = new Set<string>()
      const diagrams = []
      for (const pre of document.querySelectorAll<HTMLElement>('pre.slidemark-mermaid')) {
        const line = Number(pre.getAttribute('data-mermaid-line'))
        const column = Number(pre.getAttribute('data-mermaid-column'))
        if (seen.has(`${line}:${column}`)) continue
        seen.add(`${line}:${column}`)
        const state = pre.getAttribute('data-mermaid-state')
        diagrams.push({
          line,
          column,
          svg: state === 'drawn' ? pre.innerHTML : null,
          error: state === 'error' ? (pre.getAttribute('data-mermaid-error') ?? 'error') : null,
          colours: pre.getAttribute('data-mermaid-colours'),
        })
      }
      const problems = (window as unknown as Record<string, unknown>)[key] ?? []
      return {
        diagrams,
        problems: problems as Array<{ line: number; column: number; reason: string }>,
      }
    }, PROBLEMS_KEY),
    10_000,
    'the page stopped answering',
  )
}

/** What drawing a deck's diagrams found. */
export interface DiagramResult {
  /** The drawing (or error) of each diagram, by `line:column`. */
  drawn: Map<string, DrawnDiagram>
  /** `invalid-diagram` warnings at each diagram's deck line. */
  messages: DeckMessage[]
}

function warning(file: string, line: number, column: number, reason: string): DeckMessage {
  return {
    reason,
    file,
    line,
    column,
    severity: 'warning',
    ruleId: 'invalid-diagram',
    source: 'slidemark',
  }
}

/**
 * Mermaid names its SVG and what is inside (markers, its style sheet) after
 * the element id the runtime gave it (`slidemark-mermaid-3`), counted per
 * page; the built deck shows drawings of several pages side by side, so each
 * gets an id from its place and scheme instead.
 */
export function renameSvgIds(svg: string, place: DiagramPlace, scheme: 'light' | 'dark'): string {
  const id = /^<svg\b[^>]*\bid="([^"]+)"/.exec(svg)?.[1]
  if (!id) return svg
  const name = `slidemark-diagram-${place.line}-${place.column}-${scheme}`
  return svg.split(id).join(name)
}

/**
 * The diagrams of an open deck page, drawn: waits for every one (within the
 * budget), then reads each SVG and each problem. A diagram still drawing
 * when the budget runs out is reported and kept as code.
 */
export async function drawnDiagrams(
  page: Page,
  file: string,
  scheme: 'light' | 'dark' = 'light',
): Promise<DiagramResult & { colours: Map<string, string | null> }> {
  const late = await waitForDiagrams(page)
  const messages: DeckMessage[] = []
  const drawn = new Map<string, DrawnDiagram>()
  const colours = new Map<string, string | null>()
  const reason = `Mermaid did not finish drawing this diagram within ${DIAGRAM_BUDGET_MS / 1000} s (simplify it, or split it)`
  if (late.includes('?:?')) {
    // The page no longer answers: nothing can be read from it.
    return { drawn, colours, messages: [warning(file, 1, 1, reason)] }
  }
  const { diagrams, problems } = await readDiagrams(page)
  for (const diagram of diagrams) {
    const key = `${diagram.line}:${diagram.column}`
    colours.set(key, diagram.colours)
    if (diagram.svg) drawn.set(key, { svg: renameSvgIds(diagram.svg, diagram, scheme) })
    else if (diagram.error) drawn.set(key, { error: diagram.error })
    else {
      drawn.set(key, { error: reason })
      messages.push(warning(file, diagram.line, diagram.column, reason))
    }
  }
  for (const problem of problems) {
    messages.push(warning(file, problem.line, problem.column, problem.reason))
  }
  return { drawn, colours, messages }
}

/**
 * The light drawings with the dark ones added where the theme's dark
 * colours differ (a theme following `prefers-color-scheme`).
 */
export function withDarkDrawings(
  light: Awaited<ReturnType<typeof drawnDiagrams>>,
  dark: Awaited<ReturnType<typeof drawnDiagrams>>,
): Map<string, DrawnDiagram> {
  const drawn = new Map(light.drawn)
  for (const [key, drawing] of light.drawn) {
    const other = dark.drawn.get(key)
    if (!('svg' in drawing) || !other || !('svg' in other)) continue
    if (light.colours.get(key) === dark.colours.get(key)) continue
    drawn.set(key, { svg: drawing.svg, dark: other.svg })
  }
  return drawn
}

/** Whether the page's deck can be dark (its root's `color-scheme` includes `dark`). */
export function pageCanBeDark(page: Page): Promise<boolean> {
  return within(
    page.evaluate(() => {
      const root = document.querySelector('.slidemark')
      return root ? getComputedStyle(root).colorScheme.includes('dark') : false
    }),
    10_000,
    'the page stopped answering',
  ).catch(() => false)
}
