import { afterEach, describe, expect, test, vi } from 'vitest'
import { compile } from '../src/index.js'
import type { RenderTask } from '../src/lib/pool-worker.js'
import { compileInPool, destroyCompilePool, slidesPerThread } from '../src/pool.js'

/**
 * How `compileInPool()` hands slides to threads, with tinypool replaced by a
 * stand-in that renders each task in process (the real pool is tested in
 * pool.test.ts) and fails the whole task, as a thread out of memory does,
 * when a slide of it says CRASH.
 */
const tasks: string[][] = []
vi.mock('tinypool', () => ({
  default: class {
    options: { maxThreads: number }
    constructor(options: { maxThreads: number }) {
      this.options = { maxThreads: Math.min(2, options.maxThreads) }
    }
    async run(task: RenderTask) {
      tasks.push(task.slides.map((slide) => slide.text))
      if (task.slides.some((slide) => slide.text.includes('CRASH'))) {
        throw new Error('Worker terminated due to reaching memory limit: JS heap out of memory')
      }
      const { renderInProcess } = await import('../src/lib/render.js')
      const options = { ...task.options, remarkPlugins: [], rehypePlugins: [], cache: undefined }
      return renderInProcess(task.slides, options)
    }
    async destroy() {}
  },
}))

afterEach(async () => {
  tasks.length = 0
  await destroyCompilePool()
})

const deckOf = (texts: string[]) => texts.join('\n\n---\n\n')

describe('compileInPool batches', () => {
  test('a big deck goes to the threads in a few tasks, each slide in exactly one', async () => {
    const texts = Array.from({ length: slidesPerThread * 10 }, (_, index) => `# Slide ${index}`)
    const deck = await compileInPool(deckOf(texts), { cache: false })
    expect(deck).toEqual(await compile(deckOf(texts), { cache: false }))
    expect(tasks.length).toBeLessThan(texts.length / 10)
    expect(tasks.flat().sort()).toEqual([...texts].sort())
  })

  test('the last tasks are small, so the threads finish together', async () => {
    const texts = Array.from({ length: slidesPerThread * 4 }, (_, index) => `# Slide ${index}`)
    await compileInPool(deckOf(texts), { cache: false })
    const sizes = tasks.map((task) => task.length)
    expect(sizes[0]).toBeGreaterThan(10)
    expect(sizes.at(-1)).toBe(1)
  })

  test('slides in the same code language go to the same thread first', async () => {
    const texts = Array.from({ length: slidesPerThread * 4 }, (_, index) =>
      index % 2 === 0
        ? `# Python ${index}\n\n\`\`\`python\nx = ${index}\n\`\`\``
        : `# Go ${index}\n\n\`\`\`go\nvar x = ${index}\n\`\`\``,
    )
    const deck = await compileInPool(deckOf(texts), { cache: false })
    expect(deck).toEqual(await compile(deckOf(texts), { cache: false }))
    const languages = (task: string[]) => new Set(task.map((text) => text.split(' ')[1]))
    // One task per thread first, each with one language; stolen slides come last.
    const firsts = tasks.slice(0, 2).map((task) => [...languages(task)])
    expect(firsts.sort()).toEqual([['Go'], ['Python']])
    expect(tasks.flat().sort()).toEqual([...texts].sort())
  })

  test('a thread that fails on one slide of a batch fails that slide only', async () => {
    const texts = ['# One', '# Two', 'CRASH', '# Four', '# Five', '# Six']
    const deck = await compileInPool(deckOf(texts), { filename: 'big.slides.md', cache: false })
    expect(deck.slides.map((slide) => slide.title)).toEqual([
      'One',
      'Two',
      '',
      'Four',
      'Five',
      'Six',
    ])
    expect(deck.messages).toEqual([
      expect.objectContaining({
        line: 9,
        column: 1,
        ruleId: 'plugin-error',
        severity: 'error',
        reason: expect.stringContaining('JS heap out of memory'),
      }),
    ])
    expect(deck.slides[2]?.content).toBe('<pre class="slidemark-error"><code>CRASH</code></pre>')
  })
})
