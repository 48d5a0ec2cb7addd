/**
 * What the plugin shares with tools that compile a deck before they start
 * Vite (the CLI), without loading Vite: the disk cache, and where a big
 * deck's first slides end. The main entry exports the same.
 */
export {
  cacheNamespace,
  createDiskCache,
  type DiskCache,
  type DiskCacheOptions,
} from './disk-cache.js'
export { type DeckOutline, FIRST_SLIDES, outlineDeck } from './first-slides.js'
