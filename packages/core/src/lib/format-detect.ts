import type { DeckFormat, DeckMeta } from '../types.js'
import { type PlacedMessage, placedMessage, ruleIds } from './messages.js'

export const deckFormats: readonly DeckFormat[] = [
  'slidemark',
  'landslide',
  'remark',
  'reveal',
  'marp',
  'slidev',
]

export interface FormatChoice {
  format: DeckFormat
  /** How it was chosen: the compile option, the front matter's `format:`, detection, or nothing found. */
  from: 'option' | 'front-matter' | 'detected' | 'default'
  messages: PlacedMessage[]
}

/** Front matter keys only one tool uses. */
const slidevKeys = new Set([
  'highlighter',
  'drawings',
  'mdc',
  'colorSchema',
  'canvasWidth',
  'routerMode',
  'aspectRatio',
  'fonts',
  'hideInToc',
  'exportFilename',
  'info',
  'addons',
  'transition',
  'layout',
  'themeConfig',
  'monaco',
  'seoMeta',
])
const marpKeys = new Set(['paginate', 'headingDivider', 'header', 'footer', 'backgroundColor'])
const revealKeys = new Set(['revealOptions', 'separator', 'verticalSeparator'])
const marpThemes = new Set(['default', 'gaia', 'uncover'])
/** Keys of a remark slide's property lines that Slidev's per-slide front matter does not use. */
const remarkProperties =
  /^(?:name|template|count|exclude|background-image|layout:[ \t]*(?:true|false))[ \t]*:?/
const slidevSlideKeys =
  /^(?:layout|class|transition|hide|disabled|clicks|level|title|src|preload|routeAlias|zoom|dragPos|background|image|hideInToc)[ \t]*:/

