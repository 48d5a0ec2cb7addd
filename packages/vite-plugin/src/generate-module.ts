import type { Deck, Slide } from '@slidemark/core'
import type { DeckAsset } from './assets.js'
import { planChunks } from './chunks.js'
import { preloadScript } from './deep-link.js'
import { diagramClientCode } from './diagram-problems.js'
import { extraImports } from './extras.js'
import { HOT_SLIDES_EVENT } from './hot-slides.js'
import { lazySlides, packMetadata, unpackMetadata } from './lazy-slides.js'
import { overflowClientCode } from './overflow.js'

/**
 * Hot-update wiring appended to every deck module. The module accepts its
 * own updates; listeners live in `import.meta.hot.data`, which Vite keeps
 * across versions of the module, so a listener registered once (by the app or
 * a theme) hears every later version. The slides array carries the same
 * `onUpdate` as a hidden (non-enumerable) `Symbol.for('slidemark.hot')`
 * property, which `mount()` subscribes to: a deck follows edits with no
 * wiring. When nothing listens, the module invalidates itself and the page
 * reloads, never leaving a stale screen. Without HMR (a build, SSR)
 * `onUpdate` is a no-op and the array has no handle.
 */
const HMR_CODE = `
export function onUpdate(listener) {
  const listeners = import.meta.hot?.data.slidemarkListeners
  if (!listeners) return () => {}
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
if (import.meta.hot) {
  import.meta.hot.data.slidemarkListeners ??= new Set()
  Object.defineProperty(slides, Symbol.for('slidemark.hot'), { value: { onUpdate } })
  import.meta.hot.accept((next) => {
    if (!next) return
    const listeners = import.meta.hot.data.slidemarkListeners
    if (listeners.size === 0) return import.meta.hot.invalidate('no deck on the page follows this edit')
    for (const listener of listeners) listener(next.default, next.meta)
  })
}
`

/**
 * Dev-server only: applies a `slidemark:slides` patch (the slides one edit
 * changed, see hot-slides.ts) to the deck's current slides and calls the
 * `onUpdate` listeners with the patched copy, without re-running this
 * module. A patch for another version than the one on screen, one that
 * fails, or one nobody listens to, invalidates the module instead (a fresh
 * module, or a page reload): never a stale screen. Each run of the module
 * (first load, a full update) resets the current state to its own slides.
 */
const hotSlidesCode = (id: string, version: number) => `
if (import.meta.hot) {
  const hot = import.meta.hot
  hot.data.slidemarkCurrent = { version: ${version}, slides, meta }
  hot.on(${JSON.stringify(HOT_SLIDES_EVENT)}, (patch) => {
    if (patch.id !== ${JSON.stringify(id)}) return
    const current = hot.data.slidemarkCurrent
    const listeners = hot.data.slidemarkListeners
    if (!current || current.version !== patch.from || !listeners || listeners.size === 0) {
      return hot.invalidate('slidemark: this page cannot apply the edit in place')
    }
    try {
      const next = current.slides.slice(0, patch.length)
      for (const [index, slide] of patch.slides) next[index] = slide
      hot.data.slidemarkCurrent = { version: patch.to, slides: next, meta: current.meta }
      for (const listener of listeners) listener(next, current.meta)
    } catch (error) {
      console.error(error)
      hot.invalidate('slidemark: applying the edit failed')
    }
  })
}
`

/** Dev-server options of `generateModule`: the deck's id and version for in-place slide patches. */
export interface HotModuleOptions {
  id: string
  version: number
}

/** How a big deck is split (see chunks.ts): the first slide of each chunk, and their import specifiers. */
export interface LazyModuleOptions {
  /** Index of the first slide of each chunk, ascending, starting at 0. */
  starts: readonly number[]
  /** The specifier the entry imports chunk `n` with (`./talk.slides.md?slidemark-chunk=n`). */
  specifier: (chunk: number) => string
  /** The deck's file name, for the error reading an unloaded slide throws. */
  file: string
}

/** Build options of `generateModule`. */
export interface ModuleOptions {
  /** Import the runtime's Mermaid chunk for diagrams left to the browser. Default: `true`. */
  mermaid?: boolean
  /** Dev server: only the deck's first slides are compiled yet (see {@link PartialModuleOptions}). */
  partial?: PartialModuleOptions
}

/**
 * Dev server, big deck: the page is served with the first slides compiled
 * (see first-slides.ts); `rest` is the module that brings the whole deck.
 */
