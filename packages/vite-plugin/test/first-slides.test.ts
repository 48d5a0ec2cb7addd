import fs from 'node:fs'
import path from 'node:path'
import { compile, createMemoryCache } from '@slidemark/core'
import { type CustomPayload, createServer, type HotPayload, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { FIRST_SLIDES, outlineDeck, PARTIAL_MIN_SLIDES } from '../src/first-slides.js'
import { HOT_SLIDES_EVENT, type HotSlidesPatch, sameSlide } from '../src/hot-slides.js'
import { slidemark } from '../src/index.js'
import { copyFixture } from './helpers.js'

/** Slide `n` (1-based) of a big deck: a marker word, and the constructs that split decks differently. */
function slideText(n: number): string {
  switch (n % 4) {
    case 0:
      // A setext heading: its `---` underline is not a slide break.
      return `A setext heading on slide ${n}\n---\n\nmarker${n}x under it`
    case 1:
      return `#Slide ${n}: 長いタイトル、日本語で\n\n\`\`\`js\nconst rule = '---'\n---\n\`\`\`\n\nmarker${n}x after a fence`
    case 2:
      return `## Second-level title ${n}\n\n- marker${n}x\n- a point\n\n$$$$\n\n- a step`
    default:
      return `#Slide ${n}\n\nmarker${n}x in a paragraph\n\n.notes: said aloud on slide ${n}`
  }
}

function bigDeck(count: number, frontMatter = '---\ntitle: A big deck\n---\n\n'): string {
  const slides = Array.from({ length: count }, (_, i) => slideText(i + 1))
  return `${frontMatter}${slides.join('\n\n---\n\n')}\n`
}

describe('outlineDeck', () => {
  it('leaves a small deck whole', () => {
    expect(outlineDeck(bigDeck(PARTIAL_MIN_SLIDES - 1))).toBeUndefined()
  })

  it('cuts a big deck after its first slides, with every slide’s lines as compile() finds them', async () => {
    const source = bigDeck(80)
    const outline = outlineDeck(source)
    expect(outline?.first).toBe(FIRST_SLIDES)
    const whole = await compile(source, { cache: false })
    expect(outline?.sources).toEqual(whole.slides.map((slide) => slide.source))
    const first = await compile(outline?.prefix ?? '', { cache: false })
    expect(first.slides).toHaveLength(FIRST_SLIDES)
    for (const [index, slide] of first.slides.entries()) {
      expect(sameSlide(slide, whole.slides[index] as typeof slide)).toBe(true)
    }
    expect(first.meta).toEqual(whole.meta)
  })

  it('takes a count of first slides', () => {
    expect(outlineDeck(bigDeck(80), { first: 1 })?.prefix).toMatch(
      /marker1x after a fence\n\n---\n$/,
    )
  })

  it('leaves decks of other tools to the whole compile', () => {
    expect(outlineDeck(bigDeck(80, '---\nmarp: true\n---\n\n'))).toBeUndefined()
  })
})

describe('sameSlide', () => {
  it('compares the HTML and every other field', async () => {
    const [a, b] = (await compile('#One\n\nx\n\n---\n\n#One\n\nx', { cache: false })).slides
    if (!a || !b) throw new Error('two slides expected')
    expect(sameSlide(a, { ...a })).toBe(true)
    expect(sameSlide(a, b)).toBe(false) // index and source differ
    expect(sameSlide(a, { ...a, content: `${a.content} ` })).toBe(false)
    expect(sameSlide(a, { ...a, classes: ['dark'] })).toBe(false)
  })
})

describe('dev server, a big deck on a cold start', { timeout: 60_000 }, () => {
  let root: string
  let server: ViteDevServer
  let origin: string
  const sent: HotPayload[] = []
  const deckFile = () => path.join(root, 'src/big.slides.md')

  beforeAll(async () => {
    root = copyFixture('vanilla-app')
    fs.writeFileSync(deckFile(), bigDeck(80))
    // A slow remark plugin (10 ms a slide, one slide at a time): the whole deck takes far
    // longer than its first slides.
    let queue = Promise.resolve()
    const slow = () => () => {
      queue = queue.then(() => new Promise<void>((resolve) => setTimeout(resolve, 10)))
      return queue
    }
    server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, strictPort: false },
      optimizeDeps: { noDiscovery: true, include: [] },
      plugins: [slidemark({ cacheDir: false, remarkPlugins: [slow] })],
    })
    await server.listen()
    const address = server.httpServer?.address()
    if (!address || typeof address === 'string') throw new Error('dev server has no port')
    origin = `http://127.0.0.1:${address.port}`
    const hot = server.environments.client.hot
    const send = hot.send.bind(hot) as (payload: HotPayload) => void
    hot.send = ((payload: HotPayload) => {
      sent.push(payload)
      send(payload)
    }) as typeof hot.send
  }, 30_000)

  afterAll(async () => {
    await server?.close()
    fs.rmSync(root, { recursive: true, force: true })
  })

  it('serves the first slides with placeholders, then the whole deck from its rest module, then edits as patches', async () => {
    const response = await fetch(`${origin}/src/big.slides.md?import`)
    const code = await response.text()
    expect(response.status).toBe(200)
    expect(code).toContain(`marker${FIRST_SLIDES}x`)
    expect(code).not.toContain(`marker${FIRST_SLIDES + 1}x`)
    expect(code).not.toContain('marker60x')
    const rest = /big\.slides\.md\?(?:import&)?slidemark-rest=(\d+)/.exec(code)
    expect(rest).not.toBeNull()

    const restResponse = await fetch(
      `${origin}/src/big.slides.md?slidemark-rest=${rest?.[1]}&import`,
    )
    const restCode = await restResponse.text()
    expect(restResponse.status).toBe(200)
    expect(restCode).toContain('marker80x')
    expect(restCode).toMatch(/export const version = \d+/)

    // An edit after the whole deck arrived is a patch of the edited slide alone.
    await new Promise((resolve) => setTimeout(resolve, 200))
    sent.length = 0
    fs.writeFileSync(deckFile(), bigDeck(80).replace('marker60x', 'marker60y'))
    const patch = await vi.waitFor(
      () => {
        const found = sent.find(
          (payload): payload is CustomPayload =>
            payload.type === 'custom' && payload.event === HOT_SLIDES_EVENT,
        )
        if (!found) throw new Error('no patch yet')
        return found.data as HotSlidesPatch
      },
      { timeout: 20_000, interval: 20 },
    )
    expect(patch.slides.map(([index]) => index)).toEqual([59])
    expect(patch.length).toBe(80)
    expect(sent.some((payload) => payload.type === 'full-reload')).toBe(false)
  })
})

