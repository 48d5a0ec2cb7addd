/**
 * What the plugin shares with tools that compile a deck before they start
 * Vite (the CLI), without loading Vite: the disk cache, where a big
 * deck's first slides end, and a deck's modules for a prebuilt app. The
 * main entry exports the same.
 */
export {
  cacheNamespace,
  createDiskCache,
  type DiskCache,
  type DiskCacheOptions,
} from './disk-cache.js'
export { type DeckOutline, FIRST_SLIDES, outlineDeck } from './first-slides.js'
export { type StaticDeckModules, staticDeckModules } from './generate-module.js'