const detectFence = /^ {0,3}(`{3,}|~{3,})/
/** What a line `detectFence` matches starts with. */
const fenceFirst = ' `~'
/** What a line an anchored line rule matches starts with. */
const ruleFirst = '?-. \tnN<#'

/**
 * Whether a line rule may match: an anchored one needs one of `ruleFirst`
 * first, the others a `<` or `v-click` in the line. Most lines of a deck
 * (text starting with a letter) are passed over without a regex.
 */
function mayVote(line: string): boolean {
  const first = line[0]
  if (first === undefined) return false
  return ruleFirst.includes(first) || line.includes('<') || line.includes('v-click')
}
const slideBreak = /^---[ \t]*$/
const propertyLine = /^[\w-]+:/

/** The votes a format needs before a deck is read as it. */
const minimumScore = 3

/** One line's vote for a format: `[format, weight]`. */
type Vote = [DeckFormat, number]

const lineRules: Array<[RegExp, Vote]> = [
  [/^\?\?\?[ \t]*$/, ['remark', 3]],
  [/^--[ \t]*$/, ['remark', 1]],
  [/^\.[a-zA-Z_-][\w-]*(?:\.[\w-]+)*\[/, ['remark', 1]],
  [/^[ \t]*notes?:/i, ['reveal', 1]],
  [/^----[ \t]*$/, ['reveal', 2]],
  [/<!--\s*\.(?:element|slide):/, ['reveal', 3]],
  [
    /^<!--\s*_?(?:class|paginate|header|footer|backgroundColor|backgroundImage|color|theme|headingDivider)\s*:/,
    ['marp', 3],
  ],
  [/<!--\s*fit\s*-->/, ['marp', 2]],
  [/<v-clicks?[\s>]|\sv-click(?:[\s=>]|$)/, ['slidev', 3]],
  [/^\.qr:/, ['landslide', 3]],
  [/^#+[ \t]*presenter notes[ \t]*#*[ \t]*$/i, ['landslide', 3]],
]

/**
 * Every line rule at once, case-insensitive: a line it does not match can
 * match none of them, so most lines of a deck are tested once instead of
 * once per rule (detection runs on every compile, a dev-server edit too).
 */
const anyLineRule = new RegExp(lineRules.map(([pattern]) => `(?:${pattern.source})`).join('|'), 'i')

/**
 * Choose the format a deck is read as: the compile option when it is not
 * `'auto'`, else the front matter's `format:`, else what the deck's own
 * syntax says (each tell-tale line votes; the most votes win, and at
 * least three are needed, so one `Note:` paragraph is not enough), else
 * `'slidemark'`. An unknown `format:` value is a warning at its line.
 */
export function chooseFormat(
  option: DeckFormat | 'auto' | undefined,
  meta: DeckMeta,
  lines: readonly string[],
  bodyStart: number,
): FormatChoice {
  if (option && option !== 'auto') return { format: option, from: 'option', messages: [] }
  const messages: PlacedMessage[] = []
  const declared = meta.format
  if (declared !== undefined) {
    if (typeof declared === 'string' && deckFormats.includes(declared as DeckFormat)) {
      return { format: declared as DeckFormat, from: 'front-matter', messages }
    }
    messages.push(
      placedMessage(
        `Unknown format \`${String(declared)}\`: expected one of ${deckFormats.join(', ')}; detecting it instead`,
        frontMatterKeyLine(lines, bodyStart, 'format'),
        1,
        ruleIds.unknownFormat,
      ),
    )
  }
  const format = detectFormat(meta, lines, bodyStart)
  return { format, from: format === 'slidemark' ? 'default' : 'detected', messages }
}

/** The format the deck's front matter and lines point to, `'slidemark'` when nothing does. */
export function detectFormat(
  meta: DeckMeta,
  lines: readonly string[],
  bodyStart: number,
): DeckFormat {
  if (meta.marp === true) return 'marp'
  const score = new Map<DeckFormat, number>()
  const vote = ([format, weight]: Vote) => score.set(format, (score.get(format) ?? 0) + weight)
  for (const key of Object.keys(meta)) {
    if (slidevKeys.has(key)) vote(['slidev', 2])
    if (marpKeys.has(key)) vote(['marp', 2])
    if (revealKeys.has(key)) vote(['reveal', 3])
  }
  if (typeof meta.theme === 'string' && marpThemes.has(meta.theme)) vote(['marp', 2])

  let fence: string | undefined
  for (let index = bodyStart; index < lines.length; index++) {
    const line = lines[index] ?? ''
    const first = line[0]
    const fenceMark = first && fenceFirst.includes(first) ? detectFence.exec(line)?.[1] : undefined
    if (fenceMark) {
      if (!fence) fence = fenceMark
      else if (fenceMark.startsWith(fence)) fence = undefined
      continue
    }
    if (fence) continue
    if (mayVote(line) && anyLineRule.test(line))
      for (const [pattern, rule] of lineRules) if (pattern.test(line)) vote(rule)
    if (first === '-' && slideBreak.test(line)) voteSlideHead(lines, index + 1, vote)
  }
  // One ordinary-looking line (`Note: …`, a `--` signature) is not enough to leave Slidemark.
  let best: DeckFormat = 'slidemark'
  let bestScore = minimumScore - 1
  for (const [format, value] of score) {
    if (value > bestScore) {
      best = format
      bestScore = value
    }
  }
  return best
}

/**
 * Everything `detectFormat` asks of one body line, as a string: replacing a
 * line with another of the same signature leaves the detected format as it
 * was (the front matter being the same). An edit's shortcut
 * (incremental.ts) relies on it.
 */
export function detectSignature(line: string): string {
  const votes = anyLineRule.test(line)
    ? lineRules.map(([pattern]) => (pattern.test(line) ? '1' : '0')).join('')
    : ''
  return [
    detectFence.exec(line)?.[1] ?? '',
    votes,
    slideBreak.test(line),
    propertyLine.test(line),
    remarkProperties.test(line),
    slidevSlideKeys.test(line),
  ].join(' ')
}

/**
 * Lines of `key: value` right after a `---`: a Slidev per-slide front matter
 * when a `---` closes them, remark's property lines when content follows
 * (or when they use keys only remark has).
 */
function voteSlideHead(lines: readonly string[], from: number, vote: (rule: Vote) => void): void {
  let index = from
  let remarkOnly = false
  let slidevOnly = true
  while (index < lines.length && propertyLine.test(lines[index] ?? '')) {
    const line = lines[index] ?? ''
    if (remarkProperties.test(line)) remarkOnly = true
    if (!slidevSlideKeys.test(line)) slidevOnly = false
    index++
  }
  if (index === from) return
  const closed = slideBreak.test(lines[index] ?? '')
  if (remarkOnly) vote(['remark', 3])
  else if (closed && slidevOnly) vote(['slidev', 3])
  else if (!closed) vote(['remark', 1])
}

/** The 1-based deck line of a top-level `key:` in the front matter (1 when not found). */
export function frontMatterKeyLine(
  lines: readonly string[],
  bodyStart: number,
  key: string,
): number {
  const pattern = new RegExp(`^["']?${key}["']?[ \\t]*:`)
  for (let index = 1; index < bodyStart; index++) {
    if (pattern.test(lines[index] ?? '')) return index + 1
  }
  return 1
}
