/** One slide's lines, before parsing. */
export interface SlideSource {
  /** 1-based first line (blank lines around the slide are not part of it). */
  start: number
  /** 1-based last line, inclusive. */
  end: number
  /** The slide's own text: lines `start`…`end` joined with `\n`. */
  text: string
  /**
   * When a format's compatibility layer rewrote the slide (see
   * `prepareSlides`), the 1-based deck line of each line of `text`; without
   * it, line N of `text` is deck line `start + N - 1`.
   */
  lineMap?: number[]
  /** Slide classes the format's split-level layer found (remark's `class:`, Marp's `_class`…). */
  classes?: string[]
  /** An anchor name (remark's `name:`). */
  id?: string
  /** Header, footer and page number as Markdown source (Marp's directives). */
  running?: { header?: string; footer?: string; pageNumber?: boolean }
  /** Left out of the slide numbers (remark's `count: false`). */
  uncounted?: boolean
  /** Steps the format asks for at least (Slidev's `clicks: 3` → 4), whatever the content has. */
  minSteps?: number
}

/** The deck line of a place given relative to a slide's text (1 = its first line). */
export function deckLine(slide: SlideSource, line: number): number {
  if (!slide.lineMap) return slide.start + line - 1
  return slide.lineMap[line - 1] ?? slide.lineMap.at(-1) ?? slide.start
}

/** Join lines that each remember their deck line into a slide (blank lines at either end dropped). */
export function slideFromLines(
  lines: ReadonlyArray<{ text: string; line: number }>,
): SlideSource | undefined {
  let first = 0
  let last = lines.length - 1
  while (first <= last && isBlank(lines[first]?.text)) first++
  while (last >= first && isBlank(lines[last]?.text)) last--
  if (first > last) return undefined
  const kept = lines.slice(first, last + 1)
  const lineMap = kept.map((entry) => entry.line)
  return {
    start: Math.min(...lineMap),
    end: Math.max(...lineMap),
    text: kept.map((entry) => entry.text).join('\n'),
    lineMap,
  }
}

export interface SplitOptions {
  /** 0-based index of the first line to read (after front matter). */
  from?: number
  /** Treat `#Title` (no space) as a heading, as Python-Markdown does. */
  compat?: boolean
  /** Start a new slide at this top-level ATX heading line too (Marp's `headingDivider`). */
  breakBefore?: (line: string) => boolean
}

