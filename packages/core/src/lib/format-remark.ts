import { backgroundHtml } from './background.js'
import {
  addedBreak,
  deckLines,
  fencedLines,
  type Line,
  notesBlock,
  type PreparedDeck,
  rewriteLines,
  splitLines,
  stepMarker,
  stripCommonIndent,
} from './format-lines.js'
import { type PlacedMessage, placedMessage, ruleIds } from './messages.js'
import { type SlideSource, slideFromLines } from './split.js'

/** A remark slide after its properties were read and before templates are applied. */
interface RemarkSlide {
  properties: Record<string, string>
  content: Line[]
  notes: Line[]
  /** It follows a `--`: an increment of the slide before it. */
  continued: boolean
  /** Deck line of its first line, for messages. */
  at: number
  /** Deck line of each property, for messages. */
  propertyLines: Record<string, number>
  /** Its own first and last deck lines (a template's lines are not its own). */
  range: [number, number]
  /** Marp directive comments in it (`<!-- paginate: true -->`), which remark has no use for. */
  foreign: Array<{ key: string; line: number; column: number }>
}

/** Marp directives that are not remark properties: a comment naming one is a warning, not applied. */
const marpOnly = new Set([
  'paginate',
  'header',
  'footer',
  'theme',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'color',
  'headingDivider',
  'size',
  'style',
  'math',
])

const property = /^([-\w]+):(.*)$/
const commentProperty = /^[ \t]*<!--\s*([-\w]+):(.*?)\s*-->[ \t]*$/

/**
 * remark (gnab/remark) decks, read as its parser and slideshow model do:
 * `---` and `--` lines split (a `--` slide continues the one before: here a
 * build step of that slide), `???` starts the notes, property lines at the
 * top of a slide are consumed (`class:` → classes, `name:` → id,
 * `layout: true` templates, `template: name`, `exclude: true`,
 * `{{content}}` and `{{property}}` expansion), `.class[…]` content classes
 * become `<span>`/`<div>` with those classes.
 */
export function prepareRemark(lines: readonly string[], bodyStart: number): PreparedDeck {
  const messages: PlacedMessage[] = []
  const body = stripCommonIndent(deckLines(lines, bodyStart))
  const raw = splitLines(body, (text) =>
    text === '---' ? 'slide' : text === '--' ? 'increment' : undefined,
  )
  const parsed = raw
    .map((part) => readSlide(part.lines, part.after === 'increment', part.at))
    .filter((slide) => slide.properties.exclude?.toLowerCase() !== 'true')
  for (const { key, line, column } of parsed.flatMap((slide) => slide.foreign)) {
    messages.push(
      placedMessage(
        `Marp directive \`${key}\` in a remark deck is not applied (remark has no such property); \`class\` and \`_class\` are`,
        line,
        column,
        ruleIds.unsupportedSyntax,
      ),
    )
  }

  const shown: RemarkSlide[] = []
  const byName = new Map<string, RemarkSlide>()
  let layout: RemarkSlide | undefined
  parsed.forEach((slide, index) => {
    const previous = shown.at(-1)
    let template: RemarkSlide | undefined
    const named = slide.properties.template
    if (slide.continued && index > 0 && previous) template = previous
    else if (named !== undefined && byName.has(named)) template = byName.get(named)
    else if (slide.properties.layout === 'false') layout = undefined
    else if (layout && slide.properties.layout !== 'true') template = layout
    if (named !== undefined && !byName.has(named)) {
      messages.push(
        placedMessage(
          `No slide is named \`${named}\` (template: needs a slide with name: ${named} above it)`,
          slide.propertyLines.template ?? slide.at,
          1,
          ruleIds.unknownTemplate,
        ),
      )
    }
    const result = template ? inherit(slide, template) : slide
    if (slide.properties.name) byName.set(slide.properties.name, result)
    if (slide.properties.layout === 'true') layout = result
    else if (slide.continued && template === previous && previous) {
      // An increment (`--`) is a step of the slide it continues, numbered as that slide.
      const count = previous.properties.count
      if (count === undefined) delete result.properties.count
      else result.properties.count = count
      shown[shown.length - 1] = result
    } else shown.push(result)
  })
  return { slides: shown.flatMap((slide) => toSource(slide) ?? []), messages }
}