export interface PartialModuleOptions {
  /** Line ranges of every slide of the deck, for placeholders of those still compiling. */
  sources: ReadonlyArray<{ start: number; end: number }>
  /** The specifier of the module with the whole deck (`./talk.slides.md?slidemark-rest=7`). */
  specifier: string
  /** The deck's file name, for the error reading a slide still compiling throws. */
  file: string
}

/**
 * The ES module a deck becomes: `export default slides` (slide data as one
 * JSON string, slides with assets as literals), `meta`, `title`,
 * `loadSlides` and `onUpdate`. Found assets are imported (`import
 * __sm_asset_0 from './img/a.png'`) and their URLs in the slides' HTML and
 * `assets` are replaced by the imported value. With `lazy`, the module
 * holds only each slide's metadata and imports the slides' HTML chunk by
 * chunk when asked (see lazy-slides.ts); the chunks are
 * {@link generateChunkModule}.
 */
export function generateModule(
  deck: Deck,
  assets: readonly DeckAsset[],
  hot?: HotModuleOptions,
  lazy?: LazyModuleOptions,
  { mermaid = true, partial }: ModuleOptions = {},
): string {
  const title = deck.meta.title ?? deck.slides[0]?.title ?? ''
  const data = partial
    ? partialSlidesCode(deck, assets, partial)
    : lazy
      ? lazySlidesCode(deck, lazy)
      : slidesCode(deck.slides, assets)
  return [
    ...data.imports,
    ...extraImports(deck, { mermaid }),
    '',
    ...data.lines,
    'export default slides',
    // JSON.parse keeps every front-matter key an own property, even `__proto__`.
    `export const meta = JSON.parse(${JSON.stringify(JSON.stringify(deck.meta))})`,
    `export const title = ${JSON.stringify(typeof title === 'string' ? title : String(title))}`,
    lazy || partial ? LAZY_LOAD_CODE : EAGER_LOAD_CODE,
    HMR_CODE,
    hot ? hotSlidesCode(hot.id, hot.version) : '',
    partial ? REST_CODE : '',
    hot ? overflowClientCode(hot.id) : '',
    hot ? diagramClientCode(hot.id) : '',
  ].join('\n')
}

/** `loadSlides()` of a deck whose slides are all in its module. */
const EAGER_LOAD_CODE = 'export function loadSlides() {\n  return Promise.resolve(slides)\n}'

/** `loadSlides()` of a chunked deck: every chunk loaded, then the complete array. */
const LAZY_LOAD_CODE =
  "export function loadSlides() {\n  return slides[Symbol.for('slidemark.lazy')].loadAll()\n}"

/**
 * Dev server: the module with the whole deck is asked for once the first
 * slides are on screen (after the page's first frame: the server compiles
 * the rest from then on, not while the page loads); a slide the page needs
 * earlier (a deep link) asks at once. Once it arrives, it is what the page
 * shows (the `onUpdate` listeners get it, as for an edit); with no listener
 * the module re-runs, now compiled whole. Never a stale screen.
 */
const REST_CODE = `
if (import.meta.hot) {
  const hot = import.meta.hot
  const loadRest = () => slides[Symbol.for('slidemark.lazy')].loadAll().then(() => {
    const { default: whole, meta: wholeMeta, version } = restModule
    hot.data.slidemarkCurrent = { version, slides: whole, meta: wholeMeta }
    const listeners = hot.data.slidemarkListeners
    if (!listeners || listeners.size === 0) return hot.invalidate('slidemark: the whole deck is compiled')
    for (const listener of listeners) listener(whole, wholeMeta)
  }, (error) => console.error('slidemark: the rest of the deck did not load:', error))
  requestAnimationFrame(() => setTimeout(loadRest))
}
`

/** A dev-server module with the first slides compiled and the rest on the way. */
function partialSlidesCode(
  deck: Deck,
  assets: readonly DeckAsset[],
  partial: PartialModuleOptions,
) {
  const first = slidesCode(deck.slides, assets, 'first')
  const metadata = partial.sources.map((source, n) => {
    const compiled = deck.slides[n]
    return compiled
      ? slideMetadata(compiled)
      : { title: '', kind: 'content', steps: 1, classes: [], source }
  })
  const count = deck.slides.length
  return {
    imports: first.imports,
    lines: [
      ...first.lines,
      'let restModule',
      `const rest = () => import(${JSON.stringify(partial.specifier)}).then((module) => {`,
      '  restModule = module',
      `  return { default: module.default.slice(${count}) }`,
      '})',
      `const slides = (${lazySlides.toString()})(`,
      `  JSON.parse(${JSON.stringify(JSON.stringify(metadata))}),`,
      `  [0, ${count}],`,
      '  [() => Promise.resolve({ default: first }), rest],',
      `  ${JSON.stringify(partial.file)},`,
      '  first,',
      ')',
    ],
  }
}

