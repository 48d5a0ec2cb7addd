import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Deck, Slide } from '@slidemark/core'
import { afterAll, describe, expect, it } from 'vitest'
import {
  CHUNK_CHARACTERS,
  CHUNK_MAX_SLIDES,
  chunkRange,
  LAZY_THRESHOLD,
  planChunks,
  slideWeight,
} from '../src/chunks.js'
import { generateChunkModule, generateModule } from '../src/generate-module.js'
import { lazySlides, packMetadata, unpackMetadata } from '../src/lazy-slides.js'

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'slidemark-chunks-'))
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }))

const TOPICS = ['キャッシュと非同期 I/O', 'Back-pressure in streams', 'Worker pools', 'Ownership']

/** A slide of about `size` characters of HTML, varied like a real talk. */
function slide(index: number, size = 2_000): Slide {
  const topic = TOPICS[index % TOPICS.length] as string
  const code = `<pre><code>${'let x = 1;\n'.repeat(Math.ceil(size / 11))}</code></pre>`
  return {
    index,
    title: `${index + 1}. ${topic}${index % 7 === 0 ? ': a long title that wraps over two lines on a small screen' : ''}`,
    header: `<h${index % 3 === 0 ? 2 : 1}>${topic}</h${index % 3 === 0 ? 2 : 1}>`,
    content: code.slice(0, size),
    kind: index === 0 ? 'title' : 'content',
    steps: index % 5 === 0 ? 3 : 1,
    notes: index % 4 === 0 ? `<p>Say slide ${index + 1} slowly.</p>` : '',
    classes: index % 6 === 0 ? ['segue', 'dark'] : [],
    source: { start: index * 10 + 1, end: index * 10 + 8 },
    assets: [],
  }
}

const deckOf = (slides: Slide[]): Deck => ({ meta: { title: 'Chunks' }, slides, messages: [] })

describe('planChunks', () => {
  it('keeps a deck under the threshold in one module', () => {
    const slides = Array.from({ length: 100 }, (_, n) => slide(n, 1_000))
    const total = slides.reduce((sum, s) => sum + slideWeight(s), 0)
    expect(total).toBeLessThan(LAZY_THRESHOLD)
    expect(planChunks(slides)).toBeUndefined()
    expect(planChunks(slides, { threshold: total })).toBeUndefined()
    expect(planChunks(slides, { threshold: total - 1 })).toBeDefined()
  })

  it('splits a big deck in order, each chunk within its character and slide budget', () => {
    const slides = Array.from({ length: 500 }, (_, n) => slide(n, 500 + ((n * 997) % 6_000)))
    const starts = planChunks(slides) as number[]
    expect(starts[0]).toBe(0)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    for (let chunk = 0; chunk < starts.length; chunk++) {
      const [from, to] = chunkRange(starts, chunk, slides.length) as [number, number]
      expect(to).toBeGreaterThan(from)
      expect(to - from).toBeLessThanOrEqual(CHUNK_MAX_SLIDES)
      // A chunk closes on the slide that takes it over the budget: at most one slide over.
      const weights = slides.slice(from, to).map(slideWeight)
      const withoutLast = weights.slice(0, -1).reduce((sum, w) => sum + w, 0)
      expect(withoutLast).toBeLessThan(CHUNK_CHARACTERS)
    }
    expect(chunkRange(starts, starts.length - 1, 500)?.[1]).toBe(500)
    expect(chunkRange(starts, starts.length, 500)).toBeUndefined()
  })

  it('caps a chunk of tiny slides at the slide limit', () => {
    const slides = Array.from({ length: 130 }, (_, n) => slide(n, 10))
    expect(planChunks(slides, { threshold: 0, maxSlides: 50 })).toEqual([0, 50, 100])
  })

  it('gives a huge slide a chunk of its own', () => {
    const slides = [slide(0, 100), slide(1, 200_000), slide(2, 100), slide(3, 100)]
    expect(planChunks(slides, { threshold: 0, chunkCharacters: 1_000 })).toEqual([0, 2])
  })
})

let counter = 0
/** Writes the entry and chunk modules of a chunked deck, imports the entry. */
async function runChunked(deck: Deck, starts: number[]) {
  const id = counter++
  const chunkFile = (n: number) => path.join(directory, `deck-${id}-chunk-${n}.mjs`)
  starts.forEach((from, n) => {
    const to = starts[n + 1] ?? deck.slides.length
    fs.writeFileSync(chunkFile(n), generateChunkModule(deck, [], from, to))
  })
  const code = generateModule(deck, [], undefined, {
    starts,
    specifier: (n) => pathToFileURL(chunkFile(n)).href,
    file: 'long.slides.md',
  })
  const file = path.join(directory, `deck-${id}.mjs`)
  fs.writeFileSync(file, code)
  return { code, module: await import(/* @vite-ignore */ pathToFileURL(file).href) }
}

