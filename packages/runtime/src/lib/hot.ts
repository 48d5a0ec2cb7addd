import type { PresentationMeta } from './types.js'

/**
 * The key of the hidden handle a deck module puts on its slides array in the
 * dev server (`@slidemark/vite-plugin` does): a non-enumerable property whose
 * `onUpdate(listener)` calls `listener(slides, meta)` after every successful
 * edit and returns an unsubscribe function. A controller created from such an
 * array follows hot updates with no wiring; when nothing subscribes, the deck
 * module reloads the page instead, so the screen is never stale.
 */
export const HOT_UPDATES = Symbol.for('slidemark.hot')

export type HotListener<S> = (slides: readonly S[], meta: PresentationMeta) => void

export interface HotHandle<S> {
  onUpdate(listener: HotListener<S>): () => void
}

/** The hot-update handle `slides` carries, if any. */
export function hotHandle<S>(slides: readonly S[]): HotHandle<S> | undefined {
  const handle = (slides as { [HOT_UPDATES]?: unknown })[HOT_UPDATES]
  if (typeof handle !== 'object' || handle === null) return undefined
  return typeof (handle as HotHandle<S>).onUpdate === 'function'
    ? (handle as HotHandle<S>)
    : undefined
}
