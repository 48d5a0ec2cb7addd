/** Command-line options of `pnpm bench`. */

import { type PeerName, parsePeerList } from './peers.js'

export interface BenchArgs {
  /** A few iterations on the 25-slide deck only; for CI. */
  smoke: boolean
  /** Skip writing results/<timestamp>.json. */
  noJson: boolean
  /** Run only these groups (`--only apps,processes`); all when empty. */
  only: Group[]
  /**
   * Peers installed (npm, into packages/bench/.peers/) and measured in the
   * run: Marp CLI unless `--peers` says otherwise; none in smoke mode.
   */
  peers: PeerName[]
  help: boolean
}

/** Groups of measurements: in-process (items 1, 2, 4), processes (1, 3, 8), builds (5), apps (5, 6, 7). */
export const GROUPS = ['in-process', 'processes', 'builds', 'apps'] as const
export type Group = (typeof GROUPS)[number]

export const USAGE = `Usage: pnpm bench [--smoke] [--no-json] [--only <groups>] [--peers <list>]

  --smoke          a few iterations on the 25-slide deck only (CI); no network, no peers;
                   exits non-zero on any error
  --no-json        print the table only, do not write packages/bench/results/<timestamp>.json
  --only <groups>  comma-separated: in-process (items 1, 2, 4), processes (1, 3, 8),
                   builds (5: cold builds beside the peers, 2 000 and 10 000 slides), apps (5, 6, 7)
  --peers <list>   peers to install (npm, into packages/bench/.peers/) and build beside
                   Slidemark: marp (the default), reveal-md, slidev, all or none`

/**
 * Parses `process.argv.slice(2)`. A bare `--` (which some pnpm versions pass
 * through) is ignored; unknown options throw so typos do not run the full suite.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { smoke: false, noJson: false, only: [], peers: ['marp'], help: false }
  let peersGiven = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') continue
    if (arg === '--smoke') args.smoke = true
    else if (arg === '--no-json') args.noJson = true
    else if (arg === '--help' || arg === '-h') args.help = true
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length)
      for (const group of (value ?? '').split(',')) {
        if (!(GROUPS as readonly string[]).includes(group)) {
          throw new Error(`--only takes ${GROUPS.join(', ')}; got "${group}"\n${USAGE}`)
        }
        args.only.push(group as Group)
      }
    } else if (arg === '--peers' || arg.startsWith('--peers=')) {
      const value = arg === '--peers' ? argv[++i] : arg.slice('--peers='.length)
      args.peers = parsePeerList(value ?? '')
      peersGiven = true
    } else throw new Error(`unknown option ${arg}\n${USAGE}`)
  }
  if (args.smoke) {
    // CI's smoke run needs no network: peers are never installed in it.
    if (peersGiven && args.peers.length > 0) throw new Error('--smoke measures no peers')
    args.peers = []
  }
  return args
}
