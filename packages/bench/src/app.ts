/**
 * The minimal Vite app (fixtures/app: the Vite plugin + the html5-slides
 * theme) and the `slidemark` CLI, driven as separate processes the way a
 * user runs them.
 */

import { type ChildProcess, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { WORKSPACE } from './prepare.js'
import { describeExit, runProcess } from './process.js'
import { Unavailable } from './result.js'

const require = createRequire(import.meta.url)
const FIXTURE_APP = fileURLToPath(new URL('../fixtures/app/', import.meta.url))
/** Work folders live inside packages/bench so the app resolves the workspace packages. */
const WORK = fileURLToPath(new URL('../.work/', import.meta.url))

function viteBin(): string {
  const manifest = require.resolve('vite/package.json')
  return path.join(path.dirname(manifest), 'bin', 'vite.js')
}

/** Fails with `Unavailable` unless the packages the app imports are built. */
export function assertAppBuildable(): void {
  for (const [folder, file] of [
    ['vite-plugin', 'dist/index.js'],
    ['theme-html5-slides', 'dist/index.js'],
    ['runtime', 'dist/index.js'],
    ['core', 'dist/index.js'],
  ] as const) {
    if (!existsSync(path.join(WORKSPACE, 'packages', folder, file))) {
      throw new Unavailable(`packages/${folder} is not built (no ${file})`)
    }
  }
}

export interface AppDir {
  dir: string
  deckFile: string
  /** Empties Vite's cache (pre-bundled deps, Slidemark's disk cache): the next run is cold. */
  clearCache(): void
  remove(): void
}

/** A fresh copy of the fixture app under packages/bench/.work/<name>, with `deck` as its deck. */
export function createAppDir(name: string, deck: string): AppDir {
  assertAppBuildable()
  const dir = path.join(WORK, name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  cpSync(FIXTURE_APP, dir, { recursive: true })
  const deckFile = path.join(dir, 'deck.slides.md')
  writeFileSync(deckFile, deck)
  return {
    dir,
    deckFile,
    clearCache: () => rmSync(path.join(dir, '.vite-cache'), { recursive: true, force: true }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

export interface Timing {
  /** Spawn to exit. */
  ms: number
  /** CPU time (user + system) of the process and its children. */
  cpuMs: number | undefined
}

/** `vite build` of the app as a whole process. */
export async function viteBuild(app: AppDir): Promise<Timing> {
  const result = await runProcess(process.execPath, [viteBin(), 'build'], {
    cwd: app.dir,
    cpu: true,
  })
  if (result.code !== 0) {
    throw new Error(
      `vite build ${describeExit(result.code, result.timedOut)}: ${`${result.stderr}\n${result.stdout}`.trim().slice(-600)}`,
    )
  }
  return { ms: result.wallMs, cpuMs: result.cpuMs }
}

const CLI_BIN = path.join(WORKSPACE, 'packages', 'cli', 'bin', 'slidemark.js')

function assertCliBuilt(): void {
  if (
    !existsSync(CLI_BIN) ||
    !existsSync(path.join(WORKSPACE, 'packages', 'cli', 'dist', 'cli.js'))
  ) {
    throw new Unavailable('the slidemark CLI is not built (packages/cli/dist/cli.js)')
  }
  assertAppBuildable()
}

/**
 * `slidemark build talk.slides.md --no-check` as a whole process, in a fresh
 * temporary folder (so the CLI's cache starts empty), or in `reuse` to
 * rebuild with the cache an earlier run left. Returns the wall time and the
 * folder. Without `--no-check` the build would also lay every slide out in
 * Chromium (the layout check), which no peer's build does: the comparison
 * is build against build.
 */
export async function cliBuild(deck: string, reuse?: string): Promise<Timing & { dir: string }> {
  assertCliBuilt()
  const dir = reuse ?? mkdtempSync(path.join(tmpdir(), 'slidemark-bench-cli-'))
  writeFileSync(path.join(dir, 'talk.slides.md'), deck)
  const result = await runProcess(
    process.execPath,
    [CLI_BIN, 'build', 'talk.slides.md', '--out', 'dist', '--no-check'],
    // The CLI keeps a deck's cache in the user's cache folder: point that into the build
    // folder, so each fresh folder starts cold and removing the folder removes its cache.
    { cwd: dir, cpu: true, env: { ...process.env, XDG_CACHE_HOME: path.join(dir, '.cache') } },
  )
  if (result.code !== 0) {
    throw new Error(
      `slidemark build ${describeExit(result.code, result.timedOut)}: ${`${result.stderr}\n${result.stdout}`.trim().slice(-600)}`,
    )
  }
  return { ms: result.wallMs, cpuMs: result.cpuMs, dir }
}

/** Removes a CLI build folder, and with it the cache the CLI kept there. */
export function removeCliDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

export interface DevServer {
  url: string
  /** When the process was spawned, as epoch milliseconds (performance.timeOrigin + now). */
  spawnedAt: number
  stop(): Promise<void>
}

/** Starts `vite` (dev) in the app folder on 127.0.0.1 and resolves once it answers. */
export function startDevServer(app: AppDir, port: number): Promise<DevServer> {
  return spawnServer(
    [viteBin(), '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: app.dir, env: { ...process.env, NO_COLOR: '1' } },
    port,
  )
}

/**
 * Starts `slidemark talk.slides.md` (the CLI's dev server) on `deck` in a
 * fresh folder with an empty cache (kept inside the folder, see `cliBuild`).
 * `remove()` deletes the folder once the server is stopped.
 */
export async function startCliDev(
  deck: string,
  port: number,
): Promise<DevServer & { dir: string; deckFile: string; remove(): void }> {
  assertCliBuilt()
  const dir = mkdtempSync(path.join(tmpdir(), 'slidemark-bench-dev-'))
  // The cache sits beside the deck's folder, not in it: Vite watches the deck's folder.
  const deckDir = path.join(dir, 'deck')
  mkdirSync(deckDir)
  const deckFile = path.join(deckDir, 'talk.slides.md')
  writeFileSync(deckFile, deck)
  const server = await spawnServer(
    [CLI_BIN, 'talk.slides.md', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: deckDir,
      env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: path.join(dir, 'cache') },
    },
    port,
  )
  return { ...server, dir, deckFile, remove: () => removeCliDir(dir) }
}

/** Spawns a dev server with this Node and polls its URL until it answers. */
async function spawnServer(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  port: number,
): Promise<DevServer> {
  const spawnedAt = performance.timeOrigin + performance.now()
  const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
  const url = `http://127.0.0.1:${port}/`
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const deadline = performance.now() + 60_000
  // Poll until the server answers: its log line depends on the log level.
  while (true) {
    if (child.exitCode !== null)
      throw new Error(`dev server exited with ${child.exitCode}: ${output.slice(-400)}`)
    if (performance.now() > deadline) {
      await stopProcess(child)
      throw new Error(`dev server did not answer within 60 s: ${output.slice(-400)}`)
    }
    try {
      const page = await (await fetch(url)).text()
      // Our page (it loads a module script), not another server that happens to hold the port.
      if (!page.includes('type="module"')) throw new Error(`port ${port} is served by someone else`)
      break
    } catch (error) {
      if (error instanceof Error && error.message.includes('someone else')) {
        await stopProcess(child)
        throw error
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  return { url, spawnedAt, stop: () => stopProcess(child) }
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
