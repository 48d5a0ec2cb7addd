/**
 * The peers `pnpm bench` measures in the same run as Slidemark: Marp CLI by
 * default, reveal-md and Slidev with `--peers all`. Each is installed with
 * npm into its own folder under packages/bench/.peers/ (git-ignored; override
 * with SLIDEMARK_BENCH_PEERS), once per pinned version, and driven as a
 * process the way a user runs it. A peer that cannot be installed (no
 * network) becomes `n/a` rows with the reason; nothing is ever committed.
 */

import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Timing } from './app.js'
import { toFencedForm } from './deck.js'
import { describeExit, runProcess } from './process.js'
import { Unavailable } from './result.js'

export const PEER_NAMES = ['marp', 'reveal-md', 'slidev'] as const
export type PeerName = (typeof PEER_NAMES)[number]

export interface PeerSpec {
  /** As printed in the table, with the pinned version. */
  label: string
  /** npm dependencies of the peer's folder (exact versions, so runs compare alike). */
  dependencies: Record<string, string>
  /** The command's file under node_modules/.bin. */
  bin: string
  /** What the peer builds from the deck, for the note beside its figure. */
  note: string
}

export const PEER_SPECS: Record<PeerName, PeerSpec> = {
  marp: {
    label: 'Marp CLI 4.5.1',
    dependencies: { '@marp-team/marp-cli': '4.5.1' },
    bin: 'marp',
    note: 'one HTML file, highlight.js, raw HTML on, math off',
  },
  'reveal-md': {
    label: 'reveal-md 6.1.4',
    dependencies: { 'reveal-md': '6.1.4' },
    bin: 'reveal-md',
    note: 'static site; ships the Markdown, rendered in the browser',
  },
  slidev: {
    // Slidev 53 needs Node 22; 52 is the last release that runs on Node 20.
    label: 'Slidev 52.20.1',
    dependencies: { '@slidev/cli': '52.20.1', '@slidev/theme-default': '0.25.0' },
    bin: 'slidev',
    note: 'vite build of the Vue app',
  },
}

/** Where peers are installed: packages/bench/.peers/, or $SLIDEMARK_BENCH_PEERS. */
export function peersDir(): string {
  return process.env.SLIDEMARK_BENCH_PEERS ?? fileURLToPath(new URL('../.peers/', import.meta.url))
}

export interface InstalledPeer {
  name: PeerName
  spec: PeerSpec
  /** The folder holding node_modules; decks for Slidev are written here (it resolves themes from it). */
  dir: string
  /** Absolute path of the command's JavaScript entry, run with this Node. */
  entry: string
}

/**
 * Installs `name` into its folder unless the pinned versions are already
 * there (a marker file records what was installed). Throws `Unavailable`
 * when npm fails, e.g. without network.
 */
export async function installPeer(
  name: PeerName,
  log: (message: string) => void,
): Promise<InstalledPeer> {
  const spec = PEER_SPECS[name]
  const dir = path.join(peersDir(), name)
  const marker = path.join(dir, 'installed.json')
  const wanted = JSON.stringify(spec.dependencies)
  const bin = path.join(dir, 'node_modules', '.bin', spec.bin)
  const installed = existsSync(marker) && readFileSync(marker, 'utf8') === wanted
  if (!installed || !existsSync(bin)) {
    log(`installing ${spec.label} into ${dir} (npm, once)`)
    mkdirSync(dir, { recursive: true })
    writeFileSync(
      path.join(dir, 'package.json'),
      `${JSON.stringify({ private: true, dependencies: spec.dependencies }, null, 2)}\n`,
    )
    const result = await runProcess(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', '--no-package-lock'],
      {
        cwd: dir,
        // Marp CLI depends on puppeteer-core, which downloads nothing; this keeps it so.
        env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
        timeoutMs: 600_000,
      },
    ).catch((error: unknown) => {
      throw new Unavailable(`could not run npm: ${error instanceof Error ? error.message : error}`)
    })
    if (result.code !== 0 || !existsSync(bin)) {
      const output = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-3).join(' ')
      throw new Unavailable(
        `npm install of ${spec.label} ${describeExit(result.code, result.timedOut)}: ${output}`,
      )
    }
    writeFileSync(marker, wanted)
  }
  return { name, spec, dir, entry: realpathSync(bin) }
}

/** Parses `--peers marp,reveal-md` / `all` / `none` into peer names. */
export function parsePeerList(value: string): PeerName[] {
  if (value === 'all') return [...PEER_NAMES]
  if (value === 'none' || value === '') return []
  return value.split(',').map((name) => {
    if (!(PEER_NAMES as readonly string[]).includes(name)) {
      throw new Error(`--peers takes all, none or ${PEER_NAMES.join(', ')}; got "${name}"`)
    }
    return name as PeerName
  })
}

/** The command line that builds `deck.md` in `dir` into `dir/dist`. */
function buildArgs(peer: InstalledPeer, dir: string): string[] {
  switch (peer.name) {
    case 'marp':
      // Raw HTML as Slidemark allows it; math off: `$$$$` is our build-step marker.
      writeFileSync(
        path.join(dir, 'marp.config.json'),
        JSON.stringify({ html: true, options: { math: false } }),
      )
      return ['--no-stdin', '--config-file', 'marp.config.json', 'deck.md', '-o', 'dist/index.html']
    case 'reveal-md':
      return ['deck.md', '--static', 'dist']
    case 'slidev':
      return ['build', path.join(dir, 'deck.md'), '--out', path.join(dir, 'dist')]
  }
}

/**
 * One cold build of `deck` (Slidemark syntax, given to the peer in fenced
 * form) as a fresh process in a fresh folder; the folder is removed after.
 * Slidev's folder sits inside its install folder, where it finds its theme.
 */
export async function peerBuild(peer: InstalledPeer, deck: string): Promise<Timing> {
  const parent = peer.name === 'slidev' ? peer.dir : tmpdir()
  const dir = mkdtempSync(path.join(parent, 'bench-build-'))
  try {
    writeFileSync(path.join(dir, 'deck.md'), toFencedForm(deck))
    const result = await runProcess(process.execPath, [peer.entry, ...buildArgs(peer, dir)], {
      cwd: dir,
      cpu: true,
      env: { ...process.env, NO_COLOR: '1', CI: '1' },
    })
    if (result.code !== 0 || !existsSync(path.join(dir, 'dist'))) {
      const output = `${result.stderr}\n${result.stdout}`.trim().slice(-600)
      throw new Error(
        `${peer.spec.label} build ${describeExit(result.code, result.timedOut)}: ${output}`,
      )
    }
    return { ms: result.wallMs, cpuMs: result.cpuMs }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
