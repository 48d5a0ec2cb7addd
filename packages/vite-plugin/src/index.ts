import fs from 'node:fs'
import path from 'node:path'
import {
  createMemoryCache,
  type Deck,
  type DeckMessage,
  type DiagramPlace,
  type DrawnDiagram,
  decodeDeck,
  formatMessage,
  replaceDiagrams,
  type SlideCache,
} from '@slidemark/core'
import { compileInPool, type PoolCompileOptions } from '@slidemark/core/pool'
import {
  createFilter,
  type EnvironmentModuleNode,
  type FilterPattern,
  type Logger,
  normalizePath,
  type Plugin,
  type ResolvedConfig,
} from 'vite'
import { compiledDeck, createApi, type SlidemarkApi } from './api.js'
import { type DeckAsset, resolveDeckAssets } from './assets.js'
import { CHUNK_ID, CHUNK_QUERY, chunkRange, LAZY_THRESHOLD, planChunks } from './chunks.js'
import { type Bundle, withChunkPreload } from './deep-link.js'
import { forwardDiagramProblems } from './diagram-problems.js'
import { cacheNamespace, createDiskCache } from './disk-cache.js'
import {
  assetMessages,
  codeFrame,
  deckMessageError,
  missingAssetError,
  refusedAssetError,
} from './errors.js'
import { loadKatexCss } from './extras.js'
import {
  type DeckOutline,
  outlineDeck,
  REST_ID,
  REST_QUERY,
  WHOLE_DECK_DELAY_MS,
  WHOLE_DECK_WAIT_MS,
} from './first-slides.js'
import { generateChunkModule, generateModule, generateRestModule } from './generate-module.js'
import { applySlideEdit, findSlideEdit } from './hot-edit.js'
import {
  diffDecks,
  HOT_SLIDES_EVENT,
  type HotDeckState,
  type HotSlidesPatch,
} from './hot-slides.js'
import { forwardOverflows } from './overflow.js'
import { ownModules, unwrapOwnPreloads } from './preload.js'

/**
 * Options of `slidemark()`. Everything `compileInPool()` from
 * `@slidemark/core/pool` takes (Shiki themes, line numbers, the
 * compatibility switch, extra remark/rehype plugins, `slideTimeout`) passes
 * through unchanged; `filename` is the deck's path and set by the plugin.
 */
export interface Options extends Omit<PoolCompileOptions, 'filename' | 'cache'> {
  /**
   * Files compiled as decks, matched on the path without `?query`.
   * Default: `/\.slides\.md$/`. Change it to compile other Markdown files too.
   */
  include?: FilterPattern
  /** Files never compiled as decks, even when `include` matches. Default: none. */
  exclude?: FilterPattern
  /**
   * Where compiled slides persist between runs (builds, dev-server restarts),
   * as JSON files that are safe to delete. Default: `<Vite cacheDir>/slidemark`
   * (`node_modules/.vite/slidemark`). `false` keeps the cache in memory only.
   */
  cacheDir?: string | false
  /**
   * Use this per-slide cache instead of the disk cache (for tests, or to
   * share one cache between tools); `false` compiles every slide every time.
   * Default: the disk cache above.
   */
  cache?: SlideCache | false
  /**
   * The folder a deck may read files from: an image or media file outside it
   * (also through a symbolic link) is an error, and so is any asset URL with
   * a query (`?raw`, `?url`…). Default: Vite's `root`. Relative to it.
   */
  root?: string
  /**
   * Report each warning through Vite (`this.warn` with its `loc`), once per
   * file, line, column and text. Default: `true`. A tool that prints the
   * messages itself from `plugin.api` (the CLI) turns this off.
   */
  warn?: boolean
  /**
   * A built deck whose slides' HTML is longer than this many characters
   * (about 100 slides with code) loads its slides in chunks around the
   * current one: its module holds only each slide's metadata, and reading
   * the HTML of a slide whose chunk has not arrived throws (`await
   * loadSlides()` first). Default: 512 000. `false`: every slide in the
   * deck's module. The dev server and SSR put every slide in the module (the
   * dev server serves a big deck's first slides first on a cold start).
   */
  lazy?: number | false
  /**
   * Mermaid diagrams drawn ahead of time (the `slidemark` command draws them
   * in Chromium at build time). Default: none, every ```` ```mermaid ```` block
   * is drawn in the browser by the runtime's Mermaid chunk.
   */
  diagrams?: DiagramOptions
  /**
   * The deck `file` (a normalized absolute path) as a tool running Vite
   * compiled it already, or is compiling it, from this `source` (what
   * `compileInPool()` returns, without the messages of reading the file):
   * the plugin waits for it instead of compiling the deck again.
   * `undefined`: the plugin compiles it. Default: none. The `slidemark`
   * command starts Vite's build while its own compile runs.
   */
  compiled?: (file: string, source: string) => Promise<Deck> | undefined
}

