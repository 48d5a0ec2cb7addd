import type { DeckFormat, DeckMeta } from '../types.js'
import { frontMatterKeyLine } from './format-detect.js'
import type { PreparedDeck } from './format-lines.js'
import { prepareMarp } from './format-marp.js'
import { prepareRemark } from './format-remark.js'
import { prepareReveal } from './format-reveal.js'
import { prepareSlidev } from './format-slidev.js'
import { placedMessage, ruleIds } from './messages.js'
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
      return withForeignTheme(
        prepareReveal(lines, bodyStart, meta),
        'reveal',
        lines,
        bodyStart,
        meta,
      )
    case 'marp':
      return prepareMarp(lines, bodyStart, meta)
    case 'slidev':
      return withForeignTheme(
        prepareSlidev(lines, bodyStart, meta),
        'slidev',
        lines,
        bodyStart,
        meta,
      )
    default:
      return { slides: splitSlides(lines, { from: bodyStart, compat }), messages: [] }
  }
}

/** Whether a format's slides are `splitSlides`'s, text untouched (the `default` case above). */
export function splitsPlainly(format: DeckFormat): boolean {
  return format === 'slidemark' || format === 'landslide'
}

/** reveal.js's built-in themes, which reveal-md decks name in `theme:`. */
const revealThemes = new Set([
  'black',
  'white',
  'league',
  'beige',
  'sky',
  'night',
  'serif',
  'simple',
  'solarized',
  'blood',
  'moon',
  'dracula',
  'black-contrast',
  'white-contrast',
])
/** Slidev's official themes; any `slidev-theme-*` package is one too. */
const slidevThemes = new Set(['default', 'seriph', 'apple-basic', 'bricks', 'shibainu', 'none'])

/** Whether a `theme:` value names the original tool's theme rather than a Slidemark one. */
function isForeignTheme(format: 'reveal' | 'slidev', theme: string): boolean {
  if (format === 'reveal') return revealThemes.has(theme.replace(/\.css$/, ''))
  return slidevThemes.has(theme) || /(?:^|\/)slidev-theme-|^@slidev\/theme-/.test(theme)
}

/**
 * A reveal.js or Slidev theme in the deck's `theme:` is not a Slidemark
 * theme: a `foreign-theme` warning at its line, and `meta.theme` becomes
 * `horizon` (so the deck opens instead of failing on an unknown theme).
 */
function withForeignTheme(
  prepared: PreparedDeck,
  format: 'reveal' | 'slidev',
  lines: readonly string[],
  bodyStart: number,
  meta: DeckMeta,
): PreparedDeck {
  const theme = (prepared.meta ?? meta).theme
  if (typeof theme !== 'string' || !isForeignTheme(format, theme)) return prepared
  const tool = format === 'reveal' ? 'reveal.js' : 'Slidev'
  const message = placedMessage(
    `${tool}'s \`${theme}\` theme is not a Slidemark theme: using \`horizon\``,
    frontMatterKeyLine(lines, bodyStart, 'theme'),
    1,
    ruleIds.foreignTheme,
  )
  return {
    ...prepared,
    meta: { ...(prepared.meta ?? meta), theme: 'horizon' },
    messages: [...prepared.messages, message],
  }
}

/** Whether `#Title` headings and `!lang` code (Python-Markdown's habits) apply to a format. */
export function usesPythonMarkdown(format: DeckFormat): boolean {
  return format === 'slidemark' || format === 'landslide'
}
