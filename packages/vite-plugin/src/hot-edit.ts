import { type Deck, MERMAID_CLASS, type Slide } from '@slidemark/core'
import { frontMatterEnd } from './first-slides.js'

/**
 * Dev server, the quick path of an edit: when a save changed the lines of
 * one slide only, that slide is compiled alone (the deck's front matter and
 * its new lines, a one-slide deck) and sent at once; the whole deck compiles
 * after it and corrects what the guess got wrong (see index.ts). A 500-slide
 * deck then costs an edit one slide's compile before the screen changes,
 * not a pass over the whole deck (split, hashing, cache, checks).
 */

/** A save that changed the lines of one slide, as the one-slide deck to compile. */
export interface SlideEdit {
  /** Index of the edited slide in the deck. */
  index: number
  /** The front matter and the slide's new lines: a deck of that one slide. */
  text: string
  /** A line of `text` after the front matter is deck line `line + offset`. */
  offset: number
  /** Lines the edit added to the slide (negative: removed). */
  delta: number
}

/**
 * The one slide `source` changed since `previous` (the text of a compiled
 * plain-Slidemark deck), or `undefined`: not one slide's lines, the first
 * slide (it names the deck), the front matter, another format, line
 * endings the compiler rewrites. A new separator typed inside the slide is
 * found by the compile (two slides), not here.
 */
export function findSlideEdit(
  previous: { source: string; deck: Deck },
  source: string,
): SlideEdit | undefined {
  const { deck } = previous
  if (deck.format !== undefined || hasCarriageReturn(previous.source, source)) return undefined
  if (previous.source.charCodeAt(0) === 0xfeff || source.charCodeAt(0) === 0xfeff) return undefined
  const before = previous.source.split('\n')
  const after = source.split('\n')
  const same = commonEnds(before, after)
  if (!same) return undefined
  // The changed lines (1-based, before the edit): after the common start, before the common end.
  const firstChanged = same.prefix + 1
  const lastChanged = before.length - same.suffix
  const index = deck.slides.findIndex(({ source: range }) => {
    const span = blankAround(before, range)
    return firstChanged > span.from && lastChanged <= span.to
  })
  const slide = deck.slides[index]
  if (index < 1 || !slide) return undefined
  // The slide's lines and the blank lines around it (an edit there is the slide's, too).
  const span = blankAround(before, slide.source)
  const bodyStart = frontMatterEnd(before)
  if (bodyStart === undefined || bodyStart > span.from) return undefined
  const delta = after.length - before.length
  const lines = [...after.slice(0, bodyStart), ...after.slice(span.from, span.to + delta)]
  return { index, text: lines.join('\n'), offset: span.from - bodyStart, delta }
}

/**
 * The lines of a slide's `range` and the blank lines before and after it,
 * up to the separators: 0-based, from `from` up to (not including) `to`.
 */
function blankAround(lines: readonly string[], range: { start: number; end: number }) {
  let from = range.start - 1
  while (from > 0 && lines[from - 1]?.trim() === '') from--
  let to = range.end
  while (to < lines.length && lines[to]?.trim() === '') to++
  return { from, to }
}

/**
 * `previous` with the edit's slide as `compiled` (the one-slide deck of
 * `edit.text`) says it is, and the later slides' lines moved; `undefined`
 * when the guess cannot be trusted to look right until the whole deck
 * compiles: the slide did not compile to one slide, it has a message
 * (errors and warnings come with the whole deck), assets or diagrams
 * (whose places are deck lines), or it would be a title slide.
 */
export function applySlideEdit(previous: Deck, edit: SlideEdit, compiled: Deck): Deck | undefined {
  const [slide, ...others] = compiled.slides
  if (!slide || others.length > 0 || compiled.messages.length > 0) return undefined
  if (compiled.format !== undefined || slide.kind === 'title' || slide.assets.length > 0) {
    return undefined
  }
  if (slide.content.includes(MERMAID_CLASS) || slide.running) return undefined
  if (JSON.stringify(compiled.meta) !== JSON.stringify(previous.meta)) return undefined
  const edited: Slide = {
    ...slide,
    index: edit.index,
    source: { start: slide.source.start + edit.offset, end: slide.source.end + edit.offset },
  }
  const slides = previous.slides.map((old, index) => {
    if (index === edit.index) return edited
    if (index < edit.index || edit.delta === 0) return old
    return moved(old, edit.delta)
  })
  return { ...previous, slides, messages: keptMessages(previous, edit) }
}

/** A slide after the edit, `delta` lines further down. */
function moved(slide: Slide, delta: number): Slide {
  return {
    ...slide,
    source: { start: slide.source.start + delta, end: slide.source.end + delta },
    assets: slide.assets.map((asset) => ({ ...asset, line: asset.line + delta })),
  }
}

/**
 * The previous deck's messages outside the edited slide, later ones moved;
 * the edited slide's are dropped (it compiled without any). The whole
 * compile that follows brings the deck's real list.
 */
function keptMessages(previous: Deck, edit: SlideEdit): Deck['messages'] {
  const range = previous.slides[edit.index]?.source
  if (!range) return previous.messages
  return previous.messages.flatMap((message) => {
    if (message.line < range.start) return [message]
    if (message.line <= range.end) return []
    return [{ ...message, line: message.line + edit.delta }]
  })
}

function hasCarriageReturn(a: string, b: string): boolean {
  return a.includes('\r') || b.includes('\r')
}

/** Lines equal at the start and (not overlapping them) at the end of `a` and `b`. */
function commonEnds(
  a: readonly string[],
  b: readonly string[],
): { prefix: number; suffix: number } | undefined {
  const shorter = Math.min(a.length, b.length)
  let prefix = 0
  while (prefix < shorter && a[prefix] === b[prefix]) prefix++
  if (prefix === a.length && prefix === b.length) return undefined // no change
  let suffix = 0
  while (suffix < shorter - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) {
    suffix++
  }
  return { prefix, suffix }
}
