import type { DeckFormat, DeckMeta } from '../types.js'
import type { PreparedDeck } from './format-lines.js'
import { prepareMarp } from './format-marp.js'
import { prepareRemark } from './format-remark.js'
import { prepareReveal } from './format-reveal.js'
import { prepareSlidev } from './format-slidev.js'
import { splitSlides } from './split.js'

/**
 * The split-level half of a format's compatibility layer: slides (their
 * text rewritten into Slidemark syntax where the original's separators and
 * notes markers would misparse as Markdown, with a line map back to the
 * deck), slide classes, ids, running header/footer, and `meta` as the
 * format reads it. Slidemark and landslide decks split as they always did.
 */
export function prepareSlides(
  format: DeckFormat,
  lines: readonly string[],
  bodyStart: number,
  meta: DeckMeta,
  compat: boolean,
): PreparedDeck {
  switch (format) {
    case 'remark':
      return prepareRemark(lines, bodyStart)
    case 'reveal':
      return prepareReveal(lines, bodyStart, meta)
    case 'marp':
      return prepareMarp(lines, bodyStart, meta)
    case 'slidev':
      return prepareSlidev(lines, bodyStart, meta)
    default:
      return { slides: splitSlides(lines, { from: bodyStart, compat }), messages: [] }
  }
}

/** Whether `#Title` headings and `!lang` code (Python-Markdown's habits) apply to a format. */
export function usesPythonMarkdown(format: DeckFormat): boolean {
  return format === 'slidemark' || format === 'landslide'
}
