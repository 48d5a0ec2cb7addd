import { parseHash } from '@slidemark/runtime'
import { describe, expect, it } from 'vitest'
import {
  type BuiltChunk,
  type Bundle,
  chunkOfSlide,
  preloadScript,
  withChunkPreload,
} from '../src/deep-link.js'

const STARTS = [0, 30, 62, 94, 446, 478]
const URLS = STARTS.map((_, n) => `./assets/talk.slides-${n}.js`)

/** Runs a preload script in a page at `hash`; returns the links it added to the head. */
function runInPage(script: string, hash: string) {
  const added: Array<Record<string, string>> = []
  const document = {
    createElement: () => ({}) as Record<string, string>,
    head: { appendChild: (link: Record<string, string>) => added.push(link) },
  }
  new Function('location', 'document', script)({ hash }, document)
  return added
}

describe('chunkOfSlide', () => {
  it('is the last chunk starting at or before the slide', () => {
    expect(chunkOfSlide(STARTS, 0)).toBe(0)
    expect(chunkOfSlide(STARTS, 29)).toBe(0)
    expect(chunkOfSlide(STARTS, 30)).toBe(1)
    expect(chunkOfSlide(STARTS, 449)).toBe(4)
    expect(chunkOfSlide(STARTS, 10_000)).toBe(5)
  })
})

describe('preloadScript', () => {
  it('preloads the chunk of the hash’s slide as a module, once', () => {
    const links = runInPage(preloadScript(STARTS, URLS), '#slide450')
    expect(links).toEqual([{ rel: 'modulepreload', crossOrigin: '', href: URLS[4] }])
  })

  it('reads the hash as the runtime does: steps, parts, other decks’ parts, other hashes', () => {
    const script = preloadScript(STARTS, URLS)
    for (const hash of [
      '',
      '#',
      '#slide1',
      '#slide31',
      '#slide450.3',
      '#intro-slide450',
      '#intro-slide3&slide95',
      '#slide0',
      '#/450',
      '#450',
      '#slide99999',
    ]) {
      const slide = parseHash(hash)?.slide ?? 0
      expect(runInPage(script, hash)[0]?.href, hash).toBe(URLS[chunkOfSlide(STARTS, slide)])
    }
  })

  it('writes the runtime’s own parseHash into the page, not a copy', () => {
    const script = preloadScript(STARTS, URLS)
    expect(script).toContain('function parseHash(')
    expect(script).toContain('/^(?:(.+)-)?slide(\\d+)(?:\\.(\\d+))?$/')
  })

  it('cannot be closed early by a URL', () => {
    const script = preloadScript([0], ['./a</script><script>alert(1)//.js'])
    expect(script).not.toContain('</script>')
    expect(runInPage(script, '')[0]?.href).toBe('./a</script><script>alert(1)//.js')
  })
})

const DECK = '/home/me/talk/talk.slides.md'

/** A built page: its entry chunk (holding the deck module) and the deck's chunks. */
function built(options: { src?: string; chunks?: number; deckInEntry?: boolean } = {}) {
  const { src = './assets/index-abc.js', chunks = 3, deckInEntry = true } = options
  const entry: BuiltChunk = {
    type: 'chunk',
    fileName: 'assets/index-abc.js',
    facadeModuleId: '/home/me/talk/main.js',
    moduleIds: ['/home/me/talk/main.js', ...(deckInEntry ? [DECK] : [])],
    imports: [],
  }
  const bundle: Bundle = { [entry.fileName]: entry, 'assets/index.css': { type: 'asset' } }
  for (let n = 0; n < chunks; n++) {
    bundle[`assets/talk.slides-${n}.js`] = {
      type: 'chunk',
      fileName: `assets/talk.slides-${n}.js`,
      facadeModuleId: `${DECK}?slidemark-chunk=${n}`,
      moduleIds: [`${DECK}?slidemark-chunk=${n}`],
      imports: [],
    }
  }
  const html = [
    '<!doctype html>',
    '<html>',
    '  <head>',
    '    <meta charset="utf-8" />',
    '    <title>Talk</title>',
    `    <script type="module" crossorigin src="${src}"></script>`,
    '    <link rel="stylesheet" crossorigin href="./assets/index.css">',
    '  </head>',
    '</html>',
  ].join('\n')
  return { html, entry, bundle }
}

const decks = [{ file: DECK, starts: [0, 40, 80] }]

/** The text of the page's inline script. */
const inlineScript = (page: string) => /<script>([\s\S]*?)<\/script>/.exec(page)?.[1] as string

describe('withChunkPreload', () => {
  it('puts the script after the charset and before the stylesheets, with URLs as the page writes them', () => {
    const { html, entry, bundle } = built()
    const page = withChunkPreload(html, entry, bundle, decks)
    const script = inlineScript(page)
    expect(page.indexOf('<script>')).toBeGreaterThan(page.indexOf('charset'))
    expect(page.indexOf('<script>')).toBeLessThan(page.indexOf('stylesheet'))
    expect(runInPage(script, '#slide41')[0]?.href).toBe('./assets/talk.slides-1.js')
    expect(runInPage(script, '')[0]?.href).toBe('./assets/talk.slides-0.js')
  })

  it('keeps an absolute base (a sub-path) as the entry’s src has it', () => {
    const { html, entry, bundle } = built({ src: '/talks/2026/assets/index-abc.js' })
    const page = withChunkPreload(html, entry, bundle, decks)
    const script = inlineScript(page)
    expect(runInPage(script, '#slide99')[0]?.href).toBe('/talks/2026/assets/talk.slides-2.js')
  })

  it('follows the entry’s static imports to the deck module', () => {
    const { html, entry, bundle } = built({ deckInEntry: false })
    const shared: BuiltChunk = {
      type: 'chunk',
      fileName: 'assets/shared.js',
      facadeModuleId: null,
      moduleIds: [DECK],
      imports: [],
    }
    bundle[shared.fileName] = shared
    const page = withChunkPreload(html, { ...entry, imports: [shared.fileName] }, bundle, decks)
    expect(page).toContain('modulepreload')
  })

  it('leaves a page alone whose deck is not loaded by its entry, or whose chunks are inlined', () => {
    const other = built({ deckInEntry: false })
    expect(withChunkPreload(other.html, other.entry, other.bundle, decks)).toBe(other.html)
    const single = built({ chunks: 0 })
    expect(withChunkPreload(single.html, single.entry, single.bundle, decks)).toBe(single.html)
    const unknown = built({ src: 'https://cdn.example/x.js' })
    expect(withChunkPreload(unknown.html, unknown.entry, unknown.bundle, decks)).toBe(unknown.html)
  })
})