const thematicBreak = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
/** A `-` run without inner spaces: under paragraph text it is a setext underline, not a break. */
const setextDashes = /^ {0,3}-+[ \t]*$/
const setextEquals = /^ {0,3}=+[ \t]*$/
const fenceOpen = /^ {0,3}(`{3,}|~{3,})(.*)$/
const atxHeading = /^ {0,3}#{1,6}(?:[ \t]|$)/
const laxHeading = /^ {0,3}#/
const listItem = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/
const blockQuote = /^ {0,3}>/
const commentOpen = /^ {0,3}<!--/
const indented = /^(?: {4}| {0,3}\t)/
/** A GFM table delimiter row (`| --- | :-: |`); it needs a pipe somewhere. */
const tableDelimiter = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

/**
 * Split a deck into slides on top-level thematic breaks (`---`, `***`,
 * `___`, `- - -`, up to three spaces of indent) with a line scanner, before
 * any Markdown parsing, so each slide can be parsed (and cached) on its own.
 *
 * Not breaks: lines inside fenced code (closed by the same character, at
 * least as long) or inside an HTML comment block, and a `---` run directly
 * under paragraph text, which is a setext `h2` underline. Under a heading, a
 * list item, a block quote, a table, code or a blank line, `---` is a break.
 * Slides with nothing but blank lines are dropped.
 */
export function splitSlides(lines: readonly string[], options: SplitOptions = {}): SlideSource[] {
  const heading = options.compat === false ? atxHeading : laxHeading
  const slides: SlideSource[] = []
  let slideStart = options.from ?? 0
  let fence: { char: string; size: number } | undefined
  let inComment = false
  /** What the previous line left open: paragraph text at the top level can take a setext underline. */
  let paragraph: 'none' | 'top' | 'nested' = 'none'
  /** Whether the slide so far has more than blank lines and comments (for `breakBefore`). */
  let hasContent = false

  const flush = (endExclusive: number) => {
    let first = slideStart
    let last = endExclusive - 1
    while (first <= last && isBlank(lines[first])) first++
    while (last >= first && isBlank(lines[last])) last--
    if (first <= last) {
      slides.push({
        start: first + 1,
        end: last + 1,
        text: lines.slice(first, last + 1).join('\n'),
      })
    }
  }

  for (let index = slideStart; index < lines.length; index++) {
    const line = lines[index] ?? ''

    if (fence) {
      const close = mayOpenFence(line) ? fenceOpen.exec(line) : null
      if (
        close?.[1]?.[0] === fence.char &&
        close[1].length >= fence.size &&
        (close[2] ?? '').trim() === ''
      ) {
        fence = undefined
      }
      paragraph = 'none'
      continue
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false
      paragraph = 'none'
      continue
    }
    if (startsWithLetter(line)) {
      // Paragraph text (or a lazy continuation): no other rule below matches a line starting so.
      hasContent = true
      if (paragraph === 'none') paragraph = 'top'
      continue
    }
    if (isBlank(line)) {
      paragraph = 'none'
      continue
    }
    if (paragraph === 'none' && indented.test(line)) continue // indented code

    if (thematicBreak.test(line) && !(paragraph === 'top' && setextDashes.test(line))) {
      flush(index)
      slideStart = index + 1
      paragraph = 'none'
      hasContent = false
      continue
    }
    if (paragraph === 'top' && line.includes('|') && tableDelimiter.test(line)) {
      paragraph = 'nested' // a table: its rows are not paragraph text
      continue
    }
    if (paragraph === 'top' && (setextDashes.test(line) || setextEquals.test(line))) {
      paragraph = 'none'
      continue
    }

    const open = fenceOpen.exec(line)
    if (open?.[1] && !(open[1][0] === '`' && (open[2] ?? '').includes('`'))) {
      fence = { char: open[1][0] ?? '`', size: open[1].length }
      paragraph = 'none'
      hasContent = true
      continue
    }
    if (commentOpen.test(line)) {
      inComment = !line.slice(line.indexOf('<!--') + 4).includes('-->')
      paragraph = 'none'
      continue
    }
    // Like Marpit's hidden dividers: not before a heading that only comments precede.
    if (heading.test(line) && hasContent && options.breakBefore?.(line)) {
      flush(index)
      slideStart = index
    }
    hasContent = true
    if (heading.test(line)) {
      paragraph = 'none'
      continue
    }
    if (listItem.test(line) || blockQuote.test(line)) {
      paragraph = 'nested'
      continue
    }
    // Paragraph text, or a lazy continuation of whatever paragraph is open.
    if (paragraph === 'none') paragraph = 'top'
  }
  flush(lines.length)
  return slides
}

/**
 * Everything `splitSlides` asks of one line, as a string: two lines with
 * the same signature are read alike in every scanner state (in a fence, in
 * a comment, under a paragraph, at a slide's blank edge), so replacing one
 * with the other leaves every slide's start and end where they were. An
 * edit's shortcut (incremental.ts) relies on it; `breakBefore` is not
 * covered, so it holds for splits without one.
 */
export function splitSignature(line: string): string {
  const fence = fenceOpen.exec(line)
  const mark = fence?.[1] ?? ''
  const rest = fence?.[2] ?? ''
  const comment = line.indexOf('<!--')
  return [
    mark,
    rest.trim() === '',
    rest.includes('`'),
    line.includes('-->'),
    comment >= 0 && line.slice(comment + 4).includes('-->'),
    isBlank(line),
    indented.test(line),
    thematicBreak.test(line),
    setextDashes.test(line),
    setextEquals.test(line),
    line.includes('|') && tableDelimiter.test(line),
    commentOpen.test(line),
    atxHeading.test(line),
    laxHeading.test(line),
    listItem.test(line),
    blockQuote.test(line),
  ]
    .map((value) => (value === true ? '1' : value === false ? '0' : value))
    .join(' ')
}

/**
 * Whether a line starts with an ASCII letter: then it is not blank, not
 * indented, and no break, fence, comment, heading, list, quote or table
 * rule of `splitSlides` matches it (each needs a space, a tab, a digit or
 * punctuation first).
 */
function startsWithLetter(line: string): boolean {
  const code = line.charCodeAt(0) | 0x20 // lower case
  return code >= 0x61 && code <= 0x7a
}

/** Whether a line may match `fenceOpen` (a space, a backtick or a tilde first). */
function mayOpenFence(line: string): boolean {
  const code = line.charCodeAt(0)
  return code === 0x20 || code === 0x60 || code === 0x7e
}

export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.length === 0 || /^[ \t]*$/.test(line)
}
