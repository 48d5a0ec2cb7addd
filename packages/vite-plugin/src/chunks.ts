import type { Slide } from '@slidemark/core'

/**
 * A built deck whose slides' HTML adds up to more than this many characters
 * (about 100 slides with code blocks) loads its slides in chunks; a smaller
 * one keeps them all in its module. Default of the plugin's `lazy` option.
 */
export const LAZY_THRESHOLD = 512_000

/** A chunk is closed once its slides' HTML reaches this many characters (a few KB gzipped). */
export const CHUNK_CHARACTERS = 64_000

/** …or once it holds this many slides, so a chunk of small slides stays quick to render. */
export const CHUNK_MAX_SLIDES = 50

/** The query of a chunk module's id: `talk.slides.md?slidemark-chunk=3`. */
export const CHUNK_QUERY = 'slidemark-chunk'

/** Matches a chunk module's query and captures the chunk number. */
export const CHUNK_ID = /(?:^|&)slidemark-chunk=(\d+)(?:&|$)/

export interface ChunkPlanOptions {
  /** See {@link LAZY_THRESHOLD}. */
  threshold?: number
  /** See {@link CHUNK_CHARACTERS}. */
  chunkCharacters?: number
  /** See {@link CHUNK_MAX_SLIDES}. */
  maxSlides?: number
}

/** The characters of HTML a slide carries (what moves to its chunk). */
export function slideWeight(slide: Slide): number {
  return slide.header.length + slide.content.length + slide.notes.length
}

/**
 * How to split `slides` into chunks: the index of the first slide of each
 * chunk (ascending, starting at 0), or `undefined` when the deck is small
 * enough to stay in one module. Slides stay in order; every chunk holds at
 * least one slide, at most `maxSlides`, and is closed as soon as its HTML
 * reaches `chunkCharacters`.
 */
export function planChunks(
  slides: readonly Slide[],
  options: ChunkPlanOptions = {},
): number[] | undefined {
  const {
    threshold = LAZY_THRESHOLD,
    chunkCharacters = CHUNK_CHARACTERS,
    maxSlides = CHUNK_MAX_SLIDES,
  } = options
  const weights = slides.map(slideWeight)
  if (weights.reduce((sum, weight) => sum + weight, 0) <= threshold) return undefined
  const starts: number[] = []
  let size = 0
  let count = 0
  for (const [index, weight] of weights.entries()) {
    if (index === 0 || size >= chunkCharacters || count >= maxSlides) {
      starts.push(index)
      size = 0
      count = 0
    }
    size += weight
    count++
  }
  return starts
}

/** The slides `[from, to)` of chunk `chunk`, given the plan's `starts` and the slide count. */
export function chunkRange(
  starts: readonly number[],
  chunk: number,
  total: number,
): [number, number] | undefined {
  const from = starts[chunk]
  if (from === undefined) return undefined
  return [from, starts[chunk + 1] ?? total]
}
