import { stringify as stringifyYaml } from 'yaml'
import type { CompileOptions, DeckFormat, DeckMeta } from '../types.js'
import { prepareSlides, usesPythonMarkdown } from './format.js'
import { chooseFormat } from './format-detect.js'
import { readFrontMatter } from './front-matter.js'
import type { PlacedMessage } from './messages.js'
import { normalizeSource } from './normalize.js'
import type { SlideSource } from './split.js'

export interface ConvertedDeck {
  /** The deck in Slidemark syntax. */
  text: string
  /** The format the input was read as. */
  format: DeckFormat
  /** Problems found while reading the input (deck lines of the input). */
  messages: PlacedMessage[]
}

/** Front matter keys a format consumed into the slides themselves. */
const consumedKeys: Partial<Record<DeckFormat, string[]>> = {
  marp: [
    'paginate',
    'header',
    'footer',
    'class',
    'format',
    'backgroundColor',
    'backgroundImage',
    'color',
    'style',
    'headingDivider',
    // Not applied: a warning when the deck is converted, not again on every compile after.
    'size',
    'transition',
  ],
  slidev: ['layout', 'class', 'format', 'background', 'image', 'clicks', 'transition', 'zoom'],
}

/**
 * Rewrite a deck of any supported format in Slidemark's own syntax: `---`
 * between slides, `<div class="notes">` notes, `$$$$` steps, `.fx:` classes;
 * templates expanded, hidden slides dropped, directives and property lines
 * consumed. Syntax Slidemark has no spelling for (reveal.js fragments,
 * Slidev clicks, Marp's fragmented lists and fit headings, landslide's QR
 * codes, remark's slide names) is kept, and `format:` in the front matter
 * says which compatibility layer reads it.
 */
export function convertDeck(
  source: string,
  options: Pick<CompileOptions, 'format' | 'compat'> = {},
): ConvertedDeck {
  const lines = normalizeSource(String(source)).split('\n')
  const frontMatter = readFrontMatter(lines)
  const choice = chooseFormat(options.format, frontMatter.meta, lines, frontMatter.bodyStart)
  const format = choice.format
  const compat = (options.compat ?? true) && usesPythonMarkdown(format)
  const prepared = prepareSlides(format, lines, frontMatter.bodyStart, frontMatter.meta, compat)
  const meta: DeckMeta = { ...(prepared.meta ?? frontMatter.meta) }
  for (const key of consumedKeys[format] ?? ['format']) delete meta[key]
  if (format !== 'slidemark') meta.format = format
  const head = Object.keys(meta).length > 0 ? `---\n${stringifyYaml(meta).trimEnd()}\n---\n\n` : ''
  const body = prepared.slides.map((slide) => slideText(slide, format)).join('\n\n---\n\n')
  return {
    text: `${head}${body}\n`,
    format,
    messages: [...frontMatter.messages, ...choice.messages, ...prepared.messages],
  }
}

function slideText(slide: SlideSource, format: DeckFormat): string {
  const before: string[] = []
  if (slide.id && format === 'remark') before.push(`name: ${slide.id}`, '')
  const running = slide.running ?? {}
  if (format === 'marp') {
    // Spot directives: they apply to this slide only, as the running parts were resolved per slide.
    if (running.header !== undefined)
      before.push(`<!-- _header: ${JSON.stringify(running.header)} -->`)
    if (running.footer !== undefined)
      before.push(`<!-- _footer: ${JSON.stringify(running.footer)} -->`)
    if (running.pageNumber) before.push('<!-- _paginate: true -->')
    if (before.length > 0) before.push('')
  }
  // First, so that a comment ending the slide stays its notes.
  if (slide.classes && slide.classes.length > 0) before.push(`.fx: ${slide.classes.join(' ')}`, '')
  return [...before, slide.text].join('\n')
}