/** The module with a whole deck, for a page served with its first slides: slides, meta and its version. */
export function generateRestModule(
  deck: Deck,
  assets: readonly DeckAsset[],
  version: number,
  { mermaid = true }: ModuleOptions = {},
): string {
  const data = slidesCode(deck.slides, assets)
  return [
    ...data.imports,
    ...extraImports(deck, { mermaid }),
    '',
    ...data.lines,
    'export default slides',
    `export const meta = JSON.parse(${JSON.stringify(JSON.stringify(deck.meta))})`,
    `export const version = ${version}`,
  ].join('\n')
}

/**
 * The fields of a slide that stay in a chunked deck's entry (the others come
 * with its chunk), without `index` and without `kind: 'content'`, `steps: 1`
 * and `classes: []`, which `lazySlides` puts back: a third fewer bytes.
 */
function slideMetadata(slide: Slide): Partial<Slide> {
  const { header: _h, content: _c, notes: _n, assets: _a, index: _i, ...metadata } = slide
  const { kind, steps, classes, ...rest } = metadata
  return {
    ...rest,
    ...(kind === 'content' ? {} : { kind }),
    ...(steps === 1 ? {} : { steps }),
    ...(classes.length === 0 ? {} : { classes }),
  }
}

/** The entry of a chunked deck: slide metadata (packed), one dynamic import per chunk, `lazySlides()`. */
function lazySlidesCode(deck: Deck, lazy: LazyModuleOptions) {
  const metadata = packMetadata(deck.slides.map(slideMetadata))
  const chunks = lazy.starts.map(
    (_, chunk) => `() => import(${JSON.stringify(lazy.specifier(chunk))})`,
  )
  return {
    imports: [] as string[],
    lines: [
      `const slides = (${lazySlides.toString()})(`,
      `  (${unpackMetadata.toString()})(JSON.parse(${JSON.stringify(JSON.stringify(metadata))})),`,
      `  ${JSON.stringify(lazy.starts)},`,
      `  [${chunks.join(', ')}],`,
      `  ${JSON.stringify(lazy.file)},`,
      ')',
    ],
  }
}

/**
 * One chunk of a chunked deck: `export default` the complete slides `from`
 * (inclusive) to `to` (exclusive), importing only the assets they use.
 */
export function generateChunkModule(
  deck: Deck,
  assets: readonly DeckAsset[],
  from: number,
  to: number,
): string {
  const slides = deck.slides.slice(from, to)
  const used = new Set(slides.flatMap((slide) => slide.assets.map((reference) => reference.url)))
  const data = slidesCode(
    slides,
    assets.filter((asset) => used.has(asset.url)),
  )
  return [...data.imports, '', ...data.lines, 'export default slides'].join('\n')
}

/**
 * `const slides = …` for `slides`, and the imports of `assets`. A slide without assets is plain data: all of
 * them go into one JSON string, which Vite and the browser parse far faster
 * than object literals. A slide with assets is a literal, for its imported URLs.
 */
