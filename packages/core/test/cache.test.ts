import { describe, expect, test, vi } from 'vitest'
import {
  type CachedSlide,
  compile,
  createMemoryCache,
  defaultCache,
  isCachedSlide,
  optionsFingerprint,
  type SlideCache,
} from '../src/index.js'

/** A cache that counts renders (`set`) and reuses (`get` hits). */
function countingCache(): SlideCache & { sets: string[]; hits: number } {
  const inner = createMemoryCache()
  const cache = {
    sets: [] as string[],
    hits: 0,
    get(key: string) {
      const value = inner.get(key)
      if (value) cache.hits++
      return value
    },
    set(key: string, value: CachedSlide) {
      cache.sets.push(value.title)
      inner.set(key, value)
    },
  }
  return cache
}

const deck = ['# One\n\nfirst', '# Two\n\n```nosuchlang\nx\n```\n\n![](./two.png)', '# Three'].join(
  '\n\n---\n\n',
)

describe('per-slide cache', () => {
  test('compiling the same deck again renders nothing', async () => {
    const cache = countingCache()
    const first = await compile(deck, { cache })
    expect(cache.sets).toEqual(['One', 'Two', 'Three'])
    const second = await compile(deck, { cache })
    expect(cache.sets).toHaveLength(3)
    expect(cache.hits).toBe(3)
    expect(second).toEqual(first)
  })

  test('an edit to one slide re-renders only that slide', async () => {
    const cache = countingCache()
    await compile(deck, { cache })
    cache.sets.length = 0
    const edited = await compile(deck.replace('first', 'first, edited'), { cache })
    expect(cache.sets).toEqual(['One'])
    expect(edited.slides[0]?.content).toBe('<p>first, edited</p>')
  })

  test('a slide that moves is reused with its messages, assets and range moved', async () => {
    const cache = countingCache()
    const before = await compile(deck, { cache })
    cache.sets.length = 0
    const after = await compile(`Intro\n\nlines\n\n---\n\n${deck}`, { cache })
    expect(cache.sets).toEqual(['Intro']) // only the new slide
    const shift = (n: number) => n + 6
    expect(after.messages.map((m) => m.line)).toEqual(before.messages.map((m) => shift(m.line)))
    expect(after.slides[2]?.assets).toEqual(
      before.slides[1]?.assets.map((asset) => ({ ...asset, line: shift(asset.line) })),
    )
    expect(after.slides[2]?.source).toEqual({
      start: shift(before.slides[1]?.source.start ?? 0),
      end: shift(before.slides[1]?.source.end ?? 0),
    })
  })

  test('which slide is the title slide is decided per deck, not cached', async () => {
    const cache = countingCache()
    const alone = await compile('Words\n\n---\n\n# H', { cache })
    expect(alone.slides[0]?.kind).toBe('title')
    const later = await compile('Intro\n\n---\n\nWords\n\n---\n\n# H', { cache })
    expect(later.slides.map((slide) => slide.kind)).toEqual(['title', 'content', 'segue'])
    expect(later.slides[1]?.title).toBe('')
  })

  test('cached slides are plain JSON', async () => {
    const values: CachedSlide[] = []
    await compile(deck, {
      cache: { get: () => undefined, set: (_key, value) => values.push(value) },
    })
    expect(values).toHaveLength(3)
    for (const value of values) expect(JSON.parse(JSON.stringify(value))).toEqual(value)
  })

  test('options that change the output change the key', async () => {
    const cache = countingCache()
    await compile(deck, { cache })
    await compile(deck, { cache, lineNumbers: true })
    await compile(deck, { cache, compat: false })
    await compile(deck, { cache, themes: { light: 'min-light', dark: 'min-dark' } })
    expect(cache.sets).toHaveLength(12)
    const base = {
      themes: { light: 'a', dark: 'b' },
      lineNumbers: false,
      compat: true,
      remarkPlugins: [],
      rehypePlugins: [],
    }
    expect(optionsFingerprint(base)).not.toBe(optionsFingerprint({ ...base, lineNumbers: true }))
    expect(optionsFingerprint(base)).toBe(optionsFingerprint({ ...base }))
    expect(optionsFingerprint({})).toBe(
      optionsFingerprint({
        themes: { light: 'github-light', dark: 'github-dark' },
        lineNumbers: false,
        compat: true,
      }),
    )
  })

  test('without a cache option the process-wide default cache is used', async () => {
    const get = vi.spyOn(defaultCache, 'get')
    const set = vi.spyOn(defaultCache, 'set')
    try {
      const text = '# Default cache\n\nunique text 1f3a'
      await compile(text)
      await compile(text)
      expect(set).toHaveBeenCalledTimes(1)
      expect(get).toHaveBeenCalledTimes(2)
    } finally {
      get.mockRestore()
      set.mockRestore()
    }
  })

  test('`cache: false` renders every time', async () => {
    const set = vi.spyOn(defaultCache, 'set')
    try {
      await compile('# No cache', { cache: false })
      expect(set).not.toHaveBeenCalled()
    } finally {
      set.mockRestore()
    }
  })

  test('user plugins are not cached in the default cache, but are in an explicit one', async () => {
    let runs = 0
    const counter = () => () => {
      runs++
    }
    const set = vi.spyOn(defaultCache, 'set')
    try {
      await compile('# P', { remarkPlugins: [counter] })
      await compile('# P', { remarkPlugins: [counter] })
      expect(runs).toBe(2)
      expect(set).not.toHaveBeenCalled()
    } finally {
      set.mockRestore()
    }
    const cache = countingCache()
    await compile('# P', { remarkPlugins: [counter], cache })
    await compile('# P', { remarkPlugins: [counter], cache })
    expect(runs).toBe(3)
    await compile('# P', { remarkPlugins: [[counter, { changed: true }]], cache })
    expect(runs).toBe(4)
  })

  test('a slide whose render failed is not cached', async () => {
    const cache = countingCache()
    const boom = () => () => {
      throw new Error('boom')
    }
    await compile('# Fails', { remarkPlugins: [boom], cache })
    expect(cache.sets).toEqual([])
  })

  test('the memory cache forgets the least recently used slide beyond its size', () => {
    const cache = createMemoryCache(2)
    const value = (title: string) => ({ title }) as CachedSlide
    cache.set('a', value('a'))
    cache.set('b', value('b'))
    cache.get('a')
    cache.set('c', value('c'))
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')?.title).toBe('a')
    expect(cache.get('c')?.title).toBe('c')
  })
})

