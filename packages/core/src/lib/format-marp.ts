import { parse as parseYaml } from 'yaml'
import type { DeckMeta } from '../types.js'
import { type Background, backgroundHtml, safeCssValue } from './background.js'
import { frontMatterKeyLine } from './format-detect.js'
import type { Line, PreparedDeck } from './format-lines.js'
import { hashString } from './hash.js'
import { globalDirectives, localDirectives, looseYaml } from './marp-yaml.js'
import { type PlacedMessage, placedMessage, ruleIds } from './messages.js'
import { deckLine, type SlideSource, slideFromLines, splitSlides } from './split.js'

/** Marp's built-in themes and the Slidemark theme closest to each. */
const marpThemes: Record<string, string> = {
  default: 'horizon',
  gaia: 'horizon',
  uncover: 'horizon',
}

type Directives = Record<string, unknown>

/**
 * Marp decks: slides split on CommonMark thematic breaks (as markdown-it's
 * `hr`); HTML comments that hold only directives (`<!-- _class: lead -->`,
 * `<!-- paginate: true -->`) are consumed: `class` gives slide classes,
 * `header`, `footer` and `paginate` the slide's `running` parts; local
 * directives carry on to later slides, `_`-prefixed ones stay on their
 * slide; front matter keys are directives too. Marp's theme names are a
 * warning and the nearest Slidemark theme.
 */
