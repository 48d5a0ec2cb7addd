import { exitCodes } from './errors.js'

/**
 * Ctrl-C handling. Long commands register cleanups (remove a temporary file,
 * close a browser) while they run; on SIGINT or SIGTERM every registered
 * cleanup runs, then the process exits with 130 or 143, so an interrupted
 * build or export leaves nothing half-written. A command that stops cleanly on
 * a signal (the dev server) waits for it with `waitForStopSignal()` instead.
 */

type Cleanup = () => void | Promise<void>
type StopSignal = 'SIGINT' | 'SIGTERM'

/**
 * How long cleanups may take after a signal before the process exits anyway:
 * Ctrl-C ends the CLI within a second. What a cleanup had no time to remove
 * (a temporary folder named after this process) the next run removes.
 */
const CLEANUP_TIMEOUT_MS = 800

const cleanups = new Set<Cleanup>()
const stopWaiters = new Set<(signal: StopSignal) => void>()
let installed = false
let stopping = false
/** The signal being handled, once one arrived (and no stop waiter took it). */
let received: StopSignal | undefined

/**
 * The compile pool (`@slidemark/core/pool`), once a command has loaded it.
 * On a signal its worker threads are stopped first, even one in the middle
 * of a slide that would take minutes, so nothing keeps the CLI alive.
 * Registered by whoever loads the pool, so that starting the CLI (or
 * Ctrl-C) never loads the compiler just to stop it.
 */
let compilePool: { destroyCompilePool(): Promise<void> } | undefined

/** Stops `pool`'s worker threads on SIGINT or SIGTERM (see `compilePool`). */
export function registerCompilePool(pool: { destroyCompilePool(): Promise<void> }): void {
  compilePool = pool
}

/** Runs `cleanup` if the process is interrupted; call the returned function once it is no longer needed. */
export function registerCleanup(cleanup: Cleanup): () => void {
  cleanups.add(cleanup)
  return () => {
    cleanups.delete(cleanup)
  }
}

/** Resolves with the signal's name on the next SIGINT or SIGTERM (cleanups then do not run). */
export function waitForStopSignal(): Promise<StopSignal> {
  return new Promise((resolve) => {
    stopWaiters.add(resolve)
  })
}

/** Installs the SIGINT and SIGTERM handlers (once per process). */
export function installSignalHandlers(): void {
  if (installed) return
  installed = true
  process.on('SIGINT', () => void onSignal('SIGINT'))
  process.on('SIGTERM', () => void onSignal('SIGTERM'))
}

/**
 * Runs every registered cleanup at once, each at most once, ignoring their
 * failures: a synchronous one (removing a temporary folder) is done before a
 * slow one (closing a browser) is awaited.
 */
export async function runCleanups(): Promise<void> {
  const pending = [...cleanups].reverse()
  cleanups.clear()
  const running = pending.map(async (cleanup) => cleanup())
  // A cleanup that fails must not keep the others from running.
  await Promise.allSettled(running)
}

/**
 * The exit code of the signal being handled (130 or 143), or `undefined`.
 * A command failing because of the signal (the browser it drove was
 * interrupted too) is not an error: the signal handler exits.
 */
export function interruptedCode(): number | undefined {
  if (received === undefined) return undefined
  return received === 'SIGINT' ? exitCodes.interrupted : exitCodes.terminated
}

async function onSignal(signal: StopSignal): Promise<void> {
  const code = signal === 'SIGINT' ? exitCodes.interrupted : exitCodes.terminated
  if (stopping) process.exit(code) // a second Ctrl-C: stop now
  stopping = true
  if (stopWaiters.size > 0) {
    // A requested stop is a success; Vite's own SIGTERM handler keeps an exit code already set.
    process.exitCode = exitCodes.ok
    for (const resolve of stopWaiters) resolve(signal)
    stopWaiters.clear()
    stopping = false
    return
  }
  received = signal
  process.stderr.write(`\nslidemark: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}\n`)
  const timer = setTimeout(() => process.exit(code), CLEANUP_TIMEOUT_MS)
  timer.unref()
  await Promise.allSettled([compilePool?.destroyCompilePool(), runCleanups()])
  process.exit(code)
}
