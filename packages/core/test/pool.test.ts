import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { type CachedSlide, type CompileOptions, compile, createMemoryCache } from '../src/index.js'
import { compileInPool, destroyCompilePool, slidesPerThread } from '../src/pool.js'

// The worker threads load the built worker (dist/lib/pool-worker.js): run `pnpm build` first.
afterAll(() => destroyCompilePool())

const root = new URL('./fixtures/', import.meta.url)
const fixtures = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

/** A paragraph CommonMark's emphasis rules take quadratic time on (a pasted log, say). */
const pathological = '*a**a*'.repeat(100_000)

describe('compileInPool', () => {
  test.each(fixtures)('fixture %s compiles to the same deck as compile()', async (name) => {
    const folder = join(root.pathname, name)
    const input = readFileSync(join(folder, 'input.slides.md'), 'utf8')
    const configPath = join(folder, 'config.json')
    const config: CompileOptions = existsSync(configPath)
      ? JSON.parse(readFileSync(configPath, 'utf8'))
      : {}
    const options = { filename: 'input.slides.md', cache: false as const, ...config }
    expect(await compileInPool(input, options)).toEqual(await compile(input, options))
  })

  test('a deck big enough for several threads compiles to the same deck, in order', async () => {
    const slides = Array.from({ length: slidesPerThread * 2 + 3 }, (_, index) =>
      [
        `##Section ${index}: tide tables for the long northern coast`,
        `潮汐表 ${index} — *emphasis* and \`code{:js}\``,
        `    !python\n    print(${index})`,
        index % 3 === 0 ? '| a | b |\n| - | - |\n| 1 | 2 |' : '<big>raw</big>',
        `.notes: say ${index}`,
      ].join('\n\n'),
    )
    const deck = slides.join('\n\n---\n\n')
    const pooled = await compileInPool(deck, { cache: false })
    expect(pooled).toEqual(await compile(deck, { cache: false }))
    expect(pooled.slides.map((slide) => slide.index)).toEqual(slides.map((_, index) => index))
  })

  test('a slide over its time budget becomes a slide-timeout error shown as source; the rest compiles', async () => {
    const deck = `# Before\n\nfine\n\n---\n\n${pathological}\n\n---\n\n# After\n\nalso fine`
    const started = performance.now()
    const result = await compileInPool(deck, {
      filename: 'log.slides.md',
      cache: false,
      slideTimeout: 1500,
    })
    // Bounded: budget plus worker start-up, not the minutes the slide would take.
    expect(performance.now() - started).toBeLessThan(30_000)
    expect(result.messages).toEqual([
      expect.objectContaining({
        file: 'log.slides.md',
        line: 7,
        column: 1,
        severity: 'error',
        ruleId: 'slide-timeout',
        source: 'slidemark',
      }),
    ])
    expect(result.messages[0]?.reason).toContain('took over 1.5 s')
    expect(result.slides.map((slide) => slide.title)).toEqual(['Before', '', 'After'])
    expect(result.slides[1]?.content.startsWith('<pre class="slidemark-error"><code>*a**a*')).toBe(
      true,
    )
    expect(result.slides[2]?.content).toBe('<p>also fine</p>')
  }, 60_000)

  test('a slide over its budget in the middle of a batch: the slides sharing its task are rendered again, in order', async () => {
    // Six slides on one thread: the first task holds slides 1-3, so the hung slide has
    // company on both sides, and slide 5 is a second hung slide in a later task.
    const titles = ['One', '', 'Three', 'Four', '', 'Six']
    const deck = titles
      .map((title) => (title ? `# ${title}\n\ntext of ${title}` : pathological))
      .join('\n\n---\n\n')
    const result = await compileInPool(deck, {
      filename: 'log.slides.md',
      cache: false,
      slideTimeout: 1000,
    })
    expect(result.messages.map((message) => [message.ruleId, message.line])).toEqual([
      ['slide-timeout', 7],
      ['slide-timeout', 23],
    ])
    expect(result.slides.map((slide) => slide.title)).toEqual(titles)
    const shownAsSource = (content: string) => content.startsWith('<pre class="slidemark-error">')
    expect(result.slides.map((slide) => shownAsSource(slide.content) || slide.content)).toEqual(
      titles.map((title) => (title ? `<p>text of ${title}</p>` : true)),
    )
  }, 60_000)

  test('slides are stored as their batches come back, each once, and flushed as they come', async () => {
    const count = slidesPerThread * 3
    const deck = Array.from({ length: count }, (_, index) => `# Slide ${index}\n\nText ${index}.`)
    const sets: string[] = []
    const flushes: number[] = []
    const cache = {
      get: () => undefined,
      set: (key: string) => sets.push(key),
      flush: () => flushes.push(sets.length),
    }
    await compileInPool(deck.join('\n\n---\n\n'), { cache })
    expect(new Set(sets).size).toBe(count)
    expect(sets).toHaveLength(count)
    expect(flushes.length).toBeGreaterThan(2)
    expect(flushes[0]).toBeGreaterThan(0)
    expect(flushes[0]).toBeLessThan(count)
    expect(flushes.at(-1)).toBe(count)
  }, 60_000)

  test('a timed-out slide is not cached; the slides around it are', async () => {
    const inner = createMemoryCache()
    const sets: string[] = []
    const cache = {
      get: (key: string) => inner.get(key),
      set: (key: string, value: CachedSlide) => {
        sets.push(value.title)
        inner.set(key, value)
      },
    }
    const deck = `# Kept\n\n---\n\n${pathological}`
    const first = await compileInPool(deck, { cache, slideTimeout: 1000 })
    expect(first.messages.map((message) => message.ruleId)).toEqual(['slide-timeout'])
    expect(sets).toEqual(['Kept'])
  }, 60_000)

  test('destroyCompilePool() stops a busy worker at once, and the pool starts again after', async () => {
    const busy = compileInPool(pathological, { cache: false, slideTimeout: 0 }) // no budget
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const stopping = performance.now()
    await destroyCompilePool()
    const deck = await busy
    expect(performance.now() - stopping).toBeLessThan(5000)
    expect(deck.messages[0]?.severity).toBe('error')
    expect(deck.slides[0]?.content).toContain('slidemark-error')
    const next = await compileInPool('# Again', { cache: false })
    expect(next.slides[0]?.header).toBe('<h1>Again</h1>')
  }, 60_000)

  test('user plugins (functions cannot reach a thread) compile in process, with the same result', async () => {
    const shout = () => (tree: { children: unknown[] }) => {
      tree.children.push({ type: 'paragraph', children: [{ type: 'text', value: 'LOUD' }] })
    }
    const deck = await compileInPool('# P', { cache: false, remarkPlugins: [shout] })
    expect(deck.slides[0]?.content).toBe('<p>LOUD</p>')
  })
})

describe('the slide budget counts CPU time', () => {
  test('a thread that works gains CPU time, one that waits does not', async () => {
    const { threadCpuMs, threadId } = await import('../src/lib/thread-clock.js')
    const id = threadId()
    if (id === 0) return // no /proc: the budget counts wall-clock time
    const before = threadCpuMs(id)
    const cpu = process.cpuUsage()
    while (process.cpuUsage(cpu).user < 300_000) {} // busy for 300 ms of CPU, however long that takes
    const busy = threadCpuMs(id)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(busy - before).toBeGreaterThan(150)
    expect(threadCpuMs(id) - busy).toBeLessThan(150)
  })
})