export function prepareMarp(
  lines: readonly string[],
  bodyStart: number,
  meta: DeckMeta,
): PreparedDeck {
  const messages: PlacedMessage[] = []
  const deckMeta: DeckMeta = { ...meta }
  Object.assign(deckMeta, looseFrontMatter(lines, bodyStart))
  const inherited: Directives = {}
  for (const [key, value] of Object.entries(deckMeta))
    if (localDirectives.has(key)) inherited[key] = value
  let themeLine = frontMatterKeyLine(lines, bodyStart, 'theme')
  const unapplied = new Map<string, { value: unknown; line: number }>()
  for (const key of unappliedDirectives.keys()) {
    if (Object.hasOwn(deckMeta, key)) {
      unapplied.set(key, { value: deckMeta[key], line: frontMatterKeyLine(lines, bodyStart, key) })
    }
  }

  const divider = headingLevels(lastHeadingDivider(lines, bodyStart, meta))
  const breakBefore = divider
    ? (line: string) => divider.includes(/^ {0,3}(#{1,6})/.exec(line)?.[1]?.length ?? 0)
    : undefined
  const split = splitSlides(lines, { from: bodyStart, compat: false, breakBefore })
  const slides = split.flatMap((slide) => {
    const own: Directives = {}
    const kept = consumeDirectives(slideLines(slide), (key, value, line) => {
      if (unappliedDirectives.has(key.replace(/^_/, '')) && !unapplied.has(key)) {
        unapplied.set(key, { value, line })
      }
      if (globalDirectives.has(key)) {
        deckMeta[key] = value
        if (key === 'theme') themeLine = line
      } else if (key.startsWith('_')) own[key.slice(1)] = value
      else {
        inherited[key] = value
        own[key] = value
      }
    })
    const directives = { ...inherited, ...own }
    const source = slideFromLines([...directiveStyle(directives, slide.start), ...kept])
    if (!source) return []
    return [withDirectives(source, directives)]
  })

  const style = deckMeta.style
  if (typeof style === 'string' && style.trim() !== '' && slides[0]) {
    slides[0] = withDeckStyle(slides[0], style, frontMatterKeyLine(lines, bodyStart, 'style'))
  }
  const theme = deckMeta.theme
  if (typeof theme === 'string' && Object.hasOwn(marpThemes, theme)) {
    deckMeta.theme = marpThemes[theme]
    messages.push(
      placedMessage(
        `Marp's \`${theme}\` theme is not a Slidemark theme: using \`${deckMeta.theme}\``,
        themeLine,
        1,
        ruleIds.foreignTheme,
      ),
    )
  }
  for (const [key, { value, line }] of unapplied) {
    const reason = unappliedDirectives.get(key.replace(/^_/, '')) ?? ''
    messages.push(
      placedMessage(
        `Marp \`${key}: ${String(value)}\` is not applied: ${reason}`,
        line,
        1,
        ruleIds.unsupportedSyntax,
      ),
    )
  }
  return { slides, messages, meta: deckMeta }
}

/** Directives Slidemark reads but cannot apply, and what the deck gets instead. */
const unappliedDirectives = new Map([
  ['size', 'slides keep the theme’s size'],
  ['transition', 'the theme’s own slide change is used'],
])

/**
 * The deck's `headingDivider`: as Marpit reads global directives, the last
 * value written wins, in a directive comment anywhere or the front matter.
 */
function lastHeadingDivider(lines: readonly string[], bodyStart: number, meta: DeckMeta): unknown {
  let value: unknown = meta.headingDivider
  const body = lines.slice(bodyStart).join('\n')
  for (const match of body.matchAll(/<!--([\s\S]*?)-->/g)) {
    if (!/headingDivider/.test(match[1] ?? '')) continue
    const directives = readDirectives(match[1] ?? '')
    if (directives && Object.hasOwn(directives, 'headingDivider')) value = directives.headingDivider
  }
  return value
}

/** Marpit's reading of `headingDivider`: `n` splits before levels 1…n, a list before those levels. */
export function headingLevels(value: unknown): number[] | undefined {
  const level = (item: unknown) => Number.parseInt(String(item), 10)
  if (Array.isArray(value)) {
    const levels = value.map(level).filter((n) => n >= 1 && n <= 6)
    return levels.length > 0 ? levels : undefined
  }
  const n = level(value)
  return n >= 1 && n <= 6 ? Array.from({ length: n }, (_, index) => index + 1) : undefined
}

/**
 * The slide's `backgroundColor`, `backgroundImage` and `color` directives as
 * lines of HTML at its top: a background, and a rule colouring the slide's
 * text (keyed by the colour, so it reaches the slide element, heading too).
 */
function directiveStyle(directives: Directives, line: number): Line[] {
  const text = (key: string) =>
    typeof directives[key] === 'string' ? safeCssValue(directives[key] as string) : undefined
  const background: Background = { images: [] }
  const color = text('backgroundColor')
  const image = text('backgroundImage')
  const url = image ? /^url\(\s*['"]?([^'")]+)['"]?\s*\)$/.exec(image)?.[1] : undefined
  if (url) background.images.push({ url })
  else if (image) background.color = image
  if (color && !background.color) background.color = color
  const html: string[] = []
  if (background.images.length > 0 || background.color) html.push(backgroundHtml(background))
  const textColor = text('color')
  if (textColor) {
    const key = hashString(textColor).slice(0, 10)
    html.push(`<style data-slidemark-scope="${key}">${colorRule(key, textColor)}</style>`)
  }
  return html.length > 0
    ? [
        { text: html.join(''), line },
        { text: '', line },
      ]
    : []
}

/** Text elements a theme colours itself: the colour directive wins over the theme there. */
const coloured = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, blockquote, figcaption, strong, em'

/** Marp's `color`: the slide element and its text elements, found by the style's key. */
function colorRule(key: string, color: string): string {
  const slide = `[aria-roledescription="slide"]:has(style[data-slidemark-scope="${key}"])`
  return `${slide}, ${slide} :is(${coloured}) { color: ${color} !important }`
}

/** Marp's `style` directive: CSS for every slide, `section` (Marp's slide element) read as Slidemark's. */
function withDeckStyle(slide: SlideSource, css: string, line: number): SlideSource {
  const rewritten = css
    .replace(/(^|[\s,>+~(}])section\b/g, '$1.slidemark [aria-roledescription="slide"]')
    .replace(/<\/style/gi, '<\\/style')
  const text = `<style>${rewritten.replace(/\n\s*\n/g, '\n')}</style>\n\n${slide.text}`
  const styleLines = text.split('\n').length - slide.text.split('\n').length
  const own = slide.text.split('\n').map((_, index) => deckLine(slide, index + 1))
  return { ...slide, text, lineMap: [...Array<number>(styleLines).fill(line), ...own] }
}

function slideLines(slide: SlideSource): Line[] {
  return slide.text.split('\n').map((text, index) => ({ text, line: slide.start + index }))
}

/**
 * Blank out comments (whole lines) whose YAML is a mapping of directives
 * only, calling `apply` for each; other comments stay (they are notes).
 */
function consumeDirectives(
  lines: Line[],
  apply: (key: string, value: unknown, line: number) => void,
): Line[] {
  const result = lines.map((entry) => ({ ...entry }))
  for (let index = 0; index < result.length; index++) {
    if (!/^[ \t]*<!--/.test(result[index]?.text ?? '')) continue
    let end = index
    while (end < result.length && !(result[end]?.text ?? '').includes('-->')) end++
    if (end === result.length || !/-->[ \t]*$/.test(result[end]?.text ?? '')) continue
    const body = result
      .slice(index, end + 1)
      .map((entry) => entry.text)
      .join('\n')
      .replace(/^[ \t]*<!--/, '')
      .replace(/-->[ \t]*$/, '')
    const directives = readDirectives(body)
    if (directives) {
      for (const [key, value] of Object.entries(directives))
        apply(key, value, result[index]?.line ?? 1)
      for (let blank = index; blank <= end; blank++) (result[blank] as Line).text = ''
    }
    index = end
  }
  return result
}

/**
 * The front matter's directives whose values YAML misread (a colour read as
 * a comment, so `null`), read loosely as Marpit does.
 */
function looseFrontMatter(lines: readonly string[], bodyStart: number): Directives {
  if (bodyStart < 2) return {}
  const loose: Directives = {}
  for (const line of lines.slice(1, bodyStart - 1)) {
    const quoted = looseYaml(line)
    if (quoted === line) continue
    const directives = readDirectives(quoted)
    if (directives) Object.assign(loose, directives)
  }
  return loose
}

function readDirectives(body: string): Directives | undefined {
  let value: unknown
  try {
    value = parseYaml(looseYaml(body))
  } catch {
    return undefined
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
  const keys = Object.keys(value)
  const isDirective = (key: string) =>
    globalDirectives.has(key) || localDirectives.has(key.replace(/^_/, ''))
  return keys.length > 0 && keys.every(isDirective) ? (value as Directives) : undefined
}

function withDirectives(source: SlideSource, directives: Directives): SlideSource {
  // Marpit joins a list (`class: [lead, invert]`) with spaces.
  const names = Array.isArray(directives.class) ? directives.class.join(' ') : directives.class
  const classes = typeof names === 'string' ? names.split(/\s+/).filter(Boolean) : []
  if (classes.length > 0) source.classes = classes
  const running: NonNullable<SlideSource['running']> = {}
  if (typeof directives.header === 'string' && directives.header !== '')
    running.header = directives.header
  if (typeof directives.footer === 'string' && directives.footer !== '')
    running.footer = directives.footer
  if (directives.paginate === true) running.pageNumber = true
  if (Object.keys(running).length > 0) source.running = running
  return source
}