/** Properties at the top (and `<!-- key: value -->` lines anywhere), then content and `???` notes. */
function readSlide(lines: Line[], continued: boolean, at: number): RemarkSlide {
  const foreign: RemarkSlide['foreign'] = []
  const properties: Record<string, string> = { continued: String(continued) }
  const propertyLines: Record<string, number> = {}
  let index = 0
  while (index < lines.length && (lines[index]?.text ?? '').trim() === '') index++
  for (; index < lines.length; index++) {
    const match = property.exec(lines[index]?.text ?? '')
    if (!match) break
    properties[match[1] as string] = (match[2] ?? '').trim()
    propertyLines[match[1] as string] = lines[index]?.line ?? at
  }
  const rest = lines.slice(index).filter((entry) => {
    const match = commentProperty.exec(entry.text)
    if (match) {
      const key = match[1] === '_class' ? 'class' : (match[1] as string)
      const value = (match[2] ?? '').trim()
      properties[key] =
        key === 'class' && properties.class ? `${properties.class}, ${value}` : value
      propertyLines[key] = entry.line
      if (marpOnly.has(key.replace(/^_/, ''))) {
        foreign.push({ key, line: entry.line, column: entry.text.indexOf('<!--') + 1 })
      }
    }
    return !match
  })
  const fenced = fencedLines(rest)
  const notesAt = rest.findIndex((entry, i) => !fenced[i] && entry.text === '???')
  return {
    properties,
    content: notesAt === -1 ? rest : rest.slice(0, notesAt),
    notes: notesAt === -1 ? [] : rest.slice(notesAt + 1),
    continued,
    at,
    propertyLines,
    range: [lines[0]?.line ?? at, lines.at(-1)?.line ?? at],
    foreign,
  }
}

/** A slide made from its template: properties (classes joined), content (`{{content}}`), notes. */
function inherit(slide: RemarkSlide, template: RemarkSlide): RemarkSlide {
  const properties = { ...slide.properties }
  for (const [key, value] of Object.entries(template.properties)) {
    if (key === 'name' || key === 'layout' || key === 'count' || key === 'continued') continue
    if (key === 'class')
      properties.class = [value, slide.properties.class].filter(Boolean).join(', ')
    else if (properties[key] === undefined) properties[key] = value
  }
  const own = slide.continued ? [...stepMarker(slide.at), ...slide.content] : slide.content
  const slot = template.content.findIndex((entry) => entry.text.includes('{{content}}'))
  let content: Line[]
  if (slot === -1) {
    // remark puts a layout's content first; a heading of the slide's own stays its header.
    const heading = headingFirst(own, template.content)
    content = [
      ...heading,
      ...template.content,
      { text: '', line: slide.at },
      ...own.slice(heading.length),
    ]
  } else {
    const entry = template.content[slot] as Line
    const [before = '', after = ''] = entry.text.split('{{content}}')
    content = [
      ...template.content.slice(0, slot),
      ...(before.trim() ? [{ text: before, line: entry.line }] : []),
      ...own,
      ...(after.trim() ? [{ text: after, line: entry.line }] : []),
      ...template.content.slice(slot + 1),
    ]
  }
  const range: [number, number] = slide.continued
    ? [template.range[0], slide.range[1]]
    : slide.range
  return { ...slide, properties, content, notes: [...template.notes, ...slide.notes], range }
}

/**
 * The lines of `own` up to its opening ATX heading, when it opens with one
 * and the template has no heading of its own (a footer, a logo): they go
 * before the template's content so the heading stays the slide's header.
 */
