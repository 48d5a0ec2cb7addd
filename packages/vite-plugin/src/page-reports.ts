import { type DeckMessage, formatMessage } from '@slidemark/core'
import type { Logger, ViteDevServer } from 'vite'
import type { HotDeckState } from './hot-slides.js'

/** What every report a dev page sends starts with: which deck, which version of it. */
export interface PageReport {
  id: string
  version: number
}

/** What the dev server knows when a report arrives. */
export interface PageReportContext {
  decks: Map<string, HotDeckState>
  root: () => string
  logger: () => Logger | undefined
}

/**
 * Dev-server client code for a deck module: forwards the runtime's window
 * `event` about this deck's slides to the server with the listed `fields` of
 * the event's detail. One listener per page, deck and event, kept in
 * `hot.data` across module versions.
 */
export function pageReportClientCode(id: string, event: string, fields: readonly string[]): string {
  const name = JSON.stringify(event)
  const flag = JSON.stringify(`slidemarkForwards:${event}`)
  const list = fields.join(', ')
  return `
if (import.meta.hot && typeof window !== 'undefined' && !import.meta.hot.data[${flag}]) {
  const hot = import.meta.hot
  hot.data[${flag}] = true
  window.addEventListener(${name}, (event) => {
    const current = hot.data.slidemarkCurrent
    const detail = event.detail
    if (!current || !detail || !current.slides.includes(detail.slide)) return
    const { ${list} } = detail
    hot.send(${name}, { id: ${JSON.stringify(id)}, version: current.version, ${list} })
  })
}
`
}

/**
 * What a report means, once it is known to be about the deck version the
 * server has: the warning to print and the key that prints it only once
 * (several tabs report the same problem), or undefined to drop the report.
 */
export type DescribeReport = (
  data: unknown,
  state: HotDeckState,
) => { key: string; message: Omit<DeckMessage, 'file' | 'severity' | 'source'> } | undefined

/**
 * Prints what pages report about `event` as warnings at their deck place,
 * `[slidemark] talk.slides.md:19:1: … [ruleId]`, once per deck version and
 * key. A report about a deck version the server no longer has is stale, and
 * one that `describe` cannot read is dropped: it comes from a page, so
 * nothing is assumed.
 */
export function forwardPageReports(
  server: Pick<ViteDevServer, 'ws'>,
  context: PageReportContext,
  event: string,
  describe: DescribeReport,
): void {
  const printed = new Set<string>()
  server.ws.on(event, (data: unknown) => {
    const report = data as Partial<PageReport> | null
    if (typeof report?.id !== 'string' || !Number.isInteger(report.version)) return
    const state = context.decks.get(report.id)
    if (!state || state.version !== report.version) return
    const described = describe(data, state)
    const key = described && `${report.id}@${report.version}:${described.key}`
    if (!described || !key || printed.has(key)) return
    printed.add(key)
    const message: DeckMessage = {
      ...described.message,
      file: report.id,
      severity: 'warning',
      source: 'slidemark',
    }
    context.logger()?.warn(`[slidemark] ${formatMessage(message, { root: context.root() })}`, {
      timestamp: true,
    })
  })
}
