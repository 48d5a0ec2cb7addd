import { type DeckMessage, formatMessage } from '@slidemark/core'
import type { Logger, ViteDevServer } from 'vite'
import type { HotDeckState } from './hot-slides.js'

/**
 * The custom HMR event a dev page sends for a slide that does not fit even at
 * the fit floor; also the window event `@slidemark/runtime` dispatches for it.
 */
export const OVERFLOW_EVENT = 'slidemark:overflow'

/** What the page sends: which deck version and slide, and by how much. */
export interface OverflowReport {
  id: string
  version: number
  index: number
  /** Design px beyond the slide box at `scale`. */
  excess: { width: number; height: number }
  scale: number
}

/**
 * Dev-server client code for a deck module: forwards the runtime's window
 * `slidemark:overflow` events about this deck's slides to the server. One
 * listener per page and deck, kept in `hot.data` across module versions.
 */
export const overflowClientCode = (id: string) => `
if (import.meta.hot && typeof window !== 'undefined' && !import.meta.hot.data.slidemarkOverflow) {
  const hot = import.meta.hot
  hot.data.slidemarkOverflow = true
  window.addEventListener(${JSON.stringify(OVERFLOW_EVENT)}, (event) => {
    const current = hot.data.slidemarkCurrent
    const detail = event.detail
    if (!current || !detail || !current.slides.includes(detail.slide)) return
    const { index, excess, scale } = detail
    hot.send(${JSON.stringify(OVERFLOW_EVENT)}, { id: ${JSON.stringify(id)}, version: current.version, index, excess, scale })
  })
}
`

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0

/** The report if it is well formed (it comes from a page, so nothing is assumed). */
function readReport(data: unknown): OverflowReport | undefined {
  const report = data as Partial<OverflowReport> | null
  if (typeof report?.id !== 'string' || !Number.isInteger(report.version)) return undefined
  if (!Number.isInteger(report.index) || !isCount(report.scale)) return undefined
  if (!isCount(report.excess?.width) || !isCount(report.excess?.height)) return undefined
  return report as OverflowReport
}

/** `slide 3 does not fit: 412 px too tall at 50 % (…)`: the words `slidemark check` uses. */
function overflowReason({ index, excess, scale }: OverflowReport): string {
  const parts = [
    excess.height > 0 ? `${Math.ceil(excess.height)} px too tall` : '',
    excess.width > 0 ? `${Math.ceil(excess.width)} px too wide` : '',
  ].filter(Boolean)
  return `slide ${index + 1} does not fit: ${parts.join(' and ')} at ${Math.round(scale * 100)} % (split it, shorten it, or mark it .fx: no-fit)`
}

/**
 * Prints each overflow a page reports as a warning at the slide's line,
 * `[slidemark] talk.slides.md:19:1: slide 3 does not fit: … [slide-overflow]`,
 * once per deck version and slide (several tabs report the same slide).
 * Reports about a deck version the server no longer has are stale: dropped.
 */
export function forwardOverflows(
  server: Pick<ViteDevServer, 'ws'>,
  context: {
    decks: Map<string, HotDeckState>
    root: () => string
    logger: () => Logger | undefined
  },
): void {
  const printed = new Set<string>()
  server.ws.on(OVERFLOW_EVENT, (data: unknown) => {
    const report = readReport(data)
    const state = report && context.decks.get(report.id)
    const slide = report && state?.version === report.version && state.deck.slides[report.index]
    if (!report || !slide) return
    const key = `${report.id}@${report.version}#${report.index}`
    if (printed.has(key)) return
    printed.add(key)
    const message: DeckMessage = {
      reason: overflowReason(report),
      file: report.id,
      line: slide.source.start,
      column: 1,
      severity: 'warning',
      ruleId: 'slide-overflow',
      source: 'slidemark',
    }
    context.logger()?.warn(`[slidemark] ${formatMessage(message, { root: context.root() })}`, {
      timestamp: true,
    })
  })
}