function headingFirst(own: Line[], template: Line[]): Line[] {
  const first = own.findIndex((entry) => entry.text.trim() !== '')
  const atx = /^ {0,3}#{1,6}(?:[ \t]|$)/
  if (first === -1 || !atx.test(own[first]?.text ?? '')) return []
  if (template.some((entry) => atx.test(entry.text))) return []
  return [...own.slice(0, first + 1), { text: '', line: own[first]?.line ?? 1 }]
}

function toSource(slide: RemarkSlide): SlideSource | undefined {
  const expand = (text: string) =>
    text.replace(/(\\)?\{\{([^}\n]+)\}\}/g, (match, escaped: string | undefined, name: string) => {
      if (escaped) return match.slice(1)
      const value = slide.properties[name.trim()]
      return value ?? (name.trim() === 'content' ? '' : match)
    })
  const lines = [...slide.content, ...notesBlock(slide.notes)]
  const source = slideFromLines(rewriteLines(lines, (text) => contentClasses(expand(text))))
  if (!source) return undefined
  const own = [...slide.content, ...slide.notes]
    .filter(
      (entry) =>
        entry.text.trim() !== '' && entry.line >= slide.range[0] && entry.line <= slide.range[1],
    )
    .map((entry) => entry.line)
  if (own.length > 0) {
    source.start = Math.min(...own)
    source.end = Math.max(...own)
  }
  const image = /^url\(\s*['"]?([^'")]+)['"]?\s*\)$/.exec(
    slide.properties['background-image']?.trim() ?? '',
  )?.[1]
  if (image) {
    const line = slide.propertyLines['background-image'] ?? source.start
    source.text = `${backgroundHtml({ images: [{ url: image }] })}\n\n${source.text}`
    source.lineMap = [line, line, ...(source.lineMap ?? [])]
  }
  const classes = (slide.properties.class ?? '').split(/[, ]/).filter(Boolean)
  if (classes.length > 0) source.classes = classes
  if (slide.properties.name) source.id = slide.properties.name
  if (slide.properties.count?.trim().toLowerCase() === 'false') source.uncounted = true
  return source
}

const contentClass = /(\\)?((?:\.[a-zA-Z_-][\w-]*)+)\[/g

/**
 * remark's content classes: `.a.b[text]` becomes `<span class="a b">text</span>`,
 * or, when the text spans lines, a `<div>` with blank lines around the
 * Markdown inside. Brackets nest; `\.a[` is kept as text; code is left alone.
 */
export function contentClasses(text: string): string {
  let result = ''
  let index = 0
  const code = codeRanges(text)
  contentClass.lastIndex = 0
  for (let match = contentClass.exec(text); match; match = contentClass.exec(text)) {
    const start = match.index
    if (start < index || code.some(([from, to]) => start >= from && start < to)) continue
    const open = start + match[0].length
    const close = matchingBracket(text, open)
    if (close === -1) continue
    const inner = text.slice(open, close)
    result += text.slice(index, start)
    if (match[1]) result += `${match[0].slice(1)}${inner}]`
    else {
      const classes = (match[2] ?? '').slice(1).split('.').join(' ')
      const converted = contentClasses(inner)
      result += inner.includes('\n')
        ? `${addedBreak}<div class="${classes}">${addedBreak}${addedBreak}${converted}${addedBreak}${addedBreak}</div>${addedBreak}`
        : `<span class="${classes}">${converted}</span>`
    }
    index = close + 1
    contentClass.lastIndex = index
  }
  return result + text.slice(index)
}

function matchingBracket(text: string, from: number): number {
  let depth = 1
  for (let index = from; index < text.length; index++) {
    if (text[index] === '[') depth++
    else if (text[index] === ']' && --depth === 0) return index
  }
  return -1
}

/** Offsets of fenced code blocks and inline code spans, where `.x[` is not a content class. */
function codeRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const match of text.matchAll(
    /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\1[ \t]*(?=\n|$)|$)/gm,
  )) {
    ranges.push([match.index, match.index + match[0].length])
  }
  for (const match of text.matchAll(/`[^`\n]+`/g))
    ranges.push([match.index, match.index + match[0].length])
  return ranges
}
