import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { type CachedSlide, isCachedSlide, type SlideCache, VERSION } from '@slidemark/core'

/** A persistent `SlideCache`: `set` collects, `flush` (called by `compile()`) writes. */
export interface DiskCache extends SlideCache {
  flush(): void
  /** Resolves once every flush so far is on disk (at once unless written in the background). */
  settle(): Promise<void>
}

export interface DiskCacheOptions {
  /**
   * `flush()` only takes the new slides; they are serialised a slice at a
   * time between other tasks and written asynchronously, so a build goes on
   * while its cache is written (`settle()` waits for it). Default `false`:
   * `flush()` writes before it returns.
   */
  background?: boolean
}

/** Version of the store's line format; a line of another version is a miss. */
const FORMAT = 1

/** Entries kept by default: some 200 decks of 50 slides, a few tens of MB at most. */
export const DEFAULT_MAX_ENTRIES = 10_000

/**
 * A `SlideCache` that survives restarts, as one small store per namespace:
 * `<dir>/<sha256(namespace)>.jsonl`, one JSON line per slide
 * (`{ v, core, key, value }`), so `vite build` and a restarted dev server
 * reuse the slides an earlier run compiled.
 *
 * - The namespace carries the core build and anything else the key cannot
 *   see (user plugins), so an upgrade never reads an old entry: it misses.
 * - The store is read once, on the first `get`. Every line is validated:
 *   format version, core `VERSION`, key and slide shape (`isCachedSlide`). A
 *   bad line (valid JSON of the wrong shape, a line cut by a crash, another
 *   version) is skipped: a miss, never an error.
 * - `set` only remembers; `flush()`, which `compile()` calls once at its
 *   end, appends the new slides in one write. When the store holds more
 *   than `maxEntries` slides (or mostly replaced lines), that flush rewrites
 *   it to a temporary name and renames it, keeping the slides used or
 *   written by this process and then the most recent ones. With
 *   `background`, that write happens after `flush()` returns (in order,
 *   one flush after the other), and the memory copy serves meanwhile.
 * - A directory that cannot be written is not an error (the memory copy
 *   serves this run). Deleting the directory is always safe.
 */
export function createDiskCache(
  dir: string,
  namespace: string,
  maxEntries = DEFAULT_MAX_ENTRIES,
  { background = false }: DiskCacheOptions = {},
): DiskCache {
  const file = path.join(dir, `${sha256(namespace)}.jsonl`)
  /** What the store file holds (after `load`), oldest first. */
  let stored: Map<string, CachedSlide> | undefined
  let storedLines = 0
  /** Keys read or written by this process: kept first when the store is rewritten. */
  const used = new Set<string>()
  const pending = new Map<string, CachedSlide>()
  let flushed = false
  /** The background writes so far, in order. */
  let writing = Promise.resolve()

  function load(): Map<string, CachedSlide> {
    if (stored) return stored
    const read = readStore(file)
    stored = read.entries
    storedLines = read.lines
    return stored
  }

  return {
    get(key) {
      const value = pending.get(key) ?? load().get(key)
      if (value) used.add(key)
      return value
    },
    set(key, value) {
      pending.set(key, value)
      used.add(key)
    },
    flush() {
      if (pending.size === 0) return
      const entries = load()
      const fresh = [...pending]
      for (const [key, value] of pending) {
        entries.delete(key)
        entries.set(key, value)
      }
      pending.clear()
      storedLines += fresh.length
      let write: StoreWrite = { file, entries: fresh, append: true }
      if (entries.size > maxEntries || storedLines > 2 * entries.size + 100) {
        stored = keepRecent(entries, used, maxEntries)
        storedLines = stored.size
        write = { file, entries: [...stored], append: false }
      }
      const prepare = () => {
        fs.mkdirSync(dir, { recursive: true })
        if (!flushed) removeLegacyFiles(dir)
        flushed = true
      }
      if (!background) {
        ignoreFailure(() => {
          prepare()
          writeNow(write)
        })
        return
      }
      writing = writing.then(() =>
        writeLater(write, prepare).catch(() => {
          // As above: the memory copy served this run.
        }),
      )
    },
    settle() {
      return writing
    },
  }
}

/** New lines to append to a store, or all of its lines to replace it with. */
interface StoreWrite {
  file: string
  entries: Array<[string, CachedSlide]>
  append: boolean
}

/** A read-only or full disk only costs speed: the memory copy still serves this run. */
function ignoreFailure(write: () => void) {
  try {
    write()
  } catch {
    // See above.
  }
}

function writeNow({ file, entries, append }: StoreWrite) {
  const text = entries.map(([key, value]) => storeLine(key, value)).join('')
  if (append) fs.appendFileSync(file, text)
  else writeStore(file, text)
}

/** Entries serialised per slice, each slice its own task: whatever else waits on this thread gets a turn. */
const SLICE = 100

