/** Command-line options of `pnpm bench`. */

export interface BenchArgs {
  /** A few iterations on the 25-slide deck only; for CI. */
  smoke: boolean
  /** Skip writing results/<timestamp>.json. */
  noJson: boolean
  help: boolean
}

export const USAGE = `Usage: pnpm bench [--smoke] [--no-json]

  --smoke    a few iterations on the 25-slide deck only (CI); exits non-zero on any error
  --no-json  print the table only, do not write packages/bench/results/<timestamp>.json`

/**
 * Parses `process.argv.slice(2)`. A bare `--` (which some pnpm versions pass
 * through) is ignored; unknown options throw so typos do not run the full suite.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { smoke: false, noJson: false, help: false }
  for (const arg of argv) {
    if (arg === '--') continue
    if (arg === '--smoke') args.smoke = true
    else if (arg === '--no-json') args.noJson = true
    else if (arg === '--help' || arg === '-h') args.help = true
    else throw new Error(`unknown option ${arg}\n${USAGE}`)
  }
  return args
}
