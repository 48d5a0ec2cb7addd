/**
 * Slides that arrive in chunks. A big deck built by `@slidemark/vite-plugin`
 * is an array whose slides start as metadata only (title, kind, steps,
 * classes…); the HTML of each slide comes with its chunk, which replaces the
 * slide in the same array. The array carries its loader as a hidden
 * {@link LAZY_SLIDES} property; a slide still waiting carries
 * {@link PENDING_SLIDE}. The runtime loads the chunks around the current
 * slide first, then the rest in the background, and draws a waiting slide
 * as "Loading…" (or the reason it failed), never as an empty slide.
 */

/** Key of the loader on a chunked slides array. */
export const LAZY_SLIDES = Symbol.for('slidemark.lazy')

/** Key of the state on a slide whose chunk has not arrived: `{ error }` once loading failed. */
export const PENDING_SLIDE = Symbol.for('slidemark.pending')

export interface LazySlides {
  /** Whether slide `index` is loaded. */
  isLoaded(index: number): boolean
  /** Load the chunks holding slides `from` (inclusive) to `to` (exclusive). */
  load(from: number, to: number): Promise<void>
  /** Load every chunk; resolves to the complete array. */
  loadAll(): Promise<unknown>
  /** `listener(from, to)` after each chunk arrives or fails. Returns an unsubscribe function. */
  onLoad(listener: (from: number, to: number) => void): () => void
}

/** The loader of a chunked slides array, or `undefined` for an ordinary array. */
export function lazySlides(slides: readonly object[]): LazySlides | undefined {
  const handle = (slides as { [LAZY_SLIDES]?: unknown })[LAZY_SLIDES]
  if (typeof handle !== 'object' || handle === null) return undefined
  const loader = handle as LazySlides
  return typeof loader.load === 'function' && typeof loader.onLoad === 'function'
    ? loader
    : undefined
}

/** Whether `slide` is waiting for its chunk: `false`, or `{ error }` (`error` set once loading failed). */
export function pendingSlide(slide: object): false | { error?: string | undefined } {
  const state = (slide as { [PENDING_SLIDE]?: unknown })[PENDING_SLIDE]
  return typeof state === 'object' && state !== null ? (state as { error?: string }) : false
}

/** Slides loaded on each side of the current one before any other. */
export const LOAD_AHEAD = 3

interface LoadOptions {
  /** Where the deck is. */
  position: () => number
  /** Subscribes to moves; returns an unsubscribe function. */
  onMove: (listener: () => void) => () => void
  /** Called after each chunk arrives or fails (draw the slides again). */
  onLoad: () => void
  /** Load everything at once (print layout, reading view) instead of after the first slide. */
  all?: boolean
  /** Where to wait for an idle moment before loading the rest. Default: none (a short timeout). */
  window?: Window | null
}

/**
 * Keep the chunks around the current slide loaded (the slides drawn and the
 * presenter's next one), then, once the browser is idle, the rest, so that
 * printing, the overview and a jump to the end find their slides. A chunk
 * that fails is reported once on the console and tried again on the next move.
 * Returns a function that stops following (chunks on their way still land in the array).
 */
export function loadAroundCurrent(lazy: LazySlides, options: LoadOptions): () => void {
  let stopped = false
  const reported = new Set<string>()
  const report = (error: unknown) => {
    const text = error instanceof Error ? error.message : String(error)
    if (stopped || reported.has(text)) return
    reported.add(text)
    console.error(`slidemark: a chunk of slides could not be loaded: ${text}`)
  }
  const around = () => {
    const slide = options.position()
    return lazy.load(slide - LOAD_AHEAD, slide + LOAD_AHEAD + 1).catch(report)
  }
  const stopMove = options.onMove(() => void around())
  const stopLoad = lazy.onLoad(() => {
    if (!stopped) options.onLoad()
  })
  const rest = () => {
    if (!stopped) lazy.loadAll().catch(report)
  }
  const win = options.window
  if (options.all) rest()
  else
    void around().then(() => {
      if (win && typeof win.requestIdleCallback === 'function') win.requestIdleCallback(rest)
      else setTimeout(rest, 100)
    })
  return () => {
    stopped = true
    stopMove()
    stopLoad()
  }
}
