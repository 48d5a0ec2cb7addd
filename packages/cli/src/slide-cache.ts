import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { DiskCache, DiskCacheOptions } from '@slidemark/vite-plugin/tools'

/**
 * Where the CLI keeps caches, and why it trusts them. A cache entry becomes
 * HTML in the deck, so a cache folder another user can write is a way to
 * plant content in someone's build. Caches therefore live only
 * - in the deck's project (`<project>/node_modules/.vite`, Vite's own
 *   default), when that project is the user's and not world-writable, or
 * - in the user's own cache folder (`$XDG_CACHE_HOME/slidemark`, else
 *   `~/.cache/slidemark`), created with mode 0700 and ignored when another
 *   user owns it, it is world-writable or it is a symbolic link;
 * - failing both, in a private temporary folder (mode 0700) of this process,
 *   removed when it exits: slower next time, never shared.
 */
export interface CacheEnvironment {
  /** Environment variables to read `XDG_CACHE_HOME` and `HOME` from. Default: `process.env`. */
  env?: NodeJS.ProcessEnv
  /** The user the folders must belong to. Default: `process.getuid()` (none on Windows). */
  uid?: number
}

/** The nearest folder above `dir` (inclusive) holding a `package.json`, if any. */
export function findProjectDir(dir: string): string | undefined {
  let current = dir
  for (;;) {
    if (fs.existsSync(path.join(current, 'package.json'))) return current
    const parent = path.dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}

/**
 * Vite's cache folder for a deck (the slide cache is its `slidemark`
 * subfolder): the project's `node_modules/.vite` when the deck is in a
 * project the user may trust, else `<user cache>/decks/<hash of the deck's
 * folder>`, so a folder that holds only a deck stays that way.
 */
export function cacheDirFor(deckDir: string, environment: CacheEnvironment = {}): string {
  const uid = environment.uid ?? process.getuid?.()
  const project = findProjectDir(deckDir)
  if (project) {
    const viteDir = path.join(project, 'node_modules', '.vite')
    const chain = [
      project,
      path.join(project, 'package.json'),
      path.dirname(viteDir),
      viteDir,
      path.join(viteDir, 'slidemark'),
    ]
    if (chain.every((entry) => isTrusted(entry, uid))) return viteDir
  }
  const userDir = userCacheDir(environment.env ?? process.env, uid)
  const key = createHash('sha256').update(deckDir).digest('hex').slice(0, 16)
  return userDir ? path.join(userDir, 'decks', key) : privateTemporaryDir()
}

/**
 * `$XDG_CACHE_HOME/slidemark` (when that variable is an absolute path) or
 * `~/.cache/slidemark`, created with mode 0700; `undefined` when it cannot
 * be created or is not the user's alone.
 */
export function userCacheDir(env: NodeJS.ProcessEnv, uid = process.getuid?.()): string | undefined {
  const xdg = env.XDG_CACHE_HOME
  const home = env.HOME || os.homedir()
  const base = xdg && path.isAbsolute(xdg) ? xdg : home ? path.join(home, '.cache') : undefined
  if (!base) return undefined
  const dir = path.join(base, 'slidemark')
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  } catch {
    return undefined
  }
  return isTrusted(dir, uid, { mustExist: true }) ? dir : undefined
}

/**
 * Whether `file` may hold (or lead to) our cache: absent (unless
 * `mustExist`), or not a symbolic link, owned by `uid` and not writable by
 * everyone.
 */
function isTrusted(file: string, uid: number | undefined, { mustExist = false } = {}): boolean {
  let stat: fs.Stats
  try {
    stat = fs.lstatSync(file)
  } catch {
    return !mustExist
  }
  if (stat.isSymbolicLink()) return false
  if (uid !== undefined && stat.uid !== uid) return false
  return (stat.mode & 0o002) === 0
}

let temporaryDir: string | undefined

/** A folder only this process uses (mkdtemp: mode 0700, a fresh name), removed at exit. */
function privateTemporaryDir(): string {
  if (!temporaryDir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slidemark-'))
    temporaryDir = dir
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
  }
  return temporaryDir
}

/**
 * The Vite plugin's persistent slide cache (`<cacheDir>/slidemark`), opened
 * before Vite starts: the CLI's own compile fills it, the plugin then finds
 * every slide there, and the next run of any command starts warm. With
 * `background`, the cache is written while the command goes on; it awaits
 * `settle()` before it ends.
 */
export async function slideCacheFor(
  deckDir: string,
  options: DiskCacheOptions = {},
): Promise<DiskCache> {
  const { cacheNamespace, createDiskCache } = await import('@slidemark/vite-plugin/tools')
  const dir = path.join(cacheDirFor(deckDir), 'slidemark')
  return createDiskCache(dir, cacheNamespace({}), undefined, options)
}

/**
 * Whether the deck's folder has a slide cache store yet (a `.jsonl` file in
 * `<cacheDir>/slidemark`): without one every slide will compile, so the
 * build starts its compile threads before anything else.
 */
export function hasSlideCache(deckDir: string, environment: CacheEnvironment = {}): boolean {
  try {
    const dir = path.join(cacheDirFor(deckDir, environment), 'slidemark')
    return fs.readdirSync(dir).some((name) => name.endsWith('.jsonl'))
  } catch {
    return false
  }
}
