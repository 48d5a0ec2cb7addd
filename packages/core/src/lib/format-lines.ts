import type { DeckMeta } from '../types.js'
import type { PlacedMessage } from './messages.js'
import type { SlideSource } from './split.js'

/** A line of a slide being rewritten, with the deck line (1-based) it came from. */
export interface Line {
  text: string
  line: number
}

/** What a format's split-level layer makes of a deck. */
export interface PreparedDeck {
  slides: SlideSource[]
  messages: PlacedMessage[]
  /** `meta` as the format reads it (Marp's theme names mapped, say); the front matter's when absent. */
  meta?: DeckMeta
}

/** Within a rewritten text, a line break that is not in the source: it maps to the same deck line. */
export const addedBreak = '\u0000'

/** The deck's lines from `from` (0-based) as `Line`s. */
export function deckLines(lines: readonly string[], from: number): Line[] {
  return lines.slice(from).map((text, index) => ({ text, line: from + index + 1 }))
}

/** For each line, whether it is inside a fenced code block (fence lines included). */
export function fencedLines(lines: readonly Line[]): boolean[] {
  let fence: { char: string; size: number } | undefined
  return lines.map(({ text }) => {
    const mark = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(text)
    if (fence) {
      if (mark?.[1]?.[0] === fence.char && mark[1].length >= fence.size && mark[2]?.trim() === '') {
        fence = undefined
      }
      return true
    }
    if (mark?.[1] && !(mark[1][0] === '`' && mark[2]?.includes('`'))) {
      fence = { char: mark[1][0] ?? '`', size: mark[1].length }
      return true
    }
    return false
  })
}

/** Split lines at separator lines outside fenced code; `separator` returns a kind or `undefined`. */
export function splitLines<Kind extends string>(
  lines: readonly Line[],
  separator: (text: string) => Kind | undefined,
): Array<{ lines: Line[]; after: Kind | undefined; at: number }> {
  const fenced = fencedLines(lines)
  const parts: Array<{ lines: Line[]; after: Kind | undefined; at: number }> = [
    { lines: [], after: undefined, at: lines[0]?.line ?? 1 },
  ]
  lines.forEach((entry, index) => {
    const kind = fenced[index] ? undefined : separator(entry.text)
    if (kind) parts.push({ lines: [], after: kind, at: entry.line })
    else parts.at(-1)?.lines.push(entry)
  })
  return parts
}

/** Lines that make `$$$$` a build-step marker of its own paragraph. */
export function stepMarker(line: number): Line[] {
  return [
    { text: '', line },
    { text: '$$$$', line },
    { text: '', line },
  ]
}

/** Notes as the original html5-slides markup: `<div class="notes">`, Markdown inside. */
export function notesBlock(notes: readonly Line[]): Line[] {
  if (!notes.some((entry) => entry.text.trim() !== '')) return []
  const first = notes[0]?.line ?? 1
  const last = notes.at(-1)?.line ?? first
  return [
    { text: '', line: first },
    { text: '<div class="notes">', line: first },
    { text: '', line: first },
    ...notes,
    { text: '', line: last },
    { text: '</div>', line: last },
  ]
}

/**
 * Rewrite lines as one text: `rewrite` may insert `addedBreak`s (new lines
 * that keep the deck line of the line they are in) but must keep every `\n`.
 */
export function rewriteLines(lines: readonly Line[], rewrite: (text: string) => string): Line[] {
  const rewritten = rewrite(lines.map((entry) => entry.text).join('\n')).split('\n')
  if (rewritten.length !== lines.length) return [...lines] // a rewrite that lost lines: keep the source
  return rewritten.flatMap((text, index) => {
    const line = lines[index]?.line ?? 1
    return text.split(addedBreak).map((part) => ({ text: part, line }))
  })
}

/** Remove the indentation every non-blank line shares (remark and reveal.js decks often sit indented in HTML). */
export function stripCommonIndent(lines: readonly Line[]): Line[] {
  const indents = lines
    .filter((entry) => entry.text.trim() !== '')
    .map((entry) => /^[ \t]*/.exec(entry.text)?.[0].length ?? 0)
  const common = indents.length > 0 ? Math.min(...indents) : 0
  if (common === 0) return [...lines]
  return lines.map((entry) => ({
    ...entry,
    text: entry.text.replace(/^[ \t]*/, (lead) => lead.slice(common)),
  }))
}
