import type { ViteDevServer } from 'vite'
import {
  forwardPageReports,
  type PageReport,
  type PageReportContext,
  pageReportClientCode,
} from './page-reports.js'

/**
 * The custom HMR event a dev page sends for a Mermaid diagram it cannot draw;
 * also the window event `@slidemark/runtime` dispatches for it.
 */
export const DIAGRAM_ERROR_EVENT = 'slidemark:diagram-error'

/** What the page sends: which deck version, and where and why (deck line and column). */
export interface DiagramReport extends PageReport {
  line: number
  column: number
  reason: string
}

/** Dev-server client code for a deck module: forwards the runtime's `slidemark:diagram-error` events. */
export const diagramClientCode = (id: string) =>
  pageReportClientCode(id, DIAGRAM_ERROR_EVENT, ['line', 'column', 'reason'])

const isPlace = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1

/** The report if it is well formed (it comes from a page, so nothing is assumed). */
function readReport(data: unknown): DiagramReport | undefined {
  const report = data as Partial<DiagramReport> | null
  if (!report || !isPlace(report.line) || !isPlace(report.column)) return undefined
  if (typeof report.reason !== 'string' || report.reason === '') return undefined
  return report as DiagramReport
}

/**
 * Prints each diagram a page cannot draw as a warning at its deck line,
 * `[slidemark] talk.slides.md:83:1: Mermaid cannot draw this diagram: … [invalid-diagram]`,
 * once per deck version and place. A line outside the deck's slides is dropped.
 */
export function forwardDiagramProblems(
  server: Pick<ViteDevServer, 'ws'>,
  context: PageReportContext,
): void {
  forwardPageReports(server, context, DIAGRAM_ERROR_EVENT, (data, state) => {
    const report = readReport(data)
    const inDeck = state.deck.slides.some(
      (slide) => report && report.line >= slide.source.start && report.line <= slide.source.end,
    )
    if (!report || !inDeck) return undefined
    const reason = report.reason.replace(/\s+/g, ' ').slice(0, 300)
    const message = { reason, line: report.line, column: report.column, ruleId: 'invalid-diagram' }
    return { key: `${report.line}:${report.column}:${reason}`, message }
  })
}
