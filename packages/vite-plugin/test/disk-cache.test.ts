import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type CachedSlide, compile, VERSION } from '@slidemark/core'
import { afterEach, describe, expect, it } from 'vitest'
import { cacheNamespace, createDiskCache, packageFingerprint } from '../src/disk-cache.js'

const directories: string[] = []
function freshDirectory() {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'slidemark-cache-'))
  directories.push(directory)
  return path.join(directory, 'nested', 'cache')
}
afterEach(() => {
  for (const directory of directories.splice(0))
    fs.rmSync(directory, { recursive: true, force: true })
})

/** A well-formed cached slide whose content is `text`. */
const value = (text: string): CachedSlide => ({
  header: '',
  title: text,
  content: `<p>${text}</p>`,
  notes: '',
  classes: [],
  steps: 1,
  hasHeading: false,
  bodyIsEmpty: false,
  assets: [],
  messages: [],
})

/** Writes `entries` through one cache instance and flushes, as one compile() does. */
function store(directory: string, entries: string[], namespace = 'ns', max?: number) {
  const cache = createDiskCache(directory, namespace, max)
  for (const key of entries) cache.set(key, value(key))
  cache.flush()
  return cache
}

const storeFile = (directory: string) => {
  const files = fs.readdirSync(directory).filter((name) => name.endsWith('.jsonl'))
  expect(files).toHaveLength(1)
  return path.join(directory, files[0] as string)
}

describe('createDiskCache', () => {
  it('serves an entry written by an earlier instance (a restarted dev server)', () => {
    const directory = freshDirectory()
    store(directory, ['slide-key'])
    expect(createDiskCache(directory, 'ns').get('slide-key')).toEqual(value('slide-key'))
  })

  it('writes nothing until flush, then one store file for all the slides', () => {
    const directory = freshDirectory()
    const cache = createDiskCache(directory, 'ns')
    for (const key of ['a', 'b', 'c']) cache.set(key, value(key))
    expect(cache.get('b')).toEqual(value('b'))
    expect(fs.existsSync(directory)).toBe(false)
    cache.flush()
    expect(fs.readdirSync(directory)).toEqual([path.basename(storeFile(directory))])
    expect(fs.readFileSync(storeFile(directory), 'utf8').trim().split('\n')).toHaveLength(3)
  })

  it('compile() flushes the slides it rendered', async () => {
    const directory = freshDirectory()
    const deck = '# One\n\n---\n\n# Two'
    const first = await compile(deck, { cache: createDiskCache(directory, 'ns') })
    const reread = createDiskCache(directory, 'ns')
    let sets = 0
    const counting = { get: reread.get, set: () => void sets++ }
    expect(await compile(deck, { cache: counting })).toEqual(first)
    expect(sets).toBe(0)
  })

  it('misses when the namespace (core build, options) changed', () => {
    const directory = freshDirectory()
    store(directory, ['slide-key'], 'core@1')
    expect(createDiskCache(directory, 'core@2').get('slide-key')).toBeUndefined()
  })

  it('a truncated store, a deleted one, or garbage in it is a miss for the bad lines only', () => {
    const directory = freshDirectory()
    store(directory, ['a', 'b'])
    const file = storeFile(directory)
    const text = fs.readFileSync(file, 'utf8')
    fs.writeFileSync(file, `not json\n${text.slice(0, -20)}`)
    const cache = createDiskCache(directory, 'ns')
    expect(cache.get('a')).toEqual(value('a'))
    expect(cache.get('b')).toBeUndefined()
    fs.rmSync(directory, { recursive: true })
    expect(createDiskCache(directory, 'ns').get('a')).toBeUndefined()
  })

  it.each([
    ['valid JSON of the wrong shape', { v: 1, core: VERSION, key: 'a', value: { html: 'x' } }],
    ['another core version', { v: 1, core: `${VERSION}-old`, key: 'a', value: value('a') }],
    ['another store format', { v: 0, core: VERSION, key: 'a', value: value('a') }],
    ['a key that is not a string', { v: 1, core: VERSION, key: 7, value: value('a') }],
    ['a JSON array', [1, 'a']],
  ])('a line with %s is a miss, never an error', async (_, line) => {
    const directory = freshDirectory()
    store(directory, ['warm'])
    fs.appendFileSync(storeFile(directory), `${JSON.stringify(line)}\n`)
    const cache = createDiskCache(directory, 'ns')
    expect(cache.get('a')).toBeUndefined()
    expect(cache.get('warm')).toEqual(value('warm'))
    // And a compile through such a store renders normally.
    const deck = await compile('# Fine', { cache })
    expect(deck.messages).toEqual([])
    expect(deck.slides[0]?.header).toBe('<h1>Fine</h1>')
  })

  it('keeps working in memory when the directory cannot be written', () => {
    const blocker = freshDirectory()
    fs.mkdirSync(path.dirname(blocker), { recursive: true })
    fs.writeFileSync(blocker, 'a file where the directory should be')
    const cache = store(blocker, ['a'])
    expect(cache.get('a')).toEqual(value('a'))
  })

  it('removes the per-slide files of earlier versions and stale temporary files', () => {
    const directory = freshDirectory()
    fs.mkdirSync(directory, { recursive: true })
    const legacy = path.join(directory, `${'ab'.repeat(32)}.json`)
    const staleTemporary = path.join(directory, 'x.jsonl.1.abcd.tmp')
    const userFile = path.join(directory, 'notes.txt')
    for (const file of [legacy, staleTemporary, userFile]) fs.writeFileSync(file, '{}')
    const old = new Date(Date.now() - 2 * 3_600_000)
    fs.utimesSync(staleTemporary, old, old)
    store(directory, ['a'])
    expect(fs.existsSync(legacy)).toBe(false)
    expect(fs.existsSync(staleTemporary)).toBe(false)
    expect(fs.existsSync(userFile)).toBe(true)
  })
})

