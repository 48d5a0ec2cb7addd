import { type DeckMessage, formatMessage } from '@slidemark/core'
import type { Logger, ViteDevServer } from 'vite'
import type { HotDeckState } from './hot-slides.js'

/**
 * The custom HMR event a dev page sends for a Mermaid diagram it cannot draw;
 * also the window event `@slidemark/runtime` dispatches for it.
 */
export const DIAGRAM_ERROR_EVENT = 'slidemark:diagram-error'

/** What the page sends: which deck version, and where and why (deck line and column). */
export interface DiagramReport {
  id: string
  version: number
  line: number
  column: number
  reason: string
}

/**
 * Dev-server client code for a deck module: forwards the runtime's window
 * `slidemark:diagram-error` events about this deck's slides to the server,
 * as the overflow forwarding does (one listener per page and deck).
 */
export const diagramClientCode = (id: string) => `
if (import.meta.hot && typeof window !== 'undefined' && !import.meta.hot.data.slidemarkDiagrams) {
  const hot = import.meta.hot
  hot.data.slidemarkDiagrams = true
  window.addEventListener(${JSON.stringify(DIAGRAM_ERROR_EVENT)}, (event) => {
    const current = hot.data.slidemarkCurrent
    const detail = event.detail
    if (!current || !detail || !current.slides.includes(detail.slide)) return
    const { line, column, reason } = detail
    hot.send(${JSON.stringify(DIAGRAM_ERROR_EVENT)}, { id: ${JSON.stringify(id)}, version: current.version, line, column, reason })
  })
}
`

const isPlace = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1

/** The report if it is well formed (it comes from a page, so nothing is assumed). */
function readReport(data: unknown): DiagramReport | undefined {
  const report = data as Partial<DiagramReport> | null
  if (typeof report?.id !== 'string' || !Number.isInteger(report.version)) return undefined
  if (!isPlace(report.line) || !isPlace(report.column)) return undefined
  if (typeof report.reason !== 'string' || report.reason === '') return undefined
  return report as DiagramReport
}

/**
 * Prints each diagram a page cannot draw as a warning at its deck line,
 * `[slidemark] talk.slides.md:83:1: Mermaid cannot draw this diagram: … [invalid-diagram]`,
 * once per deck version and place (several tabs report the same diagram).
 * Reports about a deck version the server no longer has, or a line outside
 * the deck's slides, are dropped.
 */
export function forwardDiagramProblems(
  server: Pick<ViteDevServer, 'ws'>,
  context: {
    decks: Map<string, HotDeckState>
    root: () => string
    logger: () => Logger | undefined
  },
): void {
  const printed = new Set<string>()
  server.ws.on(DIAGRAM_ERROR_EVENT, (data: unknown) => {
    const report = readReport(data)
    const state = report && context.decks.get(report.id)
    if (!report || state?.version !== report.version) return
    const inDeck = state.deck.slides.some(
      (slide) => report.line >= slide.source.start && report.line <= slide.source.end,
    )
    if (!inDeck) return
    const reason = report.reason.replace(/\s+/g, ' ').slice(0, 300)
    const key = `${report.id}@${report.version}:${report.line}:${report.column}:${reason}`
    if (printed.has(key)) return
    printed.add(key)
    const message: DeckMessage = {
      reason,
      file: report.id,
      line: report.line,
      column: report.column,
      severity: 'warning',
      ruleId: 'invalid-diagram',
      source: 'slidemark',
    }
    context.logger()?.warn(`[slidemark] ${formatMessage(message, { root: context.root() })}`, {
      timestamp: true,
    })
  })
}
