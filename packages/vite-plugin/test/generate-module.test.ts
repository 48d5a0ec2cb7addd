import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Deck, Slide } from '@slidemark/core'
import { afterAll, describe, expect, it } from 'vitest'
import type { DeckAsset } from '../src/assets.js'
import { planChunks } from '../src/chunks.js'
import { generateModule, staticDeckModules } from '../src/generate-module.js'

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'slidemark-generate-'))
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }))

function slide(overrides: Partial<Slide>): Slide {
  return {
    index: 0,
    title: 'A slide',
    header: '<h1>A slide</h1>',
    content: '',
    kind: 'content',
    steps: 1,
    notes: '',
    classes: [],
    source: { start: 1, end: 3 },
    assets: [],
    ...overrides,
  }
}

let counter = 0
/** Runs the generated module, with each asset import replaced by `importedAs(specifier)`. */
async function run(deck: Deck, assets: DeckAsset[] = []) {
  const code = generateModule(deck, assets).replace(
    /^import (\w+) from ("[^"]+")$/gm,
    (_line, name: string, specifier: string) =>
      `const ${name} = "/assets/" + ${specifier}.slice(2).replace(".", "-h4sh.")`,
  )
  const file = path.join(directory, `deck-${counter++}.mjs`)
  fs.writeFileSync(file, code)
  return import(/* @vite-ignore */ pathToFileURL(file).href)
}

describe('generateModule', () => {
  it('exports slides, meta and title, and onUpdate does nothing without HMR', async () => {
    const deck: Deck = {
      meta: { title: 'Deck title', author: 'Someone' },
      slides: [slide({ content: '<p>Hello</p>', classes: ['dark'] })],
      messages: [],
    }
    const module = await run(deck)
    expect(module.default).toEqual(deck.slides)
    expect(module.meta).toEqual(deck.meta)
    expect(module.title).toBe('Deck title')
    expect(module.onUpdate(() => {})).toBeTypeOf('function')
  })

  it('keeps front matter keys as plain data, even __proto__', async () => {
    const meta = JSON.parse('{"title": "T", "__proto__": {"polluted": true}}')
    const module = await run({ meta, slides: [], messages: [] })
    expect(Object.keys(module.meta)).toEqual(['title', '__proto__'])
    expect(Object.getPrototypeOf(module.meta)).toBe(Object.prototype)
  })

  it('falls back to the first slide title when the front matter has none', async () => {
    const module = await run({
      meta: {},
      slides: [slide({ title: 'From the slide' })],
      messages: [],
    })
    expect(module.title).toBe('From the slide')
  })

  it('replaces asset URLs in attribute values with the imported URL', async () => {
    const deck: Deck = {
      meta: {},
      slides: [
        slide({
          content:
            '<p><img src="img/a.png" alt="img/a.png"></p><video src="./clip.mp4?v=1&amp;w=2" poster="img/a.png"></video>',
          notes: '<p><img src="img/a.png"></p>',
          assets: [
            { url: 'img/a.png', line: 4, column: 1 },
            { url: './clip.mp4?v=1&w=2', line: 5, column: 1 },
            { url: 'img/a.png', line: 5, column: 30 },
          ],
        }),
      ],
      messages: [],
    }
    const assets: DeckAsset[] = [
      { url: 'img/a.png', specifier: './img/a.png', hash: '' },
      { url: './clip.mp4?v=1&w=2', specifier: './clip.mp4?v=1&w=2', hash: '' },
    ]
    const [out] = (await run(deck, assets)).default as Slide[]
    expect(out?.content).toBe(
      '<p><img src="/assets/img/a-h4sh.png" alt="img/a.png"></p><video src="/assets/clip-h4sh.mp4?v=1&w=2" poster="/assets/img/a-h4sh.png"></video>',
    )
    expect(out?.notes).toBe('<p><img src="/assets/img/a-h4sh.png"></p>')
    expect(out?.assets).toEqual([
      { url: '/assets/img/a-h4sh.png', line: 4, column: 1 },
      { url: '/assets/clip-h4sh.mp4?v=1&w=2', line: 5, column: 1 },
      { url: '/assets/img/a-h4sh.png', line: 5, column: 30 },
    ])
  })

  it('keeps a #fragment after the imported URL', async () => {
    const deck: Deck = {
      meta: {},
      slides: [
        slide({
          content: '<img src="./icons.svg#star">',
          assets: [{ url: './icons.svg#star', line: 3, column: 1 }],
        }),
      ],
      messages: [],
    }
    const assets = [{ url: './icons.svg#star', specifier: './icons.svg', hash: '#star' }]
    const [out] = (await run(deck, assets)).default as Slide[]
    expect(out?.content).toBe('<img src="/assets/icons-h4sh.svg#star">')
  })

  it('ships slides without assets as one JSON string, in order with the ones that have assets', async () => {
    const deck: Deck = {
      meta: {},
      slides: [
        slide({ index: 0, content: '<p>「引用」 and "quotes" \u2028 </script></p>' }),
        slide({
          index: 1,
          content: '<img src="img/a.png">',
          assets: [{ url: 'img/a.png', line: 7, column: 1 }],
        }),
        slide({ index: 2, content: '<pre><code>a &lt; b</code></pre>', notes: '<p>Say it</p>' }),
      ],
      messages: [],
    }
    const assets = [{ url: 'img/a.png', specifier: './img/a.png', hash: '' }]
    const code = generateModule(deck, assets)
    expect(code).toContain('const slides = JSON.parse(')
    expect(code.match(/content: /g)).toHaveLength(1)
    const slides = (await run(deck, assets)).default as Slide[]
    expect(slides.map((s) => s.index)).toEqual([0, 1, 2])
    expect(slides[0]).toEqual(deck.slides[0])
    expect(slides[1]?.content).toBe('<img src="/assets/img/a-h4sh.png">')
    expect(slides[2]).toEqual(deck.slides[2])
  })

  it('accepts its own hot updates so importers are not reloaded', () => {
    const code = generateModule({ meta: {}, slides: [], messages: [] }, [])
    expect(code).toContain('import.meta.hot.accept(')
    expect(code).not.toMatch(/\bwindow\b|\bdocument\b/)
  })
})

