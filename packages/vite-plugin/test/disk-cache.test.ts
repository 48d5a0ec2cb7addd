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