describe('cacheNamespace', () => {
  it('changes when a user plugin changes', () => {
    const before = cacheNamespace({ remarkPlugins: [() => (tree: unknown) => tree] })
    const after = cacheNamespace({ remarkPlugins: [() => (tree: unknown) => [tree]] })
    expect(before).not.toBe(after)
  })

  it('changes with compile options and is stable otherwise', () => {
    expect(cacheNamespace({ lineNumbers: true })).toBe(cacheNamespace({ lineNumbers: true }))
    expect(cacheNamespace({ lineNumbers: true })).not.toBe(cacheNamespace({ lineNumbers: false }))
  })
})

describe('packageFingerprint', () => {
  it('follows what runs of a package bundled into dist/bundle/, not its tsc output, types, maps or code cache', () => {
    const root = freshDirectory()
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
      fs.writeFileSync(path.join(root, file), text)
    }
    write('package.json', '{"name":"@slidemark/core","version":"1.0.0"}')
    write('dist/bundle/index.js', 'export {}')
    write('dist/worker/pool-worker.js', 'export default () => []')
    write('dist/regex-table/go.json', '{}')
    write('dist/lib/compile.js', 'export {}')
    write('dist/index.d.ts', 'export {}')
    write('dist/bundle/index.js.map', '{}')
    const entry = path.join(root, 'dist', 'bundle', 'index.js')
    const first = packageFingerprint(entry)
    expect(packageFingerprint(entry)).toBe(first)
    const codeCache = 'dist/worker/.code-cache/compile-thread.cjs-0123-x64.v8'
    for (const unread of [
      'dist/lib/compile.js',
      'dist/index.d.ts',
      'dist/bundle/index.js.map',
      codeCache,
    ]) {
      write(unread, 'changed, and longer than before')
      expect(packageFingerprint(entry)).toBe(first)
    }
    const seen = new Set([first])
    for (const [file, text] of [
      ['dist/worker/pool-worker.js', 'export default () => [1]'],
      ['dist/regex-table/go.json', '{"a":1}'],
      ['dist/bundle/index.js', 'export const a = 1'],
      ['package.json', '{"name":"@slidemark/core","version":"1.0.1"}'],
    ] as const) {
      write(file, text)
      const next = packageFingerprint(entry)
      expect(seen.has(next), file).toBe(false)
      seen.add(next)
    }
  })
})

describe('trimming', () => {
  it('keeps the entries this run used and the most recent others, up to maxEntries', () => {
    const directory = freshDirectory()
    store(directory, ['a', 'b', 'c', 'd']) // a is the oldest
    // The next run reads `a` (renewing it), then writes `e`, over a limit of three.
    const second = createDiskCache(directory, 'ns', 3)
    expect(second.get('a')).toEqual(value('a'))
    second.set('e', value('e'))
    second.flush()
    const lines = fs.readFileSync(storeFile(directory), 'utf8').trim().split('\n')
    expect(lines).toHaveLength(3)
    const third = createDiskCache(directory, 'ns')
    expect(third.get('b')).toBeUndefined()
    expect(third.get('c')).toBeUndefined()
    for (const key of ['a', 'd', 'e']) expect(third.get(key)).toEqual(value(key))
  })

  it('rewrites a store that is mostly replaced lines', () => {
    const directory = freshDirectory()
    for (let run = 0; run < 300; run++) store(directory, ['same-key'])
    const lines = fs.readFileSync(storeFile(directory), 'utf8').trim().split('\n')
    expect(lines.length).toBeLessThan(120)
    expect(createDiskCache(directory, 'ns').get('same-key')).toEqual(value('same-key'))
    expect(fs.readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})

describe('background writes', () => {
  it('returns from flush before writing, serves from memory meanwhile, and settle() writes', async () => {
    const directory = freshDirectory()
    const cache = createDiskCache(directory, 'ns', undefined, { background: true })
    const keys = Array.from({ length: 250 }, (_, n) => `key-${n}`) // more than one slice
    for (const key of keys) cache.set(key, value(key))
    cache.flush()
    expect(fs.existsSync(directory)).toBe(false)
    expect(cache.get('key-7')).toEqual(value('key-7'))
    await cache.settle()
    const reread = createDiskCache(directory, 'ns')
    for (const key of keys) expect(reread.get(key)).toEqual(value(key))
  })

  it('writes flushes in order, rewriting the store over maxEntries like a flush in place', async () => {
    const directory = freshDirectory()
    const cache = createDiskCache(directory, 'ns', 3, { background: true })
    for (const batch of [['a', 'b'], ['c', 'd'], ['e']]) {
      for (const key of batch) cache.set(key, value(key))
      cache.flush()
    }
    await cache.settle()
    const lines = fs.readFileSync(storeFile(directory), 'utf8').trim().split('\n')
    expect(lines).toHaveLength(3)
    const reread = createDiskCache(directory, 'ns')
    expect(reread.get('a')).toBeUndefined()
    for (const key of ['c', 'd', 'e']) expect(reread.get(key)).toEqual(value(key))
    expect(fs.readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('settles without an error when the folder cannot be written', async () => {
    const parent = freshDirectory()
    fs.mkdirSync(path.dirname(parent), { recursive: true })
    fs.writeFileSync(parent, 'a file where the folder would be')
    const cache = createDiskCache(path.join(parent, 'cache'), 'ns', undefined, { background: true })
    cache.set('a', value('a'))
    cache.flush()
    await expect(cache.settle()).resolves.toBeUndefined()
    expect(cache.get('a')).toEqual(value('a'))
  })
})
