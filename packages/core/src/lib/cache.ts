import type { CachedSlide, CompileOptions, SlideCache } from '../types.js'
import { hashString } from './hash.js'
import { resolveOptions } from './options.js'
import { VERSION } from './version.js'

/** Default size of `createMemoryCache()`: enough for a few large decks. */
export const defaultMaxEntries = 5000

/**
 * An in-memory `SlideCache` that forgets the least recently used slide once
 * it holds `maxEntries` slides.
 */
export function createMemoryCache(maxEntries = defaultMaxEntries): SlideCache {
  const entries = new Map<string, CachedSlide>()
  return {
    get(key) {
      const value = entries.get(key)
      if (value !== undefined) {
        entries.delete(key)
        entries.set(key, value)
      }
      return value
    },
    set(key, value) {
      entries.delete(key)
      entries.set(key, value)
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value
        if (oldest !== undefined) entries.delete(oldest)
      }
    },
  }
}

/** The cache `compile()` uses when `options.cache` is not given. */
export const defaultCache: SlideCache = createMemoryCache()

const noCache: SlideCache = { get: () => undefined, set: () => undefined }

/**
 * What a cached slide holds, bumped when it changes within one version
 * (2: `assets` lists raw-HTML links and `file:` URLs too; 3: ```` ```mermaid ````
 * blocks are diagrams; 4: Slidev and reveal.js code steps count in document order).
 */
const ENTRY_FORMAT = 4

/**
 * A string that changes whenever an option that affects a slide's HTML
 * changes (defaults filled in, so `{}` and the explicit defaults agree):
 * themes, line numbers, compatibility, the user's plugins (their source text
 * and JSON options: a plugin whose output depends on anything else needs
 * `cache: false`), and the version of `@slidemark/core`.
 */
export function optionsFingerprint(compileOptions: CompileOptions = {}): string {
  const options = resolveOptions(compileOptions, noCache)
  return hashString(
    JSON.stringify([
      VERSION,
      ENTRY_FORMAT,
      options.themes.light,
      options.themes.dark,
      options.lineNumbers,
      options.math,
      options.compat,
      options.format,
      pluginIdentity(options.remarkPlugins),
      pluginIdentity(options.rehypePlugins),
    ]),
  )
}

/** Cache key of one slide: its own text (not its place in the deck) plus the options fingerprint. */
export function slideCacheKey(
  slideText: string,
  fingerprint: string,
  /** `hashString(slideText)`, when the caller remembers it. */
  textHash = hashString(slideText),
): string {
  return `${fingerprint}:${textHash}:${slideText.length}`
}

function pluginIdentity(list: readonly unknown[]): unknown {
  return list.map((entry) => {
    if (typeof entry === 'function') return String(entry)
    if (Array.isArray(entry)) return pluginIdentity(entry)
    if (entry && typeof entry === 'object') {
      try {
        return JSON.stringify(entry, (_key, value) =>
          typeof value === 'function' ? String(value) : value,
        )
      } catch {
        return String(entry)
      }
    }
    return String(entry)
  })
}

/**
 * Whether `value` has the shape of a `CachedSlide`. `compile()` checks every
 * entry a cache returns, so a cache file of the wrong shape (hand-edited,
 * written by another version, truncated by a crash) is a miss, never an error.
 */
export function isCachedSlide(value: unknown): value is CachedSlide {
  if (!isRecord(value)) return false
  const strings = ['header', 'title', 'content', 'notes'] as const
  return (
    strings.every((name) => typeof value[name] === 'string') &&
    Number.isInteger(value.steps) &&
    (value.steps as number) >= 1 &&
    typeof value.hasHeading === 'boolean' &&
    typeof value.bodyIsEmpty === 'boolean' &&
    Array.isArray(value.classes) &&
    value.classes.every((name) => typeof name === 'string') &&
    Array.isArray(value.assets) &&
    value.assets.every(isAsset) &&
    Array.isArray(value.messages) &&
    value.messages.every(isMessage)
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isPlace(value: Record<string, unknown>): boolean {
  return Number.isInteger(value.line) && Number.isInteger(value.column)
}

function isAsset(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.url === 'string' &&
    isPlace(value) &&
    (value.link === undefined || value.link === true)
  )
}

function isMessage(value: unknown): boolean {
  return (
    isRecord(value) &&
    isPlace(value) &&
    typeof value.reason === 'string' &&
    typeof value.ruleId === 'string' &&
    (value.severity === 'error' || value.severity === 'warning') &&
    value.source === 'slidemark'
  )
}
