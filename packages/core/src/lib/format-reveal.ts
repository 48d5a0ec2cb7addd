import {
  deckLines,
  fencedLines,
  type Line,
  notesBlock,
  type PreparedDeck,
  splitLines,
  stripCommonIndent,
} from './format-lines.js'
import { type SlideSource, slideFromLines } from './split.js'

const notesSeparator = /^\s*notes?:/i

/**
 * reveal.js Markdown decks with reveal-md's default separators: a line that
 * is exactly `---` starts the next horizontal slide, `----` the next
 * vertical one (vertical slides follow in order); from a line starting `Note:`/`Notes:` to the end of the
 * slide are presenter notes. Fenced code is never split.
 */
export function prepareReveal(lines: readonly string[], bodyStart: number): PreparedDeck {
  const body = stripCommonIndent(deckLines(lines, bodyStart))
  const parts = splitLines(body, (text) =>
    text === '---' ? 'horizontal' : text === '----' ? 'vertical' : undefined,
  )
  const slides = parts.flatMap((part): SlideSource[] => {
    const source = slideFromLines(withNotes(part.lines))
    return source ? [source] : []
  })
  return { slides, messages: [] }
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