function slidesCode(slides: readonly Slide[], assets: readonly DeckAsset[], name = 'slides') {
  const names = new Map(assets.map((asset, n) => [asset.url, `__sm_asset_${n}`]))
  const importedValue = (asset: DeckAsset) => {
    const name = names.get(asset.url) as string
    return asset.hash ? `${name} + ${JSON.stringify(asset.hash)}` : name
  }
  /** Assets by their URL as written in an attribute value of the HTML. */
  const byAttribute = new Map(assets.map((asset) => [escapeAttribute(asset.url), asset]))
  const urlPattern = attributeValuePattern([...byAttribute.keys()])
  const html = (text: string) => {
    if (!urlPattern) return JSON.stringify(text)
    return (
      text
        .split(urlPattern)
        .map((part, n) => {
          if (n % 2 === 0) return JSON.stringify(part)
          const asset = byAttribute.get(part)
          return asset ? importedValue(asset) : JSON.stringify(part)
        })
        .filter((part) => part !== '""')
        .join(' + ') || '""'
    )
  }
  const byUrl = new Map(assets.map((asset) => [asset.url, asset]))
  const literal = (s: Slide) => {
    const references = s.assets.map((reference) => {
      const asset = byUrl.get(reference.url)
      const url = asset ? importedValue(asset) : JSON.stringify(reference.url)
      return `{ url: ${url}, line: ${reference.line}, column: ${reference.column} }`
    })
    const { header, content, notes, assets: _assets, ...plain } = s
    return [
      '{',
      ...Object.entries(plain).map(([key, value]) => `  ${key}: ${JSON.stringify(value)},`),
      `  header: ${html(header)},`,
      `  content: ${html(content)},`,
      `  notes: ${html(notes)},`,
      `  assets: [${references.join(', ')}],`,
      '}',
    ].join('\n')
  }
  const data = slides.map((s) => (s.assets.length === 0 ? s : null))
  const literals = slides.flatMap((s, index) =>
    s.assets.length === 0 ? [] : [`${name}[${index}] = ${literal(s)}`],
  )
  return {
    imports: assets.map(
      (asset) => `import ${names.get(asset.url)} from ${JSON.stringify(asset.specifier)}`,
    ),
    lines: [`const ${name} = JSON.parse(${JSON.stringify(JSON.stringify(data))})`, ...literals],
  }
}

/** rehype-stringify writes attribute values in double quotes with `&` and `"` escaped. */
function escapeAttribute(url: string): string {
  return url.replaceAll('&', '&amp;').replaceAll('"', '&quot;')
}

/**
 * Matches a whole `src="…"` or `poster="…"` value equal to one of the
 * (attribute-escaped) URLs, captured: the attributes core lists assets from;
 * `alt` text stays.
 */
function attributeValuePattern(values: readonly string[]): RegExp | undefined {
  if (values.length === 0) return undefined
  const alternatives = [...values]
    .sort((a, b) => b.length - a.length)
    .map((url) => url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`(?<=\\s(?:src|poster)=")(${alternatives.join('|')})(?=")`)
}

/** The modules of a deck built without Vite (see {@link staticDeckModules}). */
export interface StaticDeckModules {
  /** The deck's entry module: its slides (or their metadata), handed to the app's `start`. */
  entry: string
  /** One module per chunk of a big deck (see chunks.ts), in order; none for a small deck. */
  chunks: string[]
  /**
   * A big deck's page script that preloads the chunk of the slide the URL
   * opens on (see deep-link.ts), given each chunk's URL as the page refers
   * to it; `undefined` for a small deck.
   */
  preload(urls: readonly string[]): string | undefined
}

/**
 * A deck's modules for an app built ahead of time (the CLI's build of a
 * deck with a bundled theme): plain browser modules, no Vite in between.
 * The entry imports `start`, `lazySlides` and `unpackMetadata` from
 * `app` (a URL relative to the entry) and calls `start(slides, meta)`;
 * a big deck is split as the plugin splits it in a build (`planChunks`)
 * and its chunks are imported from `chunkUrl(n, code)`. Only for a deck
 * without assets, math or diagrams to draw in the browser: those need
 * Vite (imports), and the caller checks. `file`: the deck's file name, for
 * the error reading a slide not loaded yet throws.
 */
export function staticDeckModules(
  deck: Deck,
  {
    app,
    file,
    chunkUrl,
  }: { app: string; file: string; chunkUrl: (chunk: number, code: string) => string },
): StaticDeckModules {
  const starts = planChunks(deck.slides)
  const chunks = (starts ?? []).map((from, n) =>
    generateChunkModule(deck, [], from, starts?.[n + 1] ?? deck.slides.length),
  )
  const slides = starts
    ? [
        'const slides = lazySlides(',
        `  unpackMetadata(JSON.parse(${JSON.stringify(JSON.stringify(packMetadata(deck.slides.map(slideMetadata))))})),`,
        `  ${JSON.stringify(starts)},`,
        `  [${chunks.map((code, n) => `() => import(${JSON.stringify(chunkUrl(n, code))})`).join(', ')}],`,
        `  ${JSON.stringify(file)},`,
        ')',
      ]
    : slidesCode(deck.slides, []).lines
  const entry = [
    `import { lazySlides, start, unpackMetadata } from ${JSON.stringify(app)}`,
    ...slides,
    `start(slides, JSON.parse(${JSON.stringify(JSON.stringify(deck.meta))}))`,
    '',
  ].join('\n')
  return { entry, chunks, preload: (urls) => (starts ? preloadScript(starts, urls) : undefined) }
}
