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
  lines: readonly string[]
  /** The `format` option the deck was compiled with (`'auto'` to detect). */
  formatOption: DeckFormat | 'auto'
  bodyStart: number
  choice: FormatChoice
  /** The split, when the format's is the plain one (`splitSlides` without `breakBefore`). */
  prepared?: { compat: boolean; deck: PreparedDeck }
  /** Facts of every slide text of that compile. */
  texts: Map<string, TextFacts>
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

/**
 * The 0-based indexes of the lines that differ from the memo's, when the
 * line count is the same, the front matter block (first `---` line to the
 * line that closes it) is unchanged and few lines changed; else `undefined`.
 */
export function changedLines(memo: DeckMemo, lines: readonly string[]): number[] | undefined {
  const before = memo.lines
  if (before.length !== lines.length) return undefined
  const changed: number[] = []
  for (let index = 0; index < lines.length; index++) {
    if (lines[index] === before[index]) continue
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

/** Whether every changed line reads as its old self to format detection. */
export function sameDetection(
  memo: DeckMemo,
  lines: readonly string[],
  changed: number[],
): boolean {
  return changed.every(
    (index) =>
      detectSignature(lines[index] as string) === detectSignature(memo.lines[index] as string),
  )
}

/**
 * The memo's plain split with the changed lines' slides re-joined, when every
 * changed line reads as its old self to the splitter (so no slide moved).
 */
export function reuseSplit(
  memo: DeckMemo,
  lines: readonly string[],
  changed: number[],
  compat: boolean,
): PreparedDeck | undefined {
  const prepared = memo.prepared
  if (!prepared || prepared.compat !== compat) return undefined
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

/** Facts of slide texts, from the last compile's memo where it had the same text. */
export class TextFactsTable {
  readonly texts = new Map<string, TextFacts>()
  readonly #previous: Map<string, TextFacts> | undefined

  constructor(previous?: DeckMemo) {
    this.#previous = previous?.texts
  }

  get(text: string): TextFacts {
    let facts = this.texts.get(text) ?? this.#previous?.get(text)
    if (!facts) facts = { hash: hashString(text), fence: unclosedFence(text) }
    this.texts.set(text, facts)
    return facts
  }

  /** `slideCacheKey(text, fingerprint)`, the same string as last time when nothing changed. */
  key(text: string, fingerprint: string): string {
    const facts = this.get(text)
    if (facts.key?.fingerprint !== fingerprint) {
      facts.key = { fingerprint, value: slideCacheKey(text, fingerprint, facts.hash) }
    }
    return facts.key.value
  }
}
