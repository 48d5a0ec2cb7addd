/**
 * Makes sure the workspace packages the bench loads from their `dist/` are
 * built and not older than their sources, so `pnpm bench` works on a fresh
 * clone and never measures a stale build. A failing build is reported and
 * the affected measurements print `n/a`.
 */

import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runProcess } from './process.js'

/** Workspace root (packages/bench/dist/ → ../../..). */
export const WORKSPACE = fileURLToPath(new URL('../../../', import.meta.url))

/** Packages the bench runs from their builds: name and folder under packages/. */
export const BUILT_PACKAGES = [
  ['@slidemark/core', 'core'],
  ['@slidemark/runtime', 'runtime'],
  ['@slidemark/theme-html5-slides', 'theme-html5-slides'],
  ['@slidemark/vite-plugin', 'vite-plugin'],
  ['slidemark', 'cli'],
] as const

/** Newest modification time of any file under `dir` (0 when it does not exist). */
export function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full))
    else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs)
  }
  return newest
}

/** Names of the packages whose `dist/` is missing or older than `src/`. */
export function stalePackages(root = WORKSPACE): string[] {
  return BUILT_PACKAGES.filter(([, folder]) => {
    const dir = path.join(root, 'packages', folder)
    if (!existsSync(path.join(dir, 'src'))) return false
    const built = newestMtime(path.join(dir, 'dist'))
    return built === 0 || newestMtime(path.join(dir, 'src')) > built
  }).map(([name]) => name)
}

export async function buildStalePackages(log: (message: string) => void): Promise<void> {
  const stale = stalePackages()
  if (stale.length === 0) return
  log(`building ${stale.join(', ')} (dist missing or older than src)`)
  const filters = stale.flatMap((name) => ['--filter', name])
  try {
    const result = await runProcess('pnpm', [...filters, 'run', 'build'], {
      cwd: WORKSPACE,
      timeoutMs: 180_000,
    })
    if (result.code !== 0) {
      log(`build failed (exit ${result.code}); measurements needing it will print n/a:`)
      log(`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n'))
    }
  } catch (error) {
    log(`could not run pnpm to build: ${error instanceof Error ? error.message : error}`)
  }
}