describe('staticDeckModules', () => {
  /** Writes the modules and an app module beside them; returns what the app's `start` got. */
  async function runStatic(deck: Deck) {
    const folder = fs.mkdtempSync(path.join(directory, 'static-'))
    const loader = new URL('../src/lazy-slides.ts', import.meta.url).href
    fs.writeFileSync(
      path.join(folder, 'app.mjs'),
      `export { lazySlides, unpackMetadata } from ${JSON.stringify(loader)}
export let started
export function start(slides, meta) { started = { slides, meta } }
`,
    )
    const modules = staticDeckModules(deck, {
      app: './app.mjs',
      file: 'talk.slides.md',
      chunkUrl: (n) => `./chunk-${n}.mjs`,
    })
    modules.chunks.forEach((code, n) => {
      fs.writeFileSync(path.join(folder, `chunk-${n}.mjs`), code)
    })
    fs.writeFileSync(path.join(folder, 'entry.mjs'), modules.entry)
    await import(/* @vite-ignore */ pathToFileURL(path.join(folder, 'entry.mjs')).href)
    const app = await import(/* @vite-ignore */ pathToFileURL(path.join(folder, 'app.mjs')).href)
    return { modules, started: app.started as { slides: Slide[]; meta: unknown } }
  }

  it('a small deck is one module that starts the app with its slides and meta', async () => {
    const deck: Deck = {
      meta: JSON.parse('{"title": "Tides", "__proto__": "kept"}'),
      messages: [],
      slides: [slide({ title: '潮汐', header: '<h1>潮汐</h1>' }), slide({ index: 1 })],
    }
    const { modules, started } = await runStatic(deck)
    expect(modules.chunks).toEqual([])
    expect(started.slides).toEqual(deck.slides)
    expect(started.meta).toEqual(deck.meta)
    expect(Object.hasOwn(started.meta as object, '__proto__')).toBe(true)
  })

  it('a big deck is split as the plugin splits it, and every chunk loads the real slides', async () => {
    const slides = Array.from({ length: 120 }, (_, n) =>
      slide({
        index: n,
        title: `Log ${n}`,
        content: `<pre>${'x'.repeat(6000)} ${n}</pre>`,
        source: { start: n * 4 + 1, end: n * 4 + 3 },
        ...(n % 7 === 0 ? { steps: 3, classes: ['wide'] } : {}),
      }),
    )
    const deck: Deck = { meta: {}, messages: [], slides }
    const { modules, started } = await runStatic(deck)
    const starts = planChunks(slides) as number[]
    expect(modules.chunks.length).toBe(starts.length)
    expect(modules.chunks.length).toBeGreaterThan(1)
    expect(started.slides[119]?.title).toBe('Log 119')
    expect(() => started.slides[119]?.content).toThrow(/not loaded yet/)
    const handle = (started.slides as unknown as Record<symbol, { loadAll(): Promise<Slide[]> }>)[
      Symbol.for('slidemark.lazy')
    ]
    expect(await handle?.loadAll()).toEqual(slides)
  })
})
