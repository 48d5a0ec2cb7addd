/**
 * What a compile with a cache remembers of a deck, so that the next compile
 * of the same file (a dev-server edit) redoes only what its changed lines
 * can change. Every shortcut here gives exactly what the full work would:
 * the tests compare edited decks compiled after their original with the
 * same decks compiled cold.
 */
import type { DeckFormat, SlideCache } from '../types.js'
import { slideCacheKey } from './cache.js'
import { detectSignature, type FormatChoice } from './format-detect.js'
import type { PreparedDeck } from './format-lines.js'
import { hashString } from './hash.js'
import { unclosedFence } from './slide-checks.js'
import { type SlideSource, splitSignature } from './split.js'

/** What one slide text yields whatever its place in the deck. */
export interface TextFacts {
  text: string
  /** `hashString(text)`, for the cache key. */
  hash: string
  /** `unclosedFence(text)`. */
  fence: ReturnType<typeof unclosedFence>
  /**
   * The last cache key made of it and the options fingerprint it was made
   * with: the same key string again is looked up without being hashed again.
   */
  key?: { fingerprint: string; value: string }
}

/** One compile of a deck, as the next compile of the same file may reuse it. */
export interface DeckMemo {
  /** The deck's text, line endings normalized. */
  text: string
  /** `text.split('\n')`. */
  lines: readonly string[]
  /**
   * How many compiles' texts `lines` may hold slices of: lines spliced in
   * by `deckLines` keep their own text alive, so past a few the deck is
   * split afresh.
   */
  generations: number
  /** The `format` option the deck was compiled with (`'auto'` to detect). */
  formatOption: DeckFormat | 'auto'
  bodyStart: number
  choice: FormatChoice
  /** The split, when the format's is the plain one (`splitSlides` without `breakBefore`). */
  prepared?: { compat: boolean; deck: PreparedDeck }
  /** Facts of every slide text of that compile. */
  texts: ReadonlySet<TextFacts>
}

/** Memos of the decks compiled with each cache, by file name. */
const memos = new WeakMap<SlideCache, Map<string, DeckMemo>>()
/** Files remembered per cache: a dev server edits a few decks at a time. */
const maxFiles = 16
/** More changed lines than this and the full work is as quick as comparing signatures. */
const maxChangedLines = 64

/** The memo of the file's last compile with this cache, if any. */
export function recallDeck(
  cache: SlideCache | undefined,
  filename: string | undefined,
): DeckMemo | undefined {
  return cache ? memos.get(cache)?.get(filename ?? '') : undefined
}

/** Remember this compile for the file's next one (nothing without a cache: no cache, no reuse). */
export function rememberDeck(
  cache: SlideCache | undefined,
  filename: string | undefined,
  memo: DeckMemo,
): void {
  if (!cache) return
  let files = memos.get(cache)
  if (!files) {
    files = new Map()
    memos.set(cache, files)
  }
  const name = filename ?? ''
  files.delete(name)
  files.set(name, memo)
  if (files.size > maxFiles) files.delete(files.keys().next().value as string)
}

/** Past this many texts held by a memo's lines, the deck is split afresh (memory, not speed). */
const maxGenerations = 8
/** Texts are compared this many characters at a time before character by character. */
const chunkSize = 4096

/** A deck's lines, and which of them differ from the memo's (see `changedLines`). */
export interface DeckLines {
  lines: string[]
  /** How many compiles' texts the lines hold slices of (see `DeckMemo`). */
  generations: number
  changed: number[] | undefined
}

/**
 * `text.split('\n')`, made from the memo's lines where the text is the
 * same: only the lines between the first and the last character that
 * differ are split again.
 */
export function deckLines(text: string, memo: DeckMemo | undefined): DeckLines {
  if (!memo) return { lines: text.split('\n'), generations: 1, changed: undefined }
  const before = memo.text
  const prefix = commonPrefix(before, text)
  const suffix = commonSuffix(before, text, Math.min(before.length, text.length) - prefix)
  const { first, start } = lineAt(memo.lines, prefix)
  const { last, end } = lineFromEnd(memo.lines, before.length, before.length - suffix)
  const middle = text.slice(start, end + text.length - before.length).split('\n')
  const fresh = memo.generations >= maxGenerations
  const same = middle.length === last - first + 1
  const lines = fresh ? text.split('\n') : spliceLines(memo.lines, first, last, middle)
  return {
    lines,
    generations: fresh ? 1 : memo.generations + 1,
    changed: same ? changedLines(memo, lines, first, last) : undefined,
  }
}

/** A copy of `lines` with lines `first`…`last` replaced by `middle`. */
function spliceLines(
  lines: readonly string[],
  first: number,
  last: number,
  middle: readonly string[],
): string[] {
  if (middle.length !== last - first + 1) {
    return lines.slice(0, first).concat(middle, lines.slice(last + 1))
  }
  const result = lines.slice()
  for (let index = 0; index < middle.length; index++)
    result[first + index] = middle[index] as string
  return result
}

/** The line holding character `offset` (its line break included), and where that line starts. */
function lineAt(lines: readonly string[], offset: number): { first: number; start: number } {
  let start = 0
  for (let index = 0; index < lines.length; index++) {
    const length = (lines[index] as string).length
    if (offset <= start + length) return { first: index, start }
    start += length + 1
  }
  return { first: 0, start: 0 } // not reached: `offset` is within the lines' text
}

