import type { PluggableList } from 'unified'

/** Where a slide sits in the deck file: 1-based, inclusive line numbers. */
export interface SourceRange {
  start: number
  end: number
}

/**
 * A relative image or media URL used by a slide (`![](./a.png)`,
 * `<img src>`, `<video src|poster>`, `<audio src>`, `<source src>`), with
 * the 1-based place of the element in the deck file. Absolute URLs,
 * protocol-relative URLs, `data:` and `#fragment` URLs are not listed.
 * Build tools (the Vite plugin, the CLI) use this to resolve and hash them.
 */
export interface AssetReference {
  url: string
  line: number
  column: number
  /**
   * `true` for a raw-HTML link (`<a href>`, `<link href>`, `<iframe src>`):
   * a build tool checks it (no `?query`, nothing outside the root) but does
   * not import it. Absent for images and media, which are imported.
   */
  link?: true
}

export type SlideKind = 'title' | 'segue' | 'content'

/**
 * The tool a deck was written for. `slidemark` is html5-slides-markdown's
 * syntax plus Slidemark's additions; the others are read by a compatibility
 * layer each (see "Formats" in the core README).
 */
export type DeckFormat = 'slidemark' | 'landslide' | 'remark' | 'reveal' | 'marp' | 'slidev'

/**
 * What a theme draws around a slide's content (Marp's `header`, `footer` and
 * `paginate` directives): HTML strings, and whether to show the slide number.
 */
export interface SlideRunning {
  /** HTML of the running header, e.g. `'Team <strong>sync</strong>'`. */
  header?: string
  /** HTML of the running footer. */
  footer?: string
  /** Show the slide number (Marp's `paginate: true`). */
  pageNumber?: boolean
}

export interface Slide {
  /** 0-based position in the deck. */
  index: number
  /** Plain text of the slide's heading; for a title slide, of its first paragraph. */
  title: string
  /** HTML of the heading that opens the slide (`<h1>…</h1>`), `''` on a title slide. */
  header: string
  /**
   * HTML of everything after the heading. Build steps after the first are
   * wrapped in `<div class="slidemark-step" data-step="N">` (N = 1 … steps-1).
   */
  content: string
  /** `'title'`: no heading; `'segue'`: a heading and nothing else; `'content'`: the rest. */
  kind: SlideKind
  /** Number of build steps; 1 when the slide has no `$$$$`. */
  steps: number
  /** Presenter notes as HTML, `''` when none. */
  notes: string
  /** Classes from `.fx:` lines, e.g. `['segue', 'dark']`. */
  classes: string[]
  /** The slide's line range in the deck file. */
  source: SourceRange
  /** Relative media URLs the slide's HTML uses, for build tools. */
  assets: AssetReference[]
  /** An anchor name for the slide (remark's `name:`), when the deck gives one. */
  id?: string
  /** Header, footer and slide number a theme draws (Marp's directives), when the deck sets any. */
  running?: SlideRunning
  /** Left out of the slide numbers (remark's `count: false`): it shows the number of the counted slide before it. */
  uncounted?: boolean
}

/** Deck metadata from YAML front matter; unknown keys pass through. */
export interface DeckMeta {
  title?: string
  author?: string
  date?: string
  lang?: string
  theme?: string
  [key: string]: unknown
}

export type MessageSeverity = 'error' | 'warning'

/** A problem found while compiling, always with its place in the file. */
export interface DeckMessage {
  reason: string
  /** The deck's filename (`options.filename`), or `undefined`. */
  file: string | undefined
  /** 1-based. */
  line: number
  /** 1-based. */
  column: number
  severity: MessageSeverity
  /** Stable id, documented under "Errors" in the core README, e.g. `unknown-language`. */
  ruleId: string
  source: 'slidemark'
}

export interface Deck {
  meta: DeckMeta
  /** The format the deck was read as, when it is not plain Slidemark (see `CompileOptions.format`). */
  format?: DeckFormat
  slides: Slide[]
  messages: DeckMessage[]
}

