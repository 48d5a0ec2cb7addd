import { parse as parseYaml } from 'yaml'
import type { DeckMeta } from '../types.js'
import { frontMatterKeyLine } from './format-detect.js'
import type { Line, PreparedDeck } from './format-lines.js'
import { type PlacedMessage, placedMessage, ruleIds } from './messages.js'
import { type SlideSource, slideFromLines, splitSlides } from './split.js'

/** Marpit's global directives (front matter or any slide; they apply to the deck). */
const globalDirectives = new Set([
  'theme',
  'style',
  'headingDivider',
  'size',
  'math',
  'title',
  'description',
  'author',
  'image',
  'keywords',
  'url',
  'marp',
  'lang',
  'transition',
])
/** Marpit's local directives: they apply to this slide and the ones after; `_name` to this slide only. */
const localDirectives = new Set([
  'paginate',
  'header',
  'footer',
  'class',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'color',
])
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
  const inherited: Directives = {}
  for (const [key, value] of Object.entries(meta))
    if (localDirectives.has(key)) inherited[key] = value
  let themeLine = frontMatterKeyLine(lines, bodyStart, 'theme')

  const slides = splitSlides(lines, { from: bodyStart, compat: false }).flatMap((slide) => {
    const own: Directives = {}
    const kept = consumeDirectives(slideLines(slide), (key, value, line) => {
      if (globalDirectives.has(key)) {
        deckMeta[key] = value
        if (key === 'theme') themeLine = line
      } else if (key.startsWith('_')) own[key.slice(1)] = value
      else {
        inherited[key] = value
        own[key] = value
      }
    })
    const source = slideFromLines(kept)
    if (!source) return []
    return [withDirectives(source, { ...inherited, ...own })]
  })

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
  return { slides, messages, meta: deckMeta }
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

function readDirectives(body: string): Directives | undefined {
  let value: unknown
  try {
    value = parseYaml(body)
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
  const classes =
    typeof directives.class === 'string' ? directives.class.split(/\s+/).filter(Boolean) : []
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