/** The line holding character `offset` of a text `length` long, and where that line ends (its break). */
function lineFromEnd(
  lines: readonly string[],
  length: number,
  offset: number,
): { last: number; end: number } {
  let end = length
  for (let index = lines.length - 1; index >= 0; index--) {
    const start = end - (lines[index] as string).length
    if (offset >= start) return { last: index, end }
    end = start - 1
  }
  return { last: 0, end: (lines[0] as string).length } // not reached: line 0 starts at 0
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length)
  let at = 0
  while (at + chunkSize <= max && a.slice(at, at + chunkSize) === b.slice(at, at + chunkSize)) {
    at += chunkSize
  }
  while (at < max && a.charCodeAt(at) === b.charCodeAt(at)) at++
  return at
}

/** The length of the common end of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let size = 0
  while (
    size + chunkSize <= max &&
    a.slice(a.length - size - chunkSize, a.length - size) ===
      b.slice(b.length - size - chunkSize, b.length - size)
  ) {
    size += chunkSize
  }
  while (size < max && a.charCodeAt(a.length - size - 1) === b.charCodeAt(b.length - size - 1)) {
    size++
  }
  return size
}

/**
 * The 0-based indexes of the lines `first`…`last` that differ from the
 * memo's (the line count being the same), when the front matter block
 * (first `---` line to the line that closes it) is unchanged and few lines
 * changed; else `undefined`.
 */
function changedLines(
  memo: DeckMemo,
  lines: readonly string[],
  first: number,
  last: number,
): number[] | undefined {
  const changed: number[] = []
  for (let index = first; index <= last; index++) {
    if (lines[index] === memo.lines[index]) continue
    if (changed.length === maxChangedLines) return undefined
    changed.push(index)
  }
  if (changed.length > 0 && (changed[0] as number) <= frontMatterEnd(lines)) return undefined
  return changed
}

/** The 0-based index of the line closing the front matter (the last line `readFrontMatter` may read), 0 without one. */
function frontMatterEnd(lines: readonly string[]): number {
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return 0
  for (let index = 1; index < lines.length; index++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[index] ?? '')) return index
  }
  return lines.length
}

/**
 * The last compile's format choice, when the same `format` option and front
 * matter end leave it to the body and every changed line reads as its old
 * self to format detection.
 */
export function keptChoice(
  memo: DeckMemo | undefined,
  changed: number[] | undefined,
  formatOption: DeckFormat | 'auto',
  bodyStart: number,
  lines: readonly string[],
): FormatChoice | undefined {
  if (!memo || !changed || memo.formatOption !== formatOption || memo.bodyStart !== bodyStart) {
    return undefined
  }
  const same = changed.every(
    (index) =>
      detectSignature(lines[index] as string) === detectSignature(memo.lines[index] as string),
  )
  return same ? memo.choice : undefined
}

/**
 * The memo's plain split with the changed lines' slides re-joined, when every
 * changed line reads as its old self to the splitter (so no slide moved).
 */
export function reuseSplit(
  memo: DeckMemo | undefined,
  lines: readonly string[],
  changed: number[] | undefined,
  compat: boolean,
): PreparedDeck | undefined {
  const prepared = memo?.prepared
  if (!memo || !changed || !prepared || prepared.compat !== compat) return undefined
  for (const index of changed) {
    if (splitSignature(lines[index] as string) !== splitSignature(memo.lines[index] as string)) {
      return undefined
    }
  }
  const slides = prepared.deck.slides.map((slide): SlideSource => {
    const touched = changed.some((index) => index >= slide.start - 1 && index < slide.end)
    if (!touched) return slide
    return { ...slide, text: lines.slice(slide.start - 1, slide.end).join('\n') }
  })
  return { ...prepared.deck, slides }
}

/**
 * Facts of the slides of recent compiles, by slide: a split reused as it was
 * (`reuseSplit`) hands back most slides themselves, found here without
 * reading their text.
 */
const factsOfSlide = new WeakMap<SlideSource, TextFacts>()

/** Facts of slide texts, from the last compile's where it had the same slide or text. */
export class TextFactsTable {
  /** Every text looked up, for the next compile's table. */
  readonly texts = new Set<TextFacts>()
  readonly #previous: ReadonlySet<TextFacts>
  /** The previous compile's facts by text, made on the first slide not found by itself. */
  #previousByText: Map<string, TextFacts> | undefined

  /**
   * `previous` is the last compile's memo; `sameSlides` says its split was
   * reused, so a slide it does not find by itself has new text, not worth
   * indexing the last compile's texts to look for.
   */
  constructor(previous?: DeckMemo, sameSlides = false) {
    this.#previous = previous && !sameSlides ? previous.texts : new Set()
  }

  of(slide: SlideSource): TextFacts {
    let facts = factsOfSlide.get(slide)
    if (facts?.text !== slide.text) {
      facts = this.#byText(slide.text)
      factsOfSlide.set(slide, facts)
    }
    this.texts.add(facts)
    return facts
  }

  /** `slideCacheKey(slide.text, fingerprint)`, the same string as last time when nothing changed. */
  key(slide: SlideSource, fingerprint: string): string {
    const facts = this.of(slide)
    if (facts.key?.fingerprint !== fingerprint) {
      facts.key = { fingerprint, value: slideCacheKey(facts.text, fingerprint, facts.hash) }
    }
    return facts.key.value
  }

  #byText(text: string): TextFacts {
    if (!this.#previousByText) {
      this.#previousByText = new Map()
      for (const facts of this.#previous) this.#previousByText.set(facts.text, facts)
    }
    return (
      this.#previousByText.get(text) ?? { text, hash: hashString(text), fence: unclosedFence(text) }
    )
  }
}
