import type { PluggableList } from 'unified'
import type { CompileOptions, DeckFormat, DeckMeta, SlideCache } from '../types.js'
import { type PlacedMessage, placedMessage, ruleIds } from './messages.js'

/** `CompileOptions` with every default filled in: the one place defaults live. */
export interface ResolvedOptions {
  filename: string | undefined
  themes: { light: string; dark: string }
  lineNumbers: boolean
  math: boolean
  compat: boolean
  /** `'auto'` until `compile()` has chosen the deck's format. */
  format: DeckFormat | 'auto'
  remarkPlugins: PluggableList
  rehypePlugins: PluggableList
  /** The cache to use, or `undefined` for none. */
  cache: SlideCache | undefined
}

export const defaultThemes = { light: 'github-light', dark: 'github-dark' } as const

export function resolveOptions(options: CompileOptions, defaultCache: SlideCache): ResolvedOptions {
  const {
    filename = undefined,
    themes = defaultThemes,
    lineNumbers = false,
    math = false,
    compat = true,
    format = 'auto',
    remarkPlugins = [],
    rehypePlugins = [],
    cache = undefined,
  } = options
  const hasUserPlugins = remarkPlugins.length > 0 || rehypePlugins.length > 0
  return {
    filename,
    themes: { light: themes.light, dark: themes.dark },
    lineNumbers,
    math,
    compat,
    format,
    remarkPlugins,
    rehypePlugins,
    // User plugins may depend on anything: only cache them in a cache the caller chose.
    cache: cache === false ? undefined : (cache ?? (hasUserPlugins ? undefined : defaultCache)),
  }
}

/** Options a deck's front matter may switch for itself. */
export const deckSwitches = ['lineNumbers', 'math'] as const

/**
 * A deck's own switches win over the options: `math: true` or
 * `lineNumbers: false` in its front matter. A switch that is not `true` or
 * `false` is an `invalid-deck-option` warning and is ignored.
 */
export function applyDeckSwitches(
  options: ResolvedOptions,
  meta: DeckMeta,
  /** The deck's lines, to place a warning on the switch's own line. */
  lines: readonly string[] = [],
): { options: ResolvedOptions; messages: PlacedMessage[] } {
  const messages: PlacedMessage[] = []
  let result = options
  for (const name of deckSwitches) {
    if (!Object.hasOwn(meta, name)) continue
    // Marp decks say `math: katex` (or `mathjax`): both mean math on.
    const value =
      name === 'math' && (meta[name] === 'katex' || meta[name] === 'mathjax') ? true : meta[name]
    if (typeof value === 'boolean') {
      if (value !== result[name]) result = { ...result, [name]: value }
      continue
    }
    const line = lines.findIndex((text) => new RegExp(`^${name}\\s*:`).test(text))
    messages.push(
      placedMessage(
        `Front matter \`${name}\` must be true or false, got ${JSON.stringify(value)}: ignored`,
        line === -1 ? 1 : line + 1,
        1,
        ruleIds.invalidDeckOption,
      ),
    )
  }
  const code = applyCodeTheme(result, meta, lines)
  return { options: code.options, messages: [...messages, ...code.messages] }
}

/** Code themes that want line numbers unless the deck says `lineNumbers: false`. */
const numberedCodeThemes = new Set(['pygments'])

/**
 * Front matter `codeTheme: NAME` sets the deck's light code theme (a Shiki
 * theme or Slidemark's own `pygments`, which also turns line numbers on
 * unless the deck says `lineNumbers:`). Anything but a name is an
 * `invalid-deck-option` warning; an unknown name is `unknown-theme` later.
 */
function applyCodeTheme(
  options: ResolvedOptions,
  meta: DeckMeta,
  lines: readonly string[],
): { options: ResolvedOptions; messages: PlacedMessage[] } {
  if (!Object.hasOwn(meta, 'codeTheme')) return { options, messages: [] }
  const value = meta.codeTheme
  if (typeof value !== 'string' || value.trim() === '') {
    const line = frontMatterLine(lines, 'codeTheme')
    const message = placedMessage(
      `Front matter \`codeTheme\` must be a theme name (e.g. pygments, github-light), got ${JSON.stringify(value)}: ignored`,
      line,
      1,
      ruleIds.invalidDeckOption,
    )
    return { options, messages: [message] }
  }
  const name = value.trim()
  const numbered = numberedCodeThemes.has(name) && !Object.hasOwn(meta, 'lineNumbers')
  return {
    options: {
      ...options,
      themes: { ...options.themes, light: name },
      lineNumbers: numbered || options.lineNumbers,
    },
    messages: [],
  }
}

/** The 1-based line of front matter key `name`, or 1 when it is not found. */
export function frontMatterLine(lines: readonly string[], name: string): number {
  const line = lines.findIndex((text) => new RegExp(`^${name}\\s*:`).test(text))
  return line === -1 ? 1 : line + 1
}
