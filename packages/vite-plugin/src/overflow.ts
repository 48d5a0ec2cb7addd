import type { ViteDevServer } from 'vite'
import {
  forwardPageReports,
  type PageReport,
  type PageReportContext,
  pageReportClientCode,
} from './page-reports.js'

/**
 * The custom HMR event a dev page sends for a slide that does not fit even at
 * the fit floor; also the window event `@slidemark/runtime` dispatches for it.
 */
export const OVERFLOW_EVENT = 'slidemark:overflow'

/** What the page sends: which deck version and slide, and by how much. */
export interface OverflowReport extends PageReport {
  index: number
  /** Design px beyond the slide box at `scale`. */
  excess: { width: number; height: number }
  scale: number
}

/** Dev-server client code for a deck module: forwards the runtime's `slidemark:overflow` events. */
export const overflowClientCode = (id: string) =>
  pageReportClientCode(id, OVERFLOW_EVENT, ['index', 'excess', 'scale'])

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0

/** The report if it is well formed (it comes from a page, so nothing is assumed). */
function readReport(data: unknown): OverflowReport | undefined {
  const report = data as Partial<OverflowReport> | null
  if (!report || !Number.isInteger(report.index) || !isCount(report.scale)) return undefined
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
 * once per deck version and slide.
 */
export function forwardOverflows(
  server: Pick<ViteDevServer, 'ws'>,
  context: PageReportContext,
): void {
  forwardPageReports(server, context, OVERFLOW_EVENT, (data, state) => {
    const report = readReport(data)
    const slide = report && state.deck.slides[report.index]
    if (!report || !slide) return undefined
    const message = {
      reason: overflowReason(report),
      line: slide.source.start,
      column: 1,
      ruleId: 'slide-overflow',
    }
    return { key: `#${report.index}`, message }
  })
}
