import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cacheNamespace, createDiskCache } from '../src/disk-cache.js'

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

// The cache stores whatever core hands it; these tests only need JSON values.
const value = (text: string) => ({ html: text }) as never

describe('createDiskCache', () => {
  it('serves an entry written by an earlier instance (a restarted dev server)', () => {
    const directory = freshDirectory()
    createDiskCache(directory, 'ns').set('slide-key', value('<p>one</p>'))
    expect(createDiskCache(directory, 'ns').get('slide-key')).toEqual({ html: '<p>one</p>' })
  })

  it('misses when the namespace (core version, options) changed', () => {
    const directory = freshDirectory()
    createDiskCache(directory, 'core@1').set('slide-key', value('old'))
    expect(createDiskCache(directory, 'core@2').get('slide-key')).toBeUndefined()
  })

  it('treats a corrupt or deleted file as a miss', () => {
    const directory = freshDirectory()
    createDiskCache(directory, 'ns').set('a', value('a'))
    const [file] = fs.readdirSync(directory)
    fs.writeFileSync(path.join(directory, file as string), '{"key": "a", "val')
    expect(createDiskCache(directory, 'ns').get('a')).toBeUndefined()
    fs.rmSync(directory, { recursive: true })
    expect(createDiskCache(directory, 'ns').get('a')).toBeUndefined()
  })

  it('leaves no temporary files behind', () => {
    const directory = freshDirectory()
    const cache = createDiskCache(directory, 'ns')
    for (const key of ['a', 'b', 'c']) cache.set(key, value(key))
    const files = fs.readdirSync(directory)
    expect(files).toHaveLength(3)
    expect(files.every((file) => /^[0-9a-f]{64}\.json$/.test(file))).toBe(true)
  })

  it('keeps working in memory when the directory cannot be written', () => {
    const blocker = freshDirectory()
    fs.mkdirSync(path.dirname(blocker), { recursive: true })
    fs.writeFileSync(blocker, 'a file where the directory should be')
    const cache = createDiskCache(blocker, 'ns')
    cache.set('a', value('a'))
    expect(cache.get('a')).toEqual({ html: 'a' })
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

describe('trimming', () => {
  it('drops the least recently used entries when a new run writes', () => {
    const directory = freshDirectory()
    const first = createDiskCache(directory, 'ns')
    // Entries a (oldest) … d (newest), a minute apart.
    const ages = { a: 4, b: 3, c: 2, d: 1 }
    for (const [key, minutes] of Object.entries(ages)) {
      const before = new Set(fs.existsSync(directory) ? fs.readdirSync(directory) : [])
      first.set(key, value(key))
      const [added] = fs.readdirSync(directory).filter((name) => !before.has(name))
      const time = new Date(Date.now() - minutes * 60_000)
      fs.utimesSync(path.join(directory, added as string), time, time)
    }
    // The next run reads `a` (renewing it), then its first write trims to three files.
    const second = createDiskCache(directory, 'ns', 3)
    expect(second.get('a')).toEqual({ html: 'a' })
    second.set('e', value('e'))
    expect(fs.readdirSync(directory)).toHaveLength(4)
    const third = createDiskCache(directory, 'ns')
    expect(third.get('b')).toBeUndefined()
    for (const key of ['a', 'c', 'd', 'e']) expect(third.get(key)).toEqual({ html: key })
  })
})
