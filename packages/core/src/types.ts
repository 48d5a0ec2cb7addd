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
}

export type SlideKind = 'title' | 'segue' | 'content'

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
  slides: Slide[]
  messages: DeckMessage[]
}
