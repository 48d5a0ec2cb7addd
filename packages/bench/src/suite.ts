/** What every measurement receives, and how a failing one becomes a row. */

import type { Machine } from './machine.js'
import type { PeerName } from './peers.js'
import { shortError } from './pipelines/slidemark.js'
import { type Row, Unavailable, unavailableRow } from './result.js'

export interface Suite {
  /** `--smoke`: a few iterations on the 25-slide deck, nothing slow (CI). */
  smoke: boolean
  machine: Machine
  /** Peers to install and measure beside Slidemark (`--peers`). */
  peers: PeerName[]
  /** Rows so far; later measurements read earlier ones (e.g. the cold compile for ratios). */
  rows: Row[]
  /** Named figures shared between measurements (milliseconds unless the name says otherwise). */
  figures: Map<string, number>
  /** Prints progress to stderr so stdout stays the table. */
  log(message: string): void
  /** `performance.now()` after which optional measurements are skipped. */
  optionalUntil: number
}

/**
 * Throws `Unavailable` (an `n/a` row) when the run is past the point where
 * optional figures still fit in its 5-minute budget, e.g. on a busy machine.
 */
export function requireTime(suite: Suite): void {
  if (performance.now() > suite.optionalUntil) {
    throw new Unavailable('skipped: optional, and this run is past its time budget')
  }
}

/**
 * Runs one measurement. A missing piece (`Unavailable`) becomes an `n/a`
 * row; any other error becomes an error row and marks the run failed.
 */
export async function measure(
  suite: Suite,
  item: number,
  label: string,
  run: () => Promise<Row[]>,
): Promise<void> {
  const started = performance.now()
  suite.log(`… ${label}`)
  try {
    const rows = await run()
    suite.rows.push(...rows)
  } catch (error) {
    if (error instanceof Unavailable) {
      suite.rows.push(unavailableRow(item, label, error.message))
    } else {
      suite.rows.push({ item, label, note: `error: ${shortError(error)}`, error: true })
      suite.log(error instanceof Error ? (error.stack ?? error.message) : String(error))
    }
  }
  suite.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

/** `value <= limit`, or `undefined` when there is no value. */
export function atMost(value: number | undefined, limit: number): boolean | undefined {
  return value === undefined ? undefined : value <= limit
}
