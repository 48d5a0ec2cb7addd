import type { DeckMeta } from '../types.js'
import { frontMatterKeyLine } from './format-detect.js'
import {
  deckLines,
  fencedLines,
  type Line,
  notesBlock,
  type PreparedDeck,
  stripCommonIndent,
} from './format-lines.js'
import { type PlacedMessage, placedMessage, ruleIds } from './messages.js'
import { type SlideSource, slideFromLines } from './split.js'

const notesSeparator = /^\s*notes?:/i
/** `<!-- .slide: id="faq" -->`: the slide's anchor name. */
const slideId = /<!--\s*\.slide:[^>]*?\sid=["']([\w-]+)["']/
/** `<!-- .slide: data-visibility="hidden" -->`: reveal.js leaves the slide out. */
const hiddenSlide = /<!--\s*\.slide:[^>]*?\sdata-visibility=["']hidden["']/
/** reveal-md's defaults: `---` (`----` for vertical slides) with a blank line before and after. */
const defaultSeparators = {
  separator: '^(\\r\\n?|\\n)---(\\r\\n?|\\n)$',
  verticalSeparator: '^(\\r\\n?|\\n)----(\\r\\n?|\\n)$',
}

/**
 * reveal.js Markdown decks as reveal-md splits them: its `separator` and
 * `verticalSeparator` regular expressions (the front matter's, else
 * reveal-md's: `---` and `----` with a blank line before and after, so a
 * `---` under text is a setext heading) run over the deck's text; vertical
 * slides follow in order. From a line starting `Note:`/`Notes:` to the end
 * of the slide are presenter notes; a slide with `data-visibility="hidden"`
 * is left out. Separators inside fenced code never
 * split (a deliberate difference: reveal.js splits there).
 */
export function prepareReveal(
  lines: readonly string[],
  bodyStart: number,
  meta: DeckMeta = {},
): PreparedDeck {
  const messages: PlacedMessage[] = []
  const body = stripCommonIndent(deckLines(lines, bodyStart))
  const pattern = (key: keyof typeof defaultSeparators) =>
    separatorPattern(key, meta[key], frontMatterKeyLine(lines, bodyStart, key), messages)
  const fenced = fencedLines(body)
  const breaks = new Set([
    ...separatorLines(body, pattern('separator')),
    ...separatorLines(body, pattern('verticalSeparator')),
  ])
  const parts: Line[][] = [[]]
  body.forEach((entry, index) => {
    if (breaks.has(index) && !fenced[index]) parts.push([])
    else parts.at(-1)?.push(entry)
  })
  const slides = parts.flatMap((part): SlideSource[] => {
    const code = fencedLines(part)
    if (part.some((entry, index) => !code[index] && hiddenSlide.test(entry.text))) return []
    const source = slideFromLines(withNotes(part))
    const id = part.map((entry) => slideId.exec(entry.text)?.[1]).find(Boolean)
    if (source && id) source.id = id
    return source ? [source] : []
  })
  return { slides, messages }
}

/** The front matter's separator as a multi-line RegExp; a bad one is a warning, and the default is used. */
function separatorPattern(
  key: keyof typeof defaultSeparators,
  value: unknown,
  line: number,
  messages: PlacedMessage[],
): RegExp | undefined {
  if (value === undefined || value === null || value === '') {
    return new RegExp(defaultSeparators[key], 'gm')
  }
  try {
    return new RegExp(String(value), 'gm')
  } catch (error) {
    messages.push(
      placedMessage(
        `\`${key}\` is not a regular expression (${error instanceof Error ? error.message : String(error)}): using reveal-md's default`,
        line,
        1,
        ruleIds.invalidFrontMatter,
      ),
    )
    return new RegExp(defaultSeparators[key], 'gm')
  }
}

/**
 * Indices of the lines a separator pattern matches in the joined text: a
 * line is a separator when the match holds any of its characters, or the
 * whole of an empty line (a `^\n\n\n` separator).
 */
function separatorLines(lines: readonly Line[], pattern: RegExp | undefined): number[] {
  if (!pattern) return []
  const starts: number[] = []
  let offset = 0
  for (const entry of lines) {
    starts.push(offset)
    offset += entry.text.length + 1
  }
  const text = lines.map((entry) => entry.text).join('\n')
  const result: number[] = []
  for (const match of text.matchAll(pattern)) {
    const from = match.index
    const to = from + match[0].length
    if (to === from) continue
    for (let index = lineAt(starts, from); index < lines.length; index++) {
      const start = starts[index] as number
      if (start >= to) break
      const length = (lines[index] as Line).text.length
      const holdsText = length > 0 && start + length > from
      const holdsEmpty = length === 0 && start > from
      if (holdsText || holdsEmpty) result.push(index)
    }
  }
  return result
}

/** The index of the line holding `offset` (binary search over line starts). */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((starts[middle] as number) <= offset) low = middle
    else high = middle - 1
  }
  return low
}

function withNotes(lines: Line[]): Line[] {
  const fenced = fencedLines(lines)
  const at = lines.findIndex((entry, index) => !fenced[index] && notesSeparator.test(entry.text))
  if (at === -1) return lines
  const first = lines[at] as Line
  const notes = [
    { ...first, text: first.text.replace(notesSeparator, '').trim() },
    ...lines.slice(at + 1),
  ]
  return [...lines.slice(0, at), ...notesBlock(notes)]
}
