import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { type CachedSlide, createMemoryCache, type SlideCache } from '@slidemark/core'

/**
 * A `SlideCache` that survives restarts: entries are kept in core's
 * in-memory LRU cache and mirrored to `<dir>/<sha256>.json`, so `vite build`
 * and a restarted dev server reuse the slides an earlier run compiled.
 *
 * - The file name hashes `namespace` with the key; the namespace carries the
 *   core version and anything else the key cannot see (user plugins), so an
 *   upgrade never reads an old entry: it just misses.
 * - Each file stores its key too and is only used when the key matches.
 * - Files are written to a temporary name and renamed, so a reader (another
 *   build running at the same time) never sees half a file.
 * - Unreadable, corrupt or missing files are misses; a directory that cannot
 *   be written is not an error. Deleting the directory is always safe.
 * - Every edit in the dev server adds a file, so the first write of a run
 *   trims the directory to `maxFiles`, dropping the least recently used
 *   (reading an entry renews its file's time).
 */
export function createDiskCache(
  dir: string,
  namespace: string,
  maxFiles = DEFAULT_MAX_FILES,
): SlideCache {
  const memory = createMemoryCache()
  let dirReady = false

  const fileFor = (key: string) =>
    path.join(
      dir,
      `${createHash('sha256').update(namespace).update('\0').update(key).digest('hex')}.json`,
    )

  return {
    get(key) {
      const remembered = memory.get(key)
      if (remembered) return remembered
      const file = fileFor(key)
      const stored = readEntry(file)
      if (!stored || stored.key !== key) return undefined
      memory.set(key, stored.value)
      touch(file)
      return stored.value
    },
    set(key, value) {
      memory.set(key, value)
      try {
        if (!dirReady) {
          fs.mkdirSync(dir, { recursive: true })
          trim(dir, maxFiles)
          dirReady = true
        }
        const file = fileFor(key)
        const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
        fs.writeFileSync(temporary, JSON.stringify({ key, value }))
        fs.renameSync(temporary, file)
      } catch {
        // A read-only or full disk only costs speed: the memory copy still serves this run.
      }
    },
  }
}

/** Files kept by default: some 200 decks of 50 slides, a few tens of MB at most. */
export const DEFAULT_MAX_FILES = 10_000

/** Marks an entry as used now, so trimming keeps it. */
function touch(file: string) {
  try {
    const now = new Date()
    fs.utimesSync(file, now, now)
  } catch {
    // Only affects which entries a later trim keeps.
  }
}

/** Deletes the least recently used entries beyond `maxFiles`, and stale temporary files. */
function trim(dir: string, maxFiles: number) {
  const entries = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json') || name.endsWith('.tmp'))
    .map((name) => {
      const file = path.join(dir, name)
      try {
        return { file, time: fs.statSync(file).mtimeMs, temporary: name.endsWith('.tmp') }
      } catch {
        return undefined
      }
    })
    .filter((entry) => entry !== undefined)
  const hourAgo = Date.now() - 3_600_000
  const stale = entries.filter((entry) => entry.temporary && entry.time < hourAgo)
  const kept = entries.filter((entry) => !entry.temporary).sort((a, b) => b.time - a.time)
  for (const { file } of [...stale, ...kept.slice(maxFiles)]) fs.rmSync(file, { force: true })
}

/** A stored entry, if the file holds one; its shape was checked when written. */
function readEntry(file: string): { key: string; value: CachedSlide } | undefined {
  try {
    const entry = JSON.parse(fs.readFileSync(file, 'utf8')) as { key?: unknown; value?: unknown }
    const valid = typeof entry.key === 'string' && typeof entry.value === 'object' && entry.value
    return valid ? { key: entry.key as string, value: entry.value as CachedSlide } : undefined
  } catch {
    return undefined
  }
}

/**
 * What the cache keys cannot see, folded into every file name: the core
 * package that compiled the entry (its version plus the size and time of
 * its files, so a rebuilt core in a workspace also misses) and the compile
 * options, including the source of user remark/rehype plugins.
 */
export function cacheNamespace(compileOptions: object): string {
  const withSource = (_key: string, value: unknown) =>
    typeof value === 'function' ? `${value.name}:${String(value)}` : value
  try {
    return JSON.stringify({ core: coreFingerprint(), options: compileOptions }, withSource)
  } catch {
    // Options that cannot be serialized (cycles) get a namespace of their own: never a stale hit.
    return `unserializable:${randomBytes(16).toString('hex')}`
  }
}

function coreFingerprint(): string {
  let entry: string
  try {
    entry = createRequire(import.meta.url).resolve('@slidemark/core')
  } catch {
    return 'unresolved'
  }
  const hash = createHash('sha256')
  const built = path.dirname(entry)
  for (const file of listFiles(built)) {
    const stat = fs.statSync(file)
    hash.update(`${path.relative(built, file)}\0${stat.size}\0${stat.mtimeMs}\0`)
  }
  const manifest = path.join(built, '..', 'package.json')
  if (fs.existsSync(manifest)) hash.update(fs.readFileSync(manifest))
  return hash.digest('hex')
}

/** Files under `directory`, sorted, without node_modules. */
function listFiles(directory: string): string[] {
  const files: string[] = []
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue
    const full = path.join(directory, entry.name)
    if (entry.isDirectory()) files.push(...listFiles(full))
    else if (entry.isFile()) files.push(full)
  }
  return files.sort()
}