/** See {@link Options.diagrams}. */
export interface DiagramOptions {
  /**
   * The drawing (SVG, or the reason Mermaid could not draw it) of the
   * diagram at `place` in deck `file` (a normalized absolute path), or
   * `undefined` to leave it to the browser.
   */
  drawn?: (file: string, place: DiagramPlace) => DrawnDiagram | undefined
  /**
   * Whether a deck with diagrams left to the browser imports the runtime's
   * Mermaid chunk. Default: `true`. `false` leaves loading Mermaid to the
   * page (the command injects it while it draws the diagrams).
   */
  browser?: boolean
}

/** `cache`, noting in `rendered.any` when a compile renders a slide (it stores each one it renders). */
function noticingRenders(cache: SlideCache, rendered: { any: boolean }): SlideCache {
  return {
    get: (key) => cache.get(key),
    set: (key, value) => {
      rendered.any = true
      cache.set(key, value)
    },
    flush: () => cache.flush?.(),
  }
}

/** Where an edit goes: patches to the page, or the module's update when a patch cannot carry it. */
interface EditTarget {
  send: (patch: HotSlidesPatch) => void
  reload: () => void
}

/** What `transform` and `load` report a compiled deck through (`this.warn`, `this.error`). */
interface HookContext {
  warn: (warning: PlacedWarning) => void
  error: (error: ReturnType<typeof deckMessageError>) => never
}

/** The warning Vite and Rolldown print: the message text, its place, and a code frame. */
interface PlacedWarning {
  message: string
  loc: { file: string; line: number; column: number }
  frame: string
}

/** `slidemark()`'s plugin: a Vite plugin with a typed {@link SlidemarkApi} as `api`. */
export type SlidemarkPlugin = Plugin<SlidemarkApi> & { api: SlidemarkApi }

/** Queries under which a `.slides.md` id means something else (`?raw` is the text). */
const FOREIGN_QUERY = /(?:^|&)(?:raw|url|inline|worker|sharedworker)(?:=|&|$)/

/**
 * Cheap pre-filter Vite applies before calling `transform` when `include` is
 * the default; a custom `include` (say, a deck named `talk.markdown`) sees
 * every id and decides alone.
 */
const MARKDOWN_ID = /\.md(?:$|\?)/

/** KaTeX's stylesheet, which the plugin loads itself (see extras.ts). */
const KATEX_CSS_ID = /katex\.min\.css(?:\?|$)/

/**
 * The Slidemark Vite plugin: `import slides, { meta, title, onUpdate } from
 * './talk.slides.md'` in any Vite app.
 */
