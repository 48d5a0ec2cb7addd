/**
 * The fields of a slide the runtime and the themes read. `@slidemark/core`'s
 * `Slide` fits this shape, so a compiled deck can be passed straight in, but
 * the runtime does not depend on core.
 */
export interface PresentableSlide {
  /** 0-based position in the deck. */
  index: number
  /** Plain-text title, used for labels and the overview. */
  title: string
  /** HTML of the heading (`<h1>…</h1>`), `''` on a title slide. */
  header: string
  /** HTML of the body; build steps are `.slidemark-step[data-step=N]` elements. */
  content: string
  /** `'title'`, `'segue'` or `'content'`. */
  kind: string
  /** Number of build steps, at least 1. */
  steps: number
  /** Presenter notes as HTML, `''` when none. */
  notes: string
  /** Extra classes for the slide element (from `.fx:` lines). */
  classes: readonly string[]
  /**
   * What is drawn around the content on every slide that has it (Marp's
   * `header`, `footer` and `paginate`): header and footer as HTML, and
   * whether to show the slide number.
   */
  running?: { header?: string; footer?: string; pageNumber?: boolean }
  /** Left out of the slide numbers (remark's `count: false`). */
  uncounted?: boolean
}

/** Deck metadata (front matter). Only `title` and `lang` are read here. */
export interface PresentationMeta {
  title?: string
  lang?: string
  [key: string]: unknown
}

/** Where the talk is: 0-based slide and 0-based build step. */
export interface Position {
  slide: number
  step: number
}