describe('a chunked deck module', () => {
  const slides = Array.from({ length: 60 }, (_, n) => slide(n, 3_000))
  const deck = deckOf(slides)
  const starts = [0, 20, 40]

  it('holds every slide’s metadata and none of their HTML', async () => {
    const { code, module } = await runChunked(deck, starts)
    expect(code).not.toContain('let x = 1')
    expect(code).not.toContain('Say slide')
    const lazy: Slide[] = module.default
    expect(lazy).toHaveLength(60)
    for (const [n, s] of lazy.entries()) {
      const original = slides[n] as Slide
      expect(s.index).toBe(n)
      expect(s.title).toBe(original.title)
      expect(s.kind).toBe(original.kind)
      expect(s.steps).toBe(original.steps)
      expect(s.classes).toEqual(original.classes)
      expect(s.source).toEqual(original.source)
    }
  })

  it('throws, naming the slide and the way out, when HTML is read before its chunk', async () => {
    const { module } = await runChunked(deck, starts)
    const lazy: Slide[] = module.default
    expect(() => lazy[45]?.content).toThrow(
      /slide 46 of long\.slides\.md is not loaded yet, so its content cannot be read.*await loadSlides\(\)/,
    )
    expect(() => lazy[0]?.notes).toThrow(/slide 1 of long\.slides\.md .* notes/)
  })

  it('loads the chunk of a requested slide into the same array, others untouched', async () => {
    const { module } = await runChunked(deck, starts)
    const lazy: Slide[] = module.default
    const handle = loaderOf(lazy)
    const loaded: Array<[number, number]> = []
    handle.onLoad((from: number, to: number) => loaded.push([from, to]))
    await handle.load(41, 42)
    expect(loaded).toEqual([[40, 60]])
    expect(lazy[41]).toEqual(slides[41])
    expect(handle.isLoaded(59)).toBe(true)
    expect(handle.isLoaded(39)).toBe(false)
    expect(() => lazy[39]?.header).toThrow(/not loaded yet/)
  })

  it('loadSlides() resolves to the complete slides, equal to the deck', async () => {
    const { module } = await runChunked(deck, starts)
    const all: Slide[] = await module.loadSlides()
    expect(all).toBe(module.default)
    expect(JSON.parse(JSON.stringify(all))).toEqual(slides)
  })

  it('an unchunked deck’s loadSlides() resolves to its slides at once', async () => {
    const file = path.join(directory, `eager-${counter++}.mjs`)
    fs.writeFileSync(file, generateModule(deckOf(slides.slice(0, 3)), []))
    const module = await import(/* @vite-ignore */ pathToFileURL(file).href)
    expect(await module.loadSlides()).toBe(module.default)
  })
})

/** The loader `lazySlides` puts on its array. */
interface Loader {
  isLoaded(n: number): boolean
  load(from: number, to: number): Promise<void>
  onLoad(listener: (from: number, to: number) => void): () => void
}

function loaderOf(slides: readonly object[]): Loader {
  const loader = (slides as unknown as Record<symbol, Loader | undefined>)[
    Symbol.for('slidemark.lazy')
  ]
  if (!loader) throw new Error('the array has no loader')
  return loader
}

describe('lazySlides', () => {
  it('marks a failed chunk on its slides, reports it, and loads it on the next request', async () => {
    let attempts = 0
    const chunk = () => {
      attempts++
      return attempts === 1
        ? Promise.reject(new Error('network down'))
        : Promise.resolve({ default: [{ title: 'B', content: '<p>b</p>' }] })
    }
    const slides = lazySlides(
      [{ title: 'A' }, { title: 'B' }],
      [0, 1],
      [chunk, chunk],
      'x.slides.md',
    )
    const handle = loaderOf(slides)
    const events: Array<[number, number]> = []
    handle.onLoad((from, to) => events.push([from, to]))
    await expect(handle.load(1, 2)).rejects.toThrow('network down')
    const state = (slides[1] as Record<symbol, { error?: string }>)[Symbol.for('slidemark.pending')]
    expect(state?.error).toBe('network down')
    await handle.load(1, 2)
    expect(slides[1]).toEqual({ title: 'B', content: '<p>b</p>' })
    expect(events).toEqual([
      [1, 2],
      [1, 2],
    ])
    expect(attempts).toBe(2)
  })
})

describe('packMetadata', () => {
  const metadata = [
    { title: 'Intro', source: { start: 3, end: 9 }, kind: 'title' },
    { title: 'Two', source: { start: 13, end: 20 } },
    { title: 'Three', source: { start: 20, end: 20 }, steps: 3, id: 'three' },
  ]

  it('writes titles, line gaps and lengths, and the other fields as columns', () => {
    expect(packMetadata(metadata)).toEqual({
      titles: ['Intro', 'Two', 'Three'],
      lines: [3, 6, 4, 7, 0, 0],
      rest: [{ kind: 'title' }, {}, { steps: 3, id: 'three' }],
    })
  })

  it('unpackMetadata gives back the same objects', () => {
    expect(unpackMetadata(packMetadata(metadata))).toEqual(metadata)
  })

  it('keeps a source that is not a plain line range as it is', () => {
    const odd = [
      { title: 'A', source: { start: 5, end: 2, file: 'other.md' } },
      { title: 'B' },
      { title: 'C', source: { start: 9, end: 4 } },
      { title: 'D', source: { start: 7, end: 8 } },
    ]
    expect(unpackMetadata(packMetadata(odd))).toEqual(odd)
  })
})