describe('dev server, a big deck again with a warm cache', { timeout: 60_000 }, () => {
  it('serves the first slide alone while the cache is cold, and the whole deck once it is warm', async () => {
    const root = copyFixture('vanilla-app')
    fs.writeFileSync(path.join(root, 'src/big.slides.md'), bigDeck(80))
    const cache = createMemoryCache()
    const fetchDeck = async () => {
      const server = await createServer({
        root,
        configFile: false,
        logLevel: 'silent',
        server: { host: '127.0.0.1', port: 0, strictPort: false },
        optimizeDeps: { noDiscovery: true, include: [] },
        plugins: [slidemark({ cache })],
      })
      try {
        await server.listen()
        const address = server.httpServer?.address()
        if (!address || typeof address === 'string') throw new Error('dev server has no port')
        const origin = `http://127.0.0.1:${address.port}/src/big.slides.md`
        const code = await (await fetch(`${origin}?import`)).text()
        const rest = /slidemark-rest=(\d+)/.exec(code)?.[1]
        if (rest) await (await fetch(`${origin}?slidemark-rest=${rest}&import`)).text()
        return { code, rest }
      } finally {
        await server.close()
      }
    }
    try {
      const cold = await fetchDeck()
      expect(cold.rest).toBeDefined()
      expect(cold.code).not.toContain('marker80x')
      // The rest module compiled every slide into the cache: the next start serves them all.
      const warm = await fetchDeck()
      expect(warm.rest).toBeUndefined()
      expect(warm.code).toContain('marker80x')
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})
