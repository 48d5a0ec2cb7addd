import { type PlacedMessage, placedMessage, ruleIds } from './messages.js'
import { deckLine, type SlideSource } from './split.js'

const fenceMark = /^ {0,3}(`{3,}|~{3,})(.*)$/

/**
 * Problems a slide's text shows before it is parsed, placed at deck lines:
 * a code fence that is never closed. CommonMark lets it run to the end of
 * the document, so it silently swallows the rest of the slide, and, as no
 * `---` splits inside code, every slide after it: a warning at the fence.
 */
export function checkSlides(
  slides: readonly SlideSource[],
  /** `unclosedFence` of the slide's text, or a memo of it (after an edit most slides are as they were). */
  fenceOf: (slide: SlideSource) => ReturnType<typeof unclosedFence> = (slide) =>
    unclosedFence(slide.text),
): PlacedMessage[] {
  const messages: PlacedMessage[] = []
  for (const slide of slides) {
    const open = fenceOf(slide)
    if (open === undefined) continue
    const line = deckLine(slide, open.line)
    messages.push(
      placedMessage(
        `This code fence (${open.mark}) is never closed, so everything after it up to line ${slide.end} is code (slide breaks included): close it with a line of ${open.mark}`,
        line,
        open.column,
        ruleIds.unclosedFence,
      ),
    )
  }
  return messages
}

/** The 1-based line and column of a fence still open at the end of `text`, if any. */
export function unclosedFence(
  text: string,
): { line: number; column: number; mark: string } | undefined {
  let open: { line: number; column: number; mark: string; char: string } | undefined
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    const match = fenceMark.exec(line)
    const mark = match?.[1]
    if (!mark) return
    const rest = match[2] ?? ''
    if (open) {
      if (mark[0] === open.char && mark.length >= open.mark.length && rest.trim() === '')
        open = undefined
      return
    }
    if (mark[0] === '`' && rest.includes('`')) return // inline code, not a fence
    const column = line.indexOf(mark) + 1
    open = { line: index + 1, column, mark, char: mark[0] as string }
  })
  return open ? { line: open.line, column: open.column, mark: open.mark } : undefined
}
