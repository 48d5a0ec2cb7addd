import { detectFormat, splitSlides } from '@slidemark/core'

/**
 * Dev server, big decks: the slides compiled before the page is served. The
 * page shows them while the rest compile (in the worker pool), then takes
 * the whole deck in one update (see `REST_CODE` in generate-module.ts).
 */
export const FIRST_SLIDES = 1

/** Decks with fewer slides than this compile whole before the page is served. */
export const PARTIAL_MIN_SLIDES = 60

/**
 * How long a whole compile may take before the dev server serves the first
 * slides alone, when they all came from the cache (a warm cache is faster).
 */
export const WHOLE_DECK_WAIT_MS = 250

/**
 * A deck served with its first slides compiles whole when the page asks for
 * the rest (after its first frame), or this long after, whichever is first.
 */
export const WHOLE_DECK_DELAY_MS = 1000

/** The query of the module that brings the whole deck to a page served with its first slides: `?slidemark-rest=VERSION`. */
export const REST_ID = /(?:^|&)slidemark-rest=(\d+)(?:&|$)/
export const REST_QUERY = 'slidemark-rest'

/** What the dev server serves first of a big deck. */
export interface DeckOutline {
  /** The deck's text up to its slide `FIRST_SLIDES + 1` (front matter included), which compiles to the first slides. */
  prefix: string
  /** How many slides the first slides are. */
  first: number
  /** Line range of every slide, for the placeholders of those still compiling. */
  sources: Array<{ start: number; end: number }>
}

/**
 * Where the first `first` slides (default {@link FIRST_SLIDES}) of a big plain-Slidemark deck end, by core's own
 * splitter, or `undefined` when the deck compiles whole first: it is small,
 * its front matter is not closed, or it looks like another tool's deck
 * (whose split and options depend on the whole file).
 */
export function outlineDeck(
  source: string,
  options: { compat?: boolean; first?: number } = {},
): DeckOutline | undefined {
  const count = options.first ?? FIRST_SLIDES
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
  const bodyStart = frontMatterEnd(lines)
  if (bodyStart === undefined) return undefined
  const frontMatter = lines.slice(0, bodyStart).join('\n')
  if (/^\s*marp\s*:/m.test(frontMatter)) return undefined
  if (detectFormat({}, lines, bodyStart) !== 'slidemark') return undefined
  const slides = splitSlides(lines, { from: bodyStart, compat: options.compat !== false })
  const next = slides[count]
  if (slides.length < PARTIAL_MIN_SLIDES || !next) return undefined
  return {
    prefix: lines.slice(0, next.start - 1).join('\n'),
    first: count,
    sources: slides.map(({ start, end }) => ({ start, end })),
  }
}

/** 0-based index of the first line after the front matter (0 without one), `undefined` when it is not closed. */
export function frontMatterEnd(lines: readonly string[]): number | undefined {
  if (lines[0]?.trimEnd() !== '---') return 0
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]?.trimEnd()
    if (line === '---' || line === '...') return index + 1
  }
  return undefined
}