export function slidemark(options: Options = {}): SlidemarkPlugin {
  const {
    include = /\.slides\.md$/,
    exclude,
    cacheDir,
    cache: userCache,
    root: assetRoot,
    slideTimeout,
    warn: reportWarnings = true,
    lazy: lazyThreshold = LAZY_THRESHOLD,
    diagrams = {},
    compiled: compiledElsewhere,
    ...compileOptions
  } = options
  const isDeck = createFilter(include, exclude)

  let root = process.cwd()
  /** Where deck assets may come from (see `Options.root`). */
  let allowedRoot = root
  let cache: SlideCache | false = false
  /** Warnings already printed (`file:line:column: reason [ruleId]`), so each shows once. */
  const printedWarnings = new Set<string>()
  /** Missing asset file → deck files that need it, to rebuild a deck when the file appears. */
  const awaitedAssets = new Map<string, Set<string>>()
  /** Dev server: the deck each file last compiled to, to send the next edit as changed slides. */
  const hotDecks = new Map<string, HotDeckState>()
  /** The edit being turned into a patch, per deck, so edits apply in order. */
  const patchQueue = new Map<string, Promise<unknown>>()
  let serving = false
  /** Vite's logger, for what a page reports with no plugin context to warn through (overflow.ts). */
  let logger: Logger | undefined
  /** Dev server: the whole compile of a big deck served with its first slides, for its rest module. */
  const wholeDecks = new Map<string, { source: string; start: () => Promise<Deck> }>()
  /** Built decks split into chunks: what each chunk module is made from, by normalized path. */
  const chunkedDecks = new Map<
    string,
    { deck: Deck; assets: readonly DeckAsset[]; starts: number[] }
  >()
  /** What reading each deck last found (an `invalid-utf8` warning), by normalized path. */
  const readMessages = new Map<string, DeckMessage[]>()

  /**
   * A deck's text, read as the CLI reads it (`decodeDeck`): a file that is
   * not UTF-8 loads, with a warning at its first bad byte, instead of failing.
   */
  async function readDeck(file: string): Promise<string> {
    const { text, messages } = decodeDeck(await fs.promises.readFile(file), file)
    readMessages.set(normalizePath(file), messages)
    return text
  }

  /** The deck with the messages of reading its file first. */
  function withReadMessages(deck: Deck, file: string): Deck {
    const read = readMessages.get(normalizePath(file)) ?? []
    return read.length === 0 ? deck : { ...deck, messages: [...read, ...deck.messages] }
  }
  const api = createApi()
  /**
   * Dev server: a deck compiled for an edit that could not be sent as a
   * patch, by file: the module update that follows uses it instead of
   * compiling the same text again.
   */
  const compiledEdits = new Map<string, { source: string; deck: Deck }>()

  function printWarnings(
    deck: Deck,
    file: string,
    source: string,
    warn: (warning: PlacedWarning) => void,
  ) {
    if (!reportWarnings) return
    for (const message of deck.messages) {
      if (message.severity !== 'warning') continue
      const text = formatMessage(message, { file, root })
      if (printedWarnings.has(text)) continue
      printedWarnings.add(text)
      const { line, column } = message
      warn({ message: text, loc: { file, line, column }, frame: codeFrame(source, line, column) })
    }
  }

  /** The deck with the diagrams drawn ahead of time (`Options.diagrams`) in place. */
  function withDrawnDiagrams(deck: Deck, file: string): Deck {
    const { drawn } = diagrams
    if (!drawn) return deck
    const id = normalizePath(file)
    const slides = deck.slides.map((slide) => {
      const content = replaceDiagrams(slide.content, (place) => drawn(id, place))
      return content === slide.content ? slide : { ...slide, content }
    })
    return { ...deck, slides }
  }

  /** Versions of the decks' modules, unique across decks and re-runs. */
  let lastVersion = 0
  /** `source`: the text of a whole deck (not a big deck's first slides), for the next edit's quick path. */
  function nextHotVersion(file: string, deck: Deck, source?: string) {
    const id = normalizePath(file)
    const version = ++lastVersion
    hotDecks.set(id, source === undefined ? { deck, version } : { deck, version, source })
    return { id, version }
  }

  /**
   * Sends an edit as the slides it changed, when the page's current deck
   * module can take it in place (see hot-slides.ts): resolves `true` once
   * the first patch is sent (the whole compile may still be checking it,
   * see `diffEdit`); `false` sends the edit the usual way (the module
   * re-runs, or Vite shows the error overlay).
   */
  function slideEdit(
    id: string,
    read: () => string | Promise<string>,
    warn: (warning: PlacedWarning) => void,
    page: EditTarget,
  ): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      // One edit at a time per deck: each patch must start from the version the last one made.
      const done = (patchQueue.get(id) ?? Promise.resolve()).then(() =>
        diffEdit(id, read, warn, page, () => resolve(true)),
      )
      done.then(resolve, reject)
      patchQueue.set(
        id,
        done.catch(() => undefined),
      )
    })
  }

  /**
   * Never throws: every problem (a failing user plugin, a slide over its time)
   * is a message. Slides render in worker threads, so Vite's thread stays free.
   */
  function compileDeck(source: string, filename: string, slides = cache): Promise<Deck> {
    const timeout = slideTimeout === undefined ? {} : { slideTimeout }
    return compileInPool(source, { ...compileOptions, filename, cache: slides, ...timeout })
  }

  /**
   * `source` compiled: the deck an unpatchable edit compiled already, the
   * tool's own compile (`Options.compiled`), or a new compile.
   */
  function compiledSource(source: string, file: string): Promise<Deck> {
    const id = normalizePath(file)
    const edit = compiledEdits.get(id)
    compiledEdits.delete(id)
    if (edit?.source === source) return Promise.resolve(edit.deck)
    return compiledElsewhere?.(id, source) ?? compileDeck(source, file)
  }

  /**
   * Reports a compiled deck (warnings once, `api`), fails on its errors and
   * on assets it may not use or that are missing, and returns the assets it imports.
   */
  function checkDeck(context: HookContext, deck: Deck, file: string, source: string) {
    printWarnings(deck, file, source, context.warn)
    const errors = deck.messages.filter((message) => message.severity === 'error')
    const assets = resolveDeckAssets(deck.slides, file, allowedRoot)
    const assetProblems = assetMessages(assets.missing, assets.refused, file, root)
    api.report(compiledDeck(normalizePath(file), deck, assetProblems))
    if (errors.length > 0) context.error(deckMessageError(errors, file, source, root))
    if (assets.refused.length > 0) {
      context.error(refusedAssetError(assets.refused, file, source, root))
    }
    for (const { file: assetFile } of assets.missing) {
      const key = normalizePath(assetFile)
      awaitedAssets.set(key, (awaitedAssets.get(key) ?? new Set()).add(file))
    }
    if (assets.missing.length > 0) {
      context.error(missingAssetError(assets.missing, file, source, root))
    }
    return assets.found
  }

  /**
   * Dev server, big deck, cold: the first slides compiled alone, so the page
   * is served before the rest is done (see first-slides.ts). `undefined`:
   * compile the deck whole (small, another format, a warm cache that
   * compiles it in a moment, or first slides that fail, which the whole
   * compile then reports).
   */
  async function firstSlides(
    source: string,
    file: string,
  ): Promise<{ deck: Deck; outline: DeckOutline } | undefined> {
    const id = normalizePath(file)
    if (compiledEdits.get(id)?.source === source) return undefined
    const outline = outlineDeck(source, compileOptions.compat === false ? { compat: false } : {})
    if (!outline) return undefined
    const rendered = { any: false }
    const first = withReadMessages(
      await compileDeck(outline.prefix, file, cache && noticingRenders(cache, rendered)),
      file,
    )
    const whole = laterWholeDeck(source, file)
    const compileWhole = async () => {
      compiledEdits.set(id, { source, deck: await whole.start() })
      return undefined
    }
    const failed = first.messages.some((message) => message.severity === 'error')
    if (failed || first.slides.length !== outline.first) return compileWhole()
    // First slides that all came from the cache: the whole deck likely will too, worth a short wait.
    if (cache && !rendered.any) {
      const waited = await Promise.race([
        whole.start(),
        new Promise<undefined>((resolve) =>
          setTimeout(() => resolve(undefined), WHOLE_DECK_WAIT_MS),
        ),
      ])
      if (waited) return compileWhole()
    }
    return { deck: first, outline }
  }

  /**
   * The whole compile of a deck served with its first slides, kept for its
   * rest module. It starts when the page asks for that module (after its
   * first frame) or `WHOLE_DECK_DELAY_MS` from now, whichever is first: the
   * page's first slides do not share the cores with it.
   */
  function laterWholeDeck(source: string, file: string) {
    let deck: Promise<Deck> | undefined
    const start = () => {
      deck ??= compileDeck(source, file)
      return deck
    }
    setTimeout(start, WHOLE_DECK_DELAY_MS).unref()
    const later = { source, start }
    wholeDecks.set(normalizePath(file), later)
    return later
  }

  /** Dev server: the module with the whole deck, for a page served with its first slides. */
  async function loadRest(context: HookContext, file: string) {
    const id = normalizePath(file)
    const source = await readDeck(file)
    const pending = wholeDecks.get(id)
    const compiled =
      pending?.source === source ? await pending.start() : await compileDeck(source, file)
    const deck = withReadMessages(compiled, file)
    const found = checkDeck(context, deck, file, source)
    const version = ++lastVersion
    hotDecks.set(id, { deck, version, source })
    const code = generateRestModule(withDrawnDiagrams(deck, file), found, version, {
      mermaid: diagrams.browser ?? true,
    })
    return { code, map: { mappings: '' }, moduleType: 'js' as const }
  }

  /** The module of chunk `chunk` of a built deck split by `transform`. */
  function loadChunk(file: string, chunk: number, fail: (message: string) => never) {
    const split = chunkedDecks.get(normalizePath(file))
    const range = split && chunkRange(split.starts, chunk, split.deck.slides.length)
    if (!split || !range) {
      return fail(
        `slidemark: ${file} has no slide chunk ${chunk} (the deck was not split in this build)`,
      )
    }
    const code = generateChunkModule(split.deck, split.assets, range[0], range[1])
    return { code, map: { mappings: '' }, moduleType: 'js' as const }
  }

  /**
   * An edit, sent to the page: first the quick guess of a one-slide edit
   * (`quickEdit`; `sent()` is called once it is on its way), then what the
   * whole deck's compile changes beyond it. Returns whether the edit went
   * as patches; when the whole compile needs the module to re-run (errors,
   * front matter…), that is `false` without a guess sent, else the module is
   * reloaded here (the hook has returned already).
   */
  async function diffEdit(
    id: string,
    read: () => string | Promise<string>,
    warn: (warning: PlacedWarning) => void,
    page: EditTarget,
    sent: () => void,
  ): Promise<boolean> {
    const previous = hotDecks.get(id)
    if (!previous) return false
    let source = await readDeck(id)
    // An editor may empty the file before writing it: Vite's read waits until it is written.
    if (source === '') {
      await read()
      source = await readDeck(id)
    }
    const guessed = await quickEdit(id, previous, source)
    if (guessed) {
      page.send(guessed.patch)
      sent()
    }
    const current = hotDecks.get(id) ?? previous
    const compiled = await compileDeck(source, id)
    const deck = withReadMessages(compiled, id)
    const slides = diffDecks(current.deck, deck)
    if (!slides) {
      // The module update compiles this text next: it takes this deck (and reports it) instead.
      compiledEdits.set(id, { source, deck: compiled })
      if (guessed) page.reload()
      return Boolean(guessed)
    }
    api.report(compiledDeck(id, deck))
    printWarnings(deck, id, source, warn)
    if (guessed && slides.length === 0 && deck.slides.length === current.deck.slides.length) {
      hotDecks.set(id, { deck, version: current.version, source })
      return true
    }
    const version = ++lastVersion
    hotDecks.set(id, { deck, version, source })
    page.send({ id, from: current.version, to: version, length: deck.slides.length, slides })
    return true
  }

  /**
   * The patch of a one-slide edit, compiled alone (see hot-edit.ts), and
   * the deck it makes the page's current one; `undefined` when the edit is
   * not one slide's or the guess is not to be trusted.
   */
  async function quickEdit(id: string, previous: HotDeckState, source: string) {
    if (previous.source === undefined || (readMessages.get(id)?.length ?? 0) > 0) return undefined
    const edit = findSlideEdit({ source: previous.source, deck: previous.deck }, source)
    if (!edit) return undefined
    const deck = applySlideEdit(previous.deck, edit, await compileDeck(edit.text, id))
    const slides = deck && diffDecks(previous.deck, deck)
    if (!deck || !slides) return undefined
    const version = ++lastVersion
    hotDecks.set(id, { deck, version })
    const patch: HotSlidesPatch = {
      id,
      from: previous.version,
      to: version,
      length: deck.slides.length,
      slides,
    }
    return { patch }
  }

  let own: ((moduleId: string) => boolean) | undefined

  return {
    name: 'slidemark',
    api,

    /**
     * No modulepreload polyfill unless the app asks for one: it only makes
     * browsers without `<link rel="modulepreload">` (Safari before 17) fetch
     * such links early, which a deck page does not have (its later chunks are
     * dynamic imports), and it cost 0.2 KB gzip of every deck's start-up JS.
     */
    config(user) {
      if (user.build?.modulePreload !== undefined) return undefined
      return { build: { modulePreload: { polyfill: false } } }
    },

    /**
     * The runtime's lazy chunks and a deck's slide chunks are loaded with a
     * plain `import()`, without Vite's preload helper (see preload.ts). Not
     * with source maps, which this rewrite does not carry.
     */
    renderChunk(code, chunk, output, meta) {
      if (output.sourcemap) return null
      own ??= ownModules()
      const unwrapped = unwrapOwnPreloads(code, chunk, meta.chunks, own, (text) => this.parse(text))
      return unwrapped === undefined ? null : { code: unwrapped, map: null }
    },

    /**
     * A dev page reports a slide that does not fit (overflow.ts) or a diagram
     * Mermaid cannot draw (diagram-problems.ts): a warning at its line.
     */
    configureServer(server) {
      const context = { decks: hotDecks, root: () => root, logger: () => logger }
      forwardOverflows(server, context)
      forwardDiagramProblems(server, context)
    },

    configResolved(config: ResolvedConfig) {
      root = config.root
      allowedRoot = path.resolve(root, assetRoot ?? '.')
      serving = config.command === 'serve'
      logger = config.logger
      const directory = cacheDir === undefined ? path.join(config.cacheDir, 'slidemark') : cacheDir
      cache =
        userCache ??
        (directory === false
          ? createMemoryCache()
          : createDiskCache(path.resolve(root, directory), cacheNamespace(compileOptions)))
    },

    /**
     * KaTeX's stylesheet, for decks with math, without its woff and ttf
     * fonts; and decks, through `decodeDeck` (Vite's loader fails on a file
     * that is not UTF-8).
     */
    load: {
      ...(options.include === undefined ? { filter: { id: [KATEX_CSS_ID, MARKDOWN_ID] } } : {}),
      async handler(id) {
        const [file = id, query = ''] = id.split('?', 2)
        if (KATEX_CSS_ID.test(id)) return loadKatexCss(id)
        if (!isDeck(file) || FOREIGN_QUERY.test(query)) return null
        const chunk = CHUNK_ID.exec(query)
        if (chunk) return loadChunk(file, Number(chunk[1]), (message) => this.error(message))
        if (REST_ID.test(query)) {
          const context = { warn: (w: PlacedWarning) => this.warn(w), error: this.error.bind(this) }
          return loadRest(context as HookContext, file)
        }
        try {
          return await readDeck(file)
        } catch {
          return null // not a file on disk (a virtual module): Vite or another plugin loads it
        }
      },
    },

    transform: {
      ...(options.include === undefined ? { filter: { id: MARKDOWN_ID } } : {}),
      async handler(source, id) {
        const [file = id, query = ''] = id.split('?', 2)
        if (!isDeck(file) || FOREIGN_QUERY.test(query) || CHUNK_ID.test(query)) return null
        if (REST_ID.test(query)) return null

        const browser = serving && this.environment.name === 'client'
        // A deck that fails here is on screen as an overlay: its next edit must be a module update.
        if (browser) hotDecks.delete(normalizePath(file))
        const first = browser ? await firstSlides(source, file) : undefined
        const deck = first?.deck ?? withReadMessages(await compiledSource(source, file), file)
        const context = { warn: (w: PlacedWarning) => this.warn(w), error: this.error.bind(this) }
        const found = checkDeck(context as HookContext, deck, file, source)
        // Generated code has no line-for-line relation to the Markdown: an empty map says so.
        const hot =
          serving && this.environment.name === 'client'
            ? nextHotVersion(file, deck, first ? undefined : source)
            : undefined
        const shown = withDrawnDiagrams(deck, file)
        const starts =
          !serving && this.environment.name === 'client' && lazyThreshold !== false
            ? planChunks(shown.slides, { threshold: lazyThreshold })
            : undefined
        const key = normalizePath(file)
        if (starts) chunkedDecks.set(key, { deck: shown, assets: found, starts })
        else chunkedDecks.delete(key)
        const base = `./${path.basename(file)}?${CHUNK_QUERY}=`
        const lazy = starts && {
          starts,
          specifier: (n: number) => base + n,
          file: path.basename(file),
        }
        const partial = first &&
          hot && {
            sources: first.outline.sources,
            specifier: `./${path.basename(file)}?${REST_QUERY}=${hot.version}`,
            file: path.basename(file),
          }
        const code = generateModule(shown, found, hot, lazy, {
          mermaid: diagrams.browser ?? true,
          ...(partial ? { partial } : {}),
        })
        return { code, map: { mappings: '' }, moduleType: 'js' }
      },
    },

    /**
     * A built page whose deck loads in chunks fetches the chunk of the slide
     * its URL opens on along with its entry script (see deep-link.ts).
     */
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, chunk }) {
        if (!bundle || !chunk || chunkedDecks.size === 0) return undefined
        const decks = [...chunkedDecks].map(([file, { starts }]) => ({ file, starts }))
        return withChunkPreload(html, chunk, bundle as Bundle, decks)
      },
    },

    /**
     * Edits to a deck that compiled once need no help: the module accepts its
     * own updates. Three cases do:
     * - a deck whose image is deleted compiles again, to report it missing;
     * - a deck that failed on a missing image compiles again once that file
     *   is created;
     * - a deck that has never compiled has no HMR boundary yet (the page that
     *   imports it failed to load), so the page reloads: nothing on screen to keep.
     */
    async hotUpdate({ type, file, modules: all, read }) {
      const graph = this.environment.moduleGraph
      // A page served with its first slides also loaded the whole deck as `?slidemark-rest`.
      const isRest = (module: EnvironmentModuleNode) => REST_ID.test(module.id?.split('?')[1] ?? '')
      const rests = all.filter(isRest)
      const modules = all.filter((module) => !isRest(module))
      for (const module of rests) graph.invalidateModule(module)
      if (type === 'update' && this.environment.name === 'client' && modules.length === 1) {
        const environment = this.environment
        const page: EditTarget = {
          send: (patch) => {
            // The module is not re-run; a later load (a reload, a new tab) compiles it afresh.
            for (const module of modules) graph.invalidateModule(module)
            environment.hot.send({ type: 'custom', event: HOT_SLIDES_EVENT, data: patch })
          },
          reload: () => {
            for (const module of modules) void environment.reloadModule(module)
          },
        }
        const warn = (warning: PlacedWarning) => this.warn(warning)
        if (await slideEdit(normalizePath(file), read, warn, page)) return []
      }
      const isDeckModule = (module: EnvironmentModuleNode) =>
        module.file !== null && isDeck(module.file)
      const decks =
        type === 'create'
          ? [...(awaitedAssets.get(normalizePath(file)) ?? [])].flatMap((deck) => [
              ...(graph.getModulesByFile(deck) ?? []),
            ])
          : type === 'delete'
            ? modules.flatMap((module) => [...module.importers]).filter(isDeckModule)
            : modules.filter(isDeckModule)
      if (decks.length === 0) return
      const neverCompiled = decks.some((module) => module.isSelfAccepting === undefined)
      if (neverCompiled && this.environment.name === 'client') {
        this.environment.hot.send({ type: 'full-reload', path: '*' })
        return []
      }
      if (type === 'update') return rests.length > 0 ? modules : undefined
      return [...modules, ...decks]
    },
  }
}

export default slidemark
export type { DeckMessage, DeckMeta, DiagramPlace, DrawnDiagram, Slide } from '@slidemark/core'
export type { CompiledDeck, SlidemarkApi } from './api.js'
export {
  CONFIG_FILES,
  defineConfig,
  type LoadConfigOptions,
  type LoadedConfig,
  loadSlidemarkConfig,
  type SlidemarkConfig,
  SlidemarkConfigError,
} from './config.js'
export type { DiskCache, DiskCacheOptions } from './disk-cache.js'
/** The disk cache the plugin uses by default, for tools (the CLI) that compile the same deck first. */
export { cacheNamespace, createDiskCache } from './disk-cache.js'
/** Where a big deck's first slides end, for tools (the CLI's dev server) that compile them first. */
export { type DeckOutline, FIRST_SLIDES, outlineDeck } from './first-slides.js'
/** A deck's modules for an app built ahead of time, without Vite (the CLI's build with a bundled theme). */
export { type StaticDeckModules, staticDeckModules } from './generate-module.js'