/**
 * Options for `compile()`. Every default lives in `resolveOptions()`
 * (src/lib/options.ts); this is where each option is explained.
 */
export interface CompileOptions {
  /** Name of the deck file, copied into every message's `file`. Default: `undefined`. */
  filename?: string
  /**
   * Shiki themes for code blocks, as light/dark CSS-variable pairs
   * (rehype-pretty-code's multi-theme output: `--shiki-light`, `--shiki-dark`).
   * Default: `{ light: 'github-light', dark: 'github-dark' }`.
   */
  themes?: { light: string; dark: string }
  /**
   * Number the lines of every code block: `<code data-line-numbers>` plus one
   * `<span data-line>` per line (rehype-pretty-code's convention), so a theme
   * can show them with a CSS counter. Blocks without a language are then
   * rendered as `plaintext` so they get numbered too. Default: `false`.
   */
  lineNumbers?: boolean
  /**
   * Render TeX math at build time with KaTeX: `$…$` inline, `$$…$$` (on
   * their own lines) as display math, and ```` ```math ```` blocks. `$$$$`
   * stays a build-step marker. A deck's front matter `math: true|false`
   * overrides this. The HTML needs KaTeX's stylesheet
   * (`katex/dist/katex.min.css`), which the Vite plugin adds to decks that
   * have math. Default: `false`.
   */
  math?: boolean
  /**
   * Read decks the way Python-Markdown (and so html5-slides-markdown) did:
   * `#Title` without a space is a heading, and an indented code block whose
   * first line is `!lang` is highlighted as `lang`. Set to `false` for plain
   * CommonMark. Default: `true`.
   */
  compat?: boolean
  /**
   * The deck's format: `'auto'` detects it (front matter `format:`, Marp's
   * `marp: true`, remark's property lines, Slidev's per-slide front matter,
   * reveal-md's `Note:` and `----`…), any other value forces it.
   * Default: `'auto'`.
   */
  format?: DeckFormat | 'auto'
  /** Extra remark plugins, run after Slidemark's own remark plugins. Default: `[]`. */
  remarkPlugins?: PluggableList
  /** Extra rehype plugins, run after highlighting. Default: `[]`. */
  rehypePlugins?: PluggableList
  /**
   * Where finished slides are kept between compiles. `undefined` uses one
   * in-memory cache shared by the process (but NOT when `remarkPlugins` or
   * `rehypePlugins` are given: their output may depend on anything, so those
   * compiles are only cached in a cache you pass explicitly). `false`
   * disables caching. Default: `undefined`.
   */
  cache?: SlideCache | false
}

/**
 * A rendered slide as the cache keeps it: plain JSON, with every line number
 * relative to the slide's first line (1 = that line), so it can be reused
 * when the slide moves in the deck, and written to disk as is.
 */
export interface CachedSlide {
  header: string
  /** Heading text, or the first paragraph's text when the slide has no heading. */
  title: string
  content: string
  notes: string
  classes: string[]
  steps: number
  /** Whether the slide opens with a heading (`header` is not `''`). */
  hasHeading: boolean
  /** Whether nothing but the heading (and notes/classes) is on the slide. */
  bodyIsEmpty: boolean
  assets: AssetReference[]
  messages: Array<Omit<DeckMessage, 'file'>>
}

/**
 * A synchronous key/value store for rendered slides (see `createMemoryCache`).
 * `compile()` checks what `get` returns (`isCachedSlide`): a value of the
 * wrong shape, or a `get` that throws, is a miss.
 */
export interface SlideCache {
  get(key: string): CachedSlide | undefined
  set(key: string, value: CachedSlide): void
  /**
   * Called at the end of every `compile()` that used this cache, so a
   * persistent cache can write what `set` collected in one go; with
   * `compileInPool()` also as each batch of slides comes back from the
   * threads, so the store is written while the rest render. Optional.
   */
  flush?(): void
}
