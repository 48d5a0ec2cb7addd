import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, describe, expect, test } from 'vitest'
import type { CodeCacheState } from '../src/lib/code-cache.js'

// Each load runs in a new thread: within one V8 isolate, a source compiled before is
// taken from V8's own memory and the code cache is never looked at. The threads load
// the built module (dist/lib/code-cache.js): run `pnpm build` first.
const built = new URL('../dist/lib/code-cache.js', import.meta.url).href

const made: string[] = []
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true })
})

/** A folder with a CommonJS script of `source` and a helper it requires; the cache goes beside. */
function scriptFolder(source: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slidemark-code-cache-'))
  made.push(dir)
  const file = path.join(dir, 'thread.cjs')
  fs.writeFileSync(file, source)
  fs.writeFileSync(path.join(dir, 'helper.cjs'), 'module.exports = (n) => n * 2\n')
  return { dir, file, cache: path.join(dir, '.code-cache') }
}

interface Run {
  state: CodeCacheState
  value: string
  after: CodeCacheState
  /** The state of each file's cache by file name, after `save()`. */
  files: Record<string, CodeCacheState>
}

/** `runCachedScript(file, cache)` in a new thread: its state, the script's `value()`, the state after `save()`. */
function runInThread(file: string, cache: string | undefined): Promise<Run> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads')
    import(workerData.built).then(({ runCachedScript }) => {
      const script = runCachedScript(workerData.file, workerData.cache)
      const state = script.state
      const value = String(script.exports.value())
      script.save()
      const files = Object.fromEntries(
        Object.entries(script.states).map(([file, state]) => [require('node:path').basename(file), state]),
      )
      parentPort.postMessage({ state, value, after: script.state, files })
    })`
  const worker = new Worker(code, { eval: true, workerData: { built, file, cache } })
  return new Promise((resolve, reject) => {
    worker.once('message', (run: Run) => {
      resolve(run)
      void worker.terminate()
    })
    worker.once('error', reject)
  })
}

/** Functions that only compile when they run, a relative require and the module globals. */
const source = `
const double = require('./helper.cjs')
function sum(list) { return list.reduce((a, b) => a + b, 0) }
exports.value = () => double(sum([1, 2, 3, 4, 5, 6])) + ':' + require('node:path').basename(__filename)
`

describe('runCachedScript', () => {
  test('runs a CommonJS file and the chunk it requires, saves their code, and later runs from it', async () => {
    const { file, cache } = scriptFolder(source)
    expect(await runInThread(file, cache)).toEqual({
      state: 'none',
      value: '42:thread.cjs',
      after: 'saved',
      files: { 'thread.cjs': 'saved', 'helper.cjs': 'saved' },
    })
    const files = fs.readdirSync(cache).sort()
    expect(files).toHaveLength(2)
    expect(files[0]).toMatch(/^helper\.cjs-[0-9a-f]{16}-.+\.v8$/)
    expect(files[1]).toMatch(/^thread\.cjs-[0-9a-f]{16}-.+\.v8$/)
    expect(await runInThread(file, cache)).toEqual({
      state: 'used',
      value: '42:thread.cjs',
      after: 'used',
      files: { 'thread.cjs': 'used', 'helper.cjs': 'used' },
    })
    expect(fs.readdirSync(cache).sort()).toEqual(files)
  })

  test('a rebuilt file of the same length never runs the old code', async () => {
    const { file, cache } = scriptFolder('exports.value = () => "first"\n')
    expect((await runInThread(file, cache)).value).toBe('first')
    fs.writeFileSync(file, 'exports.value = () => "other"\n')
    expect(await runInThread(file, cache)).toMatchObject({
      state: 'none',
      value: 'other',
      after: 'saved',
    })
  })

  test('a cache file with a changed byte is not used, and is written again', async () => {
    const { file, cache } = scriptFolder(source)
    await runInThread(file, cache)
    const name = fs.readdirSync(cache).find((file) => file.startsWith('thread.cjs-'))
    const cacheFile = path.join(cache, name as string)
    const bytes = fs.readFileSync(cacheFile)
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] as number) ^ 0xff
    fs.writeFileSync(cacheFile, bytes)
    expect(await runInThread(file, cache)).toEqual({
      state: 'rejected',
      value: '42:thread.cjs',
      after: 'saved',
      files: { 'thread.cjs': 'saved', 'helper.cjs': 'used' },
    })
    expect((await runInThread(file, cache)).state).toBe('used')
  })

  test('a cache folder that cannot be written costs only the cache', async () => {
    const { file, dir } = scriptFolder(source)
    const blocked = path.join(dir, 'not-a-folder')
    fs.writeFileSync(blocked, 'a file where the cache folder would be')
    expect(await runInThread(file, blocked)).toMatchObject({
      state: 'none',
      value: '42:thread.cjs',
      after: 'unsaved',
    })
    expect(fs.readFileSync(blocked, 'utf8')).toBe('a file where the cache folder would be')
  })

  test('without a cache folder nothing is read or written', async () => {
    const { file, cache } = scriptFolder(source)
    expect(await runInThread(file, undefined)).toEqual({
      state: 'none',
      value: '42:thread.cjs',
      after: 'none',
      files: { 'thread.cjs': 'none', 'helper.cjs': 'none' },
    })
    expect(fs.existsSync(cache)).toBe(false)
  })
})
