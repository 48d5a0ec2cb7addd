/** One row of the benchmark table. */
export interface Row {
  /** Issue item, 1-8 (0 for supporting figures such as highlighter engines). */
  item: number
  /** What was measured, e.g. `compile() cold, 500 slides`. */
  label: string
  /** Median value, or `undefined` when the measurement could not run. */
  value?: number
  unit?: 'ms' | 's' | 'KB' | 'MB' | 'x' | '%'
  /** A ratio that goes with the value (e.g. Slidemark / bare pipeline), already formatted label + number. */
  ratio?: { label: string; value: number | undefined }
  /** The target for this row, as text, and whether the figure meets it. */
  target?: { text: string; met: boolean | undefined }
  /** Why there is no value (`n/a: …`), or a short note printed beside the figure. */
  note?: string
  /** Set when the measurement threw, rather than a piece being missing. */
  error?: boolean
}

/**
 * Thrown when a measurement cannot run because a piece it needs (a package's
 * build, Chromium, a CLI command) is not there. The suite prints `n/a` with
 * the reason and carries on.
 */
export class Unavailable extends Error {
  override name = 'Unavailable'
}

/** A row for a measurement that could not run. */
export function unavailableRow(item: number, label: string, reason: string): Row {
  return { item, label, note: `n/a: ${reason}` }
}
