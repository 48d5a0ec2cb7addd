import type { Deck, Slide } from '@slidemark/core'
import { extraImports } from './extras.js'

/**
 * The custom HMR event that carries only the slides an edit changed. A deck
 * module on the page (see `HOT_SLIDES_CODE` in generate-module.ts) patches
 * its current slides with it and calls the `onUpdate` listeners, so a
 * one-slide edit to a 500-slide deck moves a few KB instead of re-running a
 * 1 MB module. Anything it cannot apply makes the page reload.
 */
export const HOT_SLIDES_EVENT = 'slidemark:slides'

export interface HotSlidesPatch {
  /** The deck file (normalized path): a page may import several decks. */
  id: string
  /** The version the patch applies to, and the version it makes. */
  from: number
  to: number
  /** Slide count after the edit. */
  length: number
  /** `[index, slide]` for every slide that is new or different. */
  slides: Array<[number, Slide]>
}

/** The last deck each file compiled to and its version, for diffing the next edit. */
export interface HotDeckState {
  deck: Deck
  version: number
  /** The text `deck` compiled from, when it is the whole deck (not a big deck's first slides). */
  source?: string
}

/**
 * The slides that differ between `previous` and `next`, or `undefined` when
 * the edit needs the whole module: errors, front matter or title changed,
 * the first formula came or the last went (the stylesheet import changes),
 * or a changed slide refers to an asset (its URL comes from an import).
 */
export function diffDecks(previous: Deck, next: Deck): Array<[number, Slide]> | undefined {
  if (next.messages.some((message) => message.severity === 'error')) return undefined
  if (JSON.stringify(previous.meta) !== JSON.stringify(next.meta)) return undefined
  const title = (deck: Deck) => deck.meta.title ?? deck.slides[0]?.title ?? ''
  if (title(previous) !== title(next)) return undefined
  // The module's imports (KaTeX's stylesheet) follow what the slides contain.
  if (importsOf(previous) !== importsOf(next)) return undefined
  const changed: Array<[number, Slide]> = []
  for (const [index, slide] of next.slides.entries()) {
    const before = previous.slides[index]
    if (before && sameSlide(before, slide)) continue
    if (slide.assets.length > 0) return undefined
    changed.push([index, slide])
  }
  return changed
}

/** Each deck's extra imports, scanned once: the last edit's deck is the next edit's previous one. */
const extraImportsOf = new WeakMap<Deck, string>()

function importsOf(deck: Deck): string {
  let imports = extraImportsOf.get(deck)
  if (imports === undefined) {
    imports = extraImports(deck).join('\n')
    extraImportsOf.set(deck, imports)
  }
  return imports
}

/**
 * Whether two compiled slides are equal: the HTML strings compared as
 * strings (no 2 MB `JSON.stringify` of a 500-slide deck per edit), the
 * other fields one by one, through JSON only for the small objects
 * (classes, source range, assets).
 */
export function sameSlide(a: Slide, b: Slide): boolean {
  if (a === b) return true
  if (a.header !== b.header || a.content !== b.content || a.notes !== b.notes) return false
  const keys = Object.keys(a) as Array<keyof Slide>
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => {
    const x = a[key]
    const y = b[key]
    if (x === y) return true
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false
    return JSON.stringify(x) === JSON.stringify(y)
  })
}