async function writeLater({ file, entries, append }: StoreWrite, prepare: () => void) {
  const parts: string[] = []
  for (let start = 0; start < entries.length; start += SLICE) {
    await new Promise((resolve) => setImmediate(resolve))
    const slice = entries.slice(start, start + SLICE)
    parts.push(slice.map(([key, value]) => storeLine(key, value)).join(''))
  }
  prepare()
  const text = parts.join('')
  if (append) await fs.promises.appendFile(file, text)
  else {
    // As writeStore, without blocking this thread.
    const temporary = temporaryName(file)
    try {
      await fs.promises.writeFile(temporary, text)
      await fs.promises.rename(temporary, file)
    } finally {
      await fs.promises.rm(temporary, { force: true })
    }
  }
}

function storeLine(key: string, value: CachedSlide): string {
  return `${JSON.stringify({ v: FORMAT, core: VERSION, key, value })}\n`
}

/** The valid entries of a store file (later lines win) and its line count; nothing if unreadable. */
function readStore(file: string): { entries: Map<string, CachedSlide>; lines: number } {
  const entries = new Map<string, CachedSlide>()
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return { entries, lines: 0 }
  }
  const lines = text.split('\n')
  for (const line of lines) {
    const entry = parseLine(line)
    if (!entry) continue
    entries.delete(entry.key)
    entries.set(entry.key, entry.value)
  }
  return { entries, lines: lines.length }
}

function parseLine(line: string): { key: string; value: CachedSlide } | undefined {
  if (line === '') return undefined
  try {
    const entry = JSON.parse(line) as Record<string, unknown> | null
    if (!entry || entry.v !== FORMAT || entry.core !== VERSION) return undefined
    if (typeof entry.key !== 'string' || !isCachedSlide(entry.value)) return undefined
    return { key: entry.key, value: entry.value }
  } catch {
    return undefined
  }
}

/** At most `max` entries: those `used` by this process last (so kept), the most recent others before them. */
function keepRecent(
  entries: Map<string, CachedSlide>,
  used: Set<string>,
  max: number,
): Map<string, CachedSlide> {
  const order = [
    ...[...entries.keys()].filter((key) => !used.has(key)),
    ...[...entries.keys()].filter((key) => used.has(key)),
  ]
  const kept = new Map<string, CachedSlide>()
  for (const key of order.slice(-max)) kept.set(key, entries.get(key) as CachedSlide)
  return kept
}

/** A temporary name next to the store, unique to this process and write. */
function temporaryName(file: string): string {
  return `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
}

/** Writes the whole store to a temporary name and renames it: readers never see half a file. */
function writeStore(file: string, text: string) {
  const temporary = temporaryName(file)
  try {
    fs.writeFileSync(temporary, text)
    fs.renameSync(temporary, file)
  } finally {
    fs.rmSync(temporary, { force: true })
  }
}

/** Per-slide `<sha256>.json` files of earlier versions, and temporary files older than an hour. */
function removeLegacyFiles(dir: string) {
  const hourAgo = Date.now() - 3_600_000
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name)
    try {
      const legacy = /^[0-9a-f]{64}\.json$/.test(name)
      if (legacy || (name.endsWith('.tmp') && fs.statSync(file).mtimeMs < hourAgo)) {
        fs.rmSync(file, { force: true })
      }
    } catch {
      // Another process removed it first.
    }
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
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
  return packageFingerprint(entry)
}

/**
 * A hash of the package whose entry point is `entry`: its `package.json`
 * and the size and time of the files under its `dist/` that run (see
 * `isRunCode`), so a rebuilt package in a workspace gets a new one.
 */
export function packageFingerprint(entry: string): string {
  const hash = createHash('sha256')
  const root = packageRoot(entry)
  const built = path.join(root, 'dist')
  for (const file of fs.existsSync(built) ? listFiles(built) : []) {
    const relative = path.relative(built, file)
    if (!isRunCode(relative)) continue
    const stat = fs.statSync(file)
    hash.update(`${relative}\0${stat.size}\0${stat.mtimeMs}\0`)
  }
  const manifest = path.join(root, 'package.json')
  if (fs.existsSync(manifest)) hash.update(fs.readFileSync(manifest))
  return hash.digest('hex')
}

/**
 * Whether a file of core's `dist/`, by its path relative to `dist/`, is read
 * when it compiles: its bundles, worker and tables. Not the `tsc` output they
 * are built from, nor types and source maps (300 files stat'ed took 10 ms of
 * every CLI start), nor the compile threads' V8 code cache, which the first
 * compile writes (see core's code-cache.ts) and which must not change the
 * fingerprint it is part of. Relative, so that a `dist/lib/` folder of the
 * user's higher up the path does not drop every file from the fingerprint.
 */
function isRunCode(relative: string): boolean {
  return !/^lib[\\/]|\.d\.ts$|\.map$|(?:^|[\\/])\.code-cache[\\/]/.test(relative)
}

/** The folder of the package.json nearest above `file` (the entry is `dist/bundle/index.js`). */
function packageRoot(file: string): string {
  let dir = path.dirname(file)
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir)
  }
  return dir
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
