/**
 * What a slide renderer returns, and the slide shown when rendering fails.
 * Kept apart from render.ts so that the pool (on the main thread) does not
 * load the pipeline (unified, Shiki) it hands to worker threads.
 */
import type { CachedSlide } from '../types.js'
import type { PlacedMessage } from './messages.js'
import type { ResolvedOptions } from './options.js'
import type { SlideSource } from './split.js'

/** One slide rendered from its own text; `ok: false` results are never cached. */
export interface RenderedSlide {
  slide: CachedSlide
  ok: boolean
}

/**
 * Renders the slides the cache did not have, in the order given. Lines in
 * the results are relative to each slide (1 = its first line). `compile()`
 * renders in process; `compileInPool()` hands slides to worker threads,
 * and tells `onRendered` of each batch as it comes back (indices into
 * `slides`), so the caller can store those while the others render.
 */
export type SlideRenderer = (
  slides: SlideSource[],
  options: ResolvedOptions,
  onRendered?: (indices: readonly number[], results: readonly RenderedSlide[]) => void,
) => Promise<RenderedSlide[]>

/**
 * A slide that could not be rendered, shown as its escaped source in
 * `<pre class="slidemark-error">`, with the messages that say why. Never cached.
 */
export function sourceSlide(slide: SlideSource, messages: PlacedMessage[]): RenderedSlide {
  return {
    slide: {
      header: '',
      title: '',
      content: `<pre class="slidemark-error"><code>${escapeHtml(slide.text)}</code></pre>`,
      notes: '',
      classes: [],
      steps: 1,
      hasHeading: false,
      bodyIsEmpty: false,
      assets: [],
      messages,
    },
    ok: false,
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