describe('cache integrity', () => {
  const slide = '# Kept\n\nbody'
  const wrongShapes: Array<[string, unknown]> = [
    ['valid JSON of another shape', { html: '<p>planted</p>' }],
    ['a string', '<p>planted</p>'],
    ['null', null],
    ['an array', []],
    ['an older entry shape', { header: '<h1>Old</h1>', title: 'Old', content: '' }],
  ]

  test.each(wrongShapes)('%s from the cache is a miss: the slide is rendered', async (_, bad) => {
    const sets: string[] = []
    const deck = await compile(slide, {
      cache: { get: () => bad as CachedSlide, set: (key) => sets.push(key) },
    })
    expect(deck.messages).toEqual([])
    expect(deck.slides[0]?.header).toBe('<h1>Kept</h1>')
    expect(sets).toHaveLength(1)
  })

  test('a slide missing one field, or with a field of the wrong type, is a miss', async () => {
    const good = (await compile(slide, { cache: false })).slides[0]
    const values: CachedSlide[] = []
    await compile(slide, { cache: { get: () => undefined, set: (_k, v) => values.push(v) } })
    const entry = values[0] as CachedSlide
    expect(isCachedSlide(entry)).toBe(true)
    const broken = [
      { ...entry, content: 42 },
      { ...entry, steps: 0 },
      { ...entry, classes: [1] },
      { ...entry, assets: [{ url: 'a.png' }] },
      { ...entry, messages: [{ reason: 'r', line: 1, column: 1, severity: 'fatal' }] },
      Object.fromEntries(Object.entries(entry).filter(([name]) => name !== 'notes')),
    ]
    for (const value of broken) {
      expect(isCachedSlide(value)).toBe(false)
      const deck = await compile(slide, { cache: { get: () => value as never, set: () => {} } })
      expect(deck.slides[0]?.header).toBe(good?.header)
      expect(deck.slides[0]?.content).toBe('<p>body</p>')
    }
  })

  test('a cache whose get throws is a miss, not an error', async () => {
    const deck = await compile(slide, {
      cache: {
        get: () => {
          throw new Error('disk on fire')
        },
        set: () => {},
      },
    })
    expect(deck.messages).toEqual([])
    expect(deck.slides[0]?.title).toBe('Kept')
  })

  test('flush is called once at the end of each compile, and its failure is harmless', async () => {
    const inner = createMemoryCache()
    let flushes = 0
    const cache: SlideCache = {
      get: (key) => inner.get(key),
      set: (key, value) => inner.set(key, value),
      flush: () => {
        flushes++
        throw new Error('read-only disk')
      },
    }
    const deck = await compile(`${slide}\n\n---\n\n# Two`, { cache })
    expect(flushes).toBe(1)
    expect(deck.slides).toHaveLength(2)
    expect(deck.messages).toEqual([])
  })
})
