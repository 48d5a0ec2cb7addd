/**
 * Several Shiki themes from one tokenizing pass.
 *
 * Shiki's `codeToHtml(code, { themes })` tokenizes the code once per theme
 * (`codeToTokensWithThemes`): the grammar's regular expressions run twice
 * for a light and a dark theme, although only the colours differ. Here the
 * grammar runs once, with a theme that stands for all of them: every scope
 * path gets one id for the tuple of what each theme resolves there
 * (foreground, font style, background, inherited the way vscode-textmate
 * inherits them). Tokens then split exactly where any theme's would, which
 * is what Shiki's `alignThemesTokenization` makes of the separate passes, so
 * the HTML is the same string (test/highlight-one-pass.test.ts compares
 * them on every grammar the fixtures use).
 *
 * Only the plain case takes this path (several themes, no transformers, no
 * grammar state, default whitespace merging); anything else, or anything
 * unexpected inside Shiki, returns `undefined` and the caller uses Shiki's own
 * `codeToHtml`.
 */
import type { Root as HastRoot } from 'hast'
import {
  applyColorReplacements,
  type CodeOptionsMultipleThemes,
  type CodeToHastOptions,
  flatTokenVariants,
  hastToHtml,
  isNoneTheme,
  isPlainLang,
  resolveColorReplacements,
  splitLines,
  type ThemedToken,
  type ThemedTokenWithVariants,
  type ThemeRegistrationResolved,
  tokensToHast,
} from 'shiki'
import { INITIAL, Theme } from 'shiki/textmate'
import type { Highlighter } from './highlighter.js'

/** What one theme resolves on a scope path: font style, foreground and background colour ids. */
interface Resolved {
  fontStyle: number
  foreground: number
  background: number
}

/** vscode-textmate's `StyleAttributes` as `Theme.match` returns it (null: no rule matched). */
interface StyleAttributes {
  fontStyle: number
  foregroundId: number
  backgroundId: number
}

/** vscode-textmate's `ScopeStack`: a scope name and the path above it. */
interface ScopePath {
  parent: ScopePath | null
  scopeName: string
}

/** The foreground id takes 9 bits of a token's metadata: at most this many tuples. */
const maxTupleId = 511

/** Where vscode-textmate keeps the foreground id in a token's metadata (`EncodedTokenMetadata`). */
function foregroundOf(metadata: number): number {
  return (metadata & 0b1111_1111_1000_0000_0000_0000) >>> 15
}

/** vscode-textmate's `FontStyle` bits that keep whitespace from merging into the next token. */
const underline = 4
const strikethrough = 8

class TupleOverflow extends Error {}

/**
 * A vscode-textmate theme whose "colour" on each scope path is the id of
 * the tuple every theme in `themes` resolves there. Ids are kept for the
 * life of the highlighter, so a deck's code blocks share them.
 */
class TupleTheme {
  readonly tuples: Resolved[][] = [[]]
  private readonly ids = new Map<string, number>()
  private readonly resolved = new WeakMap<ScopePath, Resolved[]>()
  private readonly attributesOf = new WeakMap<Resolved[], StyleAttributes>()
  private readonly defaults: Resolved[]

  constructor(readonly themes: Theme[]) {
    this.defaults = themes.map((theme) => {
      const { fontStyle, foregroundId, backgroundId } = theme.getDefaults() as StyleAttributes
      return { fontStyle, foreground: foregroundId, background: backgroundId }
    })
  }

  getDefaults(): StyleAttributes {
    return this.attributes(this.defaults)
  }

  match(path: ScopePath | null): StyleAttributes {
    return this.attributes(this.resolve(path))
  }

  getColorMap(): string[] {
    return []
  }

  /** Each theme's attributes on `path`, inherited from the path above where a theme sets none. */
  private resolve(path: ScopePath | null): Resolved[] {
    if (path === null) return this.defaults
    let known = this.resolved.get(path)
    if (known) return known
    const above = this.resolve(path.parent)
    known = this.themes.map((theme, index) =>
      inherit(above[index] as Resolved, theme.match(path as never) as StyleAttributes | null),
    )
    this.resolved.set(path, known)
    return known
  }

  /**
   * The tuple as vscode-textmate style attributes: its id as the foreground,
   * nothing else set. Known per tuple array too (`resolve` keeps one per
   * scope path), so a match asked again builds no key.
   */
  private attributes(tuple: Resolved[]): StyleAttributes {
    let attributes = this.attributesOf.get(tuple)
    if (attributes) return attributes
    const key = tuple.map((t) => `${t.fontStyle},${t.foreground},${t.background}`).join(';')
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.tuples.length
      if (id > maxTupleId)
        throw new TupleOverflow('more colour combinations than token metadata holds')
      this.tuples.push(tuple)
      this.ids.set(key, id)
    }
    attributes = { fontStyle: 0, foregroundId: id, backgroundId: 0 }
    this.attributesOf.set(tuple, attributes)
    return attributes
  }
}

/** vscode-textmate's `mergeAttributes`, for one theme: what a rule sets wins, the rest is inherited. */
function inherit(above: Resolved, style: StyleAttributes | null): Resolved {
  if (style === null) return above
  return {
    fontStyle: style.fontStyle !== -1 ? style.fontStyle : above.fontStyle,
    foreground: style.foregroundId !== 0 ? style.foregroundId : above.foreground,
    background: style.backgroundId !== 0 ? style.backgroundId : above.background,
  }
}

/** One tuple theme per highlighter and list of theme names, with each theme's colour map. */
interface Prepared {
  tuple: TupleTheme
  colorMaps: string[][]
}
const prepared = new WeakMap<object, Map<string, Prepared | null>>()

function prepare(
  internal: object,
  names: string[],
  resolved: ThemeRegistrationResolved[],
): Prepared | null {
  let byNames = prepared.get(internal)
  if (!byNames) {
    byNames = new Map()
    prepared.set(internal, byNames)
  }
  const key = names.join('\0')
  let entry = byNames.get(key)
  if (entry === undefined) {
    const themes = resolved.map((theme) => Theme.createFromRawTheme(theme as never))
    entry = { tuple: new TupleTheme(themes), colorMaps: themes.map((theme) => theme.getColorMap()) }
    byNames.set(key, entry)
  }
  return entry
}

/** Drops a tuple theme that ran out of ids: that highlighter takes Shiki's path from then on. */
function retire(internal: object, names: string[]): void {
  prepared.get(internal)?.set(names.join('\0'), null)
}

/** The options this path reproduces exactly; anything else goes to Shiki. */
const handledOptions = new Set([
  'lang',
  'meta',
  'themes',
  'defaultColor',
  'cssVariablePrefix',
  'colorsRendering',
  'transformers',
  'tokenizeTimeLimit',
  'tokenizeMaxLineLength',
  'tabindex',
  'structure',
  'rootStyle',
  'colorReplacements',
])

/** The parts of Shiki's primitive this path calls (`highlighter.getInternalContext()`). */
interface Internal {
  getTheme(name: string): ThemeRegistrationResolved
  getLanguage(name: string): Grammar
  resolveLangAlias(name: string): string
}

interface Grammar {
  tokenizeLine2(
    line: string,
    state: unknown,
    timeLimit?: number,
  ): { tokens: Uint32Array; ruleStack: unknown; stoppedEarly: boolean }
  readonly themeProvider: { setTheme(theme: unknown): void; _theme?: unknown }
}

/**
 * `highlighter.codeToHtml(code, options)` with the grammar run once for all
 * of `options.themes`; `undefined` when these options are not the plain case.
 */
export function codeToHtmlOnePass(
  highlighter: Highlighter,
  code: string,
  options: CodeToHastOptions,
): string | undefined {
  const hast = codeToHastOnePass(highlighter, code, options)
  return hast && hastToHtml(hast)
}

/**
 * The tree `codeToHtmlOnePass` writes out: Shiki's hast, whose properties
 * are attribute names and strings (`class`, `tabindex`).
 */
export function codeToHastOnePass(
  highlighter: Highlighter,
  code: string,
  options: CodeToHastOptions,
): HastRoot | undefined {
  if (!isPlainCase(options)) return undefined
  const multi = options as CodeToHastOptions & CodeOptionsMultipleThemes
  const internal = highlighter.getInternalContext() as unknown as Internal
  const lang = internal.resolveLangAlias(String(options.lang || 'text'))
  const { defaultColor = 'light', cssVariablePrefix = '--shiki-' } = multi
  const colorsRendering = multi.colorsRendering ?? 'css-vars'
  const themes = Object.entries(multi.themes ?? {})
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([color, theme]) => ({ color, theme }))
    .sort((a, b) => (a.color === defaultColor ? -1 : b.color === defaultColor ? 1 : 0))
  if (themes.length < 2 || isPlainLang(lang) || lang === 'ansi') return undefined
  if (themes.some(({ theme }) => isNoneTheme(theme))) return undefined
  const names = themes.map((t) => t.theme)
  const order = themes.map((t) => t.color)
  const flatten: Flattening = {
    key: JSON.stringify([order, cssVariablePrefix, defaultColor, colorsRendering]),
    line: (line) =>
      mergeWhitespaceLine(
        line.map((token) =>
          flatTokenVariants(token, order, cssVariablePrefix, defaultColor, colorsRendering),
        ),
      ),
  }
  let tokens: ThemedToken[][]
  let registrations: ThemeRegistrationResolved[]
  try {
    registrations = names.map((name) => internal.getTheme(name))
    const ready = prepare(internal, names, registrations)
    if (!ready) return undefined
    const grammar = internal.getLanguage(lang)
    tokens = tokenize(code, grammar, ready, themes, registrations, options, flatten)
  } catch (error) {
    if (error instanceof TupleOverflow) retire(internal, names)
    return undefined // Shiki's own call gives its own result or error
  }
  const replacements = themes.map((t) => resolveColorReplacements(t.theme, options))
  const colors = (property: 'fg' | 'bg') =>
    themes
      .map((t, index) => {
        const registration = registrations[index] as ThemeRegistrationResolved
        const value =
          applyColorReplacements(registration[property], replacements[index]) || 'inherit'
        const cssVar = `${cssVariablePrefix + t.color}${property === 'bg' ? '-bg' : ''}:${value}`
        if (index === 0 && defaultColor) return value
        return colorsRendering === 'css-vars' ? cssVar : null
      })
      .filter(Boolean)
      .join(';')
  const fg = colors('fg')
  const bg = colors('bg')
  const rootStyle = defaultColor ? undefined : [fg, bg].join(';')
  const hast = tokensToHast(
    tokens,
    {
      ...options,
      fg,
      bg,
      themeName: `shiki-themes ${registrations.map((t) => t.name).join(' ')}`,
      rootStyle: options.rootStyle === false ? false : (options.rootStyle ?? rootStyle),
    } as never,
    { meta: {}, options, source: code } as never,
  )
  return hast
}

function isPlainCase(options: CodeToHastOptions): boolean {
  if (!('themes' in options) || !options.themes) return false
  if ((options as CodeOptionsMultipleThemes).defaultColor === 'light-dark()') return false
  if (options.transformers && options.transformers.length > 0) return false
  return Object.keys(options).every((key) => handledOptions.has(key))
}

/**
 * Tokens with one variant per theme, as `codeToTokensWithThemes` gives them:
 * the grammar runs with the tuple theme set on its registry (and the theme
 * that was there put back after).
 */
function tokenize(
  code: string,
  grammar: Grammar,
  { tuple, colorMaps }: Prepared,
  themes: Array<{ color: string; theme: string }>,
  registrations: ThemeRegistrationResolved[],
  options: CodeToHastOptions,
  flatten: Flattening,
): ThemedToken[][] {
  const provider = grammar.themeProvider
  if (!provider || typeof provider.setTheme !== 'function' || provider._theme === undefined) {
    throw new Error('Shiki internals changed: no theme provider to swap')
  }
  const { tokenizeMaxLineLength = 0, tokenizeTimeLimit = 500 } = options
  const replacements = registrations.map((theme) => resolveColorReplacements(theme, options))
  const previous = provider._theme
  provider.setTheme(tuple)
  try {
    const memo = lineMemo(grammar, tuple, JSON.stringify(replacements))
    let state: unknown = INITIAL
    return splitLines(code).map(([line, lineOffset]): ThemedToken[] => {
      if (line === '') return []
      if (tokenizeMaxLineLength > 0 && line.length >= tokenizeMaxLineLength) {
        const variants = Object.fromEntries(
          themes.map((t) => [t.color, { color: '', fontStyle: 0 }]),
        )
        return flatten.line([{ content: line, offset: lineOffset, variants }])
      }
      let known = memo.find(line, state)
      if (!known) {
        const result = grammar.tokenizeLine2(line, state, tokenizeTimeLimit)
        const tokens = themedTokens(line, result.tokens, tuple, colorMaps, themes, replacements)
        known = { state, tokens, next: result.ruleStack, flat: new Map() }
        if (!result.stoppedEarly) memo.add(line, known)
      }
      state = known.next
      let flat = known.flat.get(flatten.key)
      if (!flat) {
        flat = flatten.line(known.tokens)
        known.flat.set(flatten.key, flat)
      }
      return flat.map((token) => ({ ...token, offset: lineOffset + token.offset }))
    })
  } finally {
    provider.setTheme(previous)
  }
}

/**
 * One line's tokens, with offsets from the line's start: `tokenizeLine2`'s
 * binary tokens read through the tuple theme, one variant per theme.
 */
function themedTokens(
  line: string,
  binary: Uint32Array,
  tuple: TupleTheme,
  colorMaps: string[][],
  themes: Array<{ color: string; theme: string }>,
  replacements: ReturnType<typeof resolveColorReplacements>[],
): ThemedTokenWithVariants[] {
  const count = binary.length / 2
  const out: ThemedTokenWithVariants[] = []
  for (let j = 0; j < count; j++) {
    const start = binary[2 * j] as number
    const end = j + 1 < count ? (binary[2 * j + 2] as number) : line.length
    if (start === end) continue
    const id = foregroundOf(binary[2 * j + 1] as number)
    const resolved = tuple.tuples[id]
    if (!resolved || resolved.length !== themes.length) throw new Error(`no colour tuple ${id}`)
    const variants: ThemedTokenWithVariants['variants'] = {}
    themes.forEach((t, index) => {
      const r = resolved[index] as Resolved
      const color = (colorMaps[index] as string[])[r.foreground]
      variants[t.color] = {
        color: applyColorReplacements(color as string, replacements[index]),
        fontStyle: r.fontStyle,
      } as ThemedToken
    })
    out.push({ content: line.substring(start, end), offset: start, variants })
  }
  return out
}

/** A line tokenized from `state`: its tokens (offsets from the line's start) and the state after. */
interface KnownLine {
  state: unknown
  tokens: ThemedTokenWithVariants[]
  next: unknown
  /** The tokens flattened and merged as `codeToHast` shows them, by `Flattening.key`. */
  flat: Map<string, ThemedToken[]>
}

/** How a line's tokens become what `tokensToHast` takes, and a key for those options. */
interface Flattening {
  key: string
  line: (tokens: ThemedTokenWithVariants[]) => ThemedToken[]
}

/** Lines a memo keeps before it starts over, and states kept per line text. */
const memoLines = 20_000
const statesPerLine = 8

/**
 * Lines already tokenized by one grammar under one tuple theme. A line's
 * tokens and the state after it depend only on its text and the state
 * before it, so a line met again in the same state (boilerplate such as
 * `}` or `import`, a code block repeated on the next slide with one line
 * changed) is not tokenized again. States match when they are the same
 * object or equal in every field that tokenizing reads (`sameState`); the
 * start of a block (`INITIAL`) matches only itself, as it is the only state
 * in which `\A` matches.
 */
class LineMemo {
  private readonly lines = new Map<string, KnownLine[]>()
  private size = 0

  find(line: string, state: unknown): KnownLine | undefined {
    const known = this.lines.get(line)
    if (!known) return undefined
    for (const entry of known) if (entry.state === state) return entry
    if (state === INITIAL) return undefined
    return known.find((entry) => entry.state !== INITIAL && sameState(entry.state, state))
  }

  add(line: string, entry: KnownLine): void {
    if (this.size >= memoLines) {
      this.lines.clear()
      this.size = 0
    }
    const known = this.lines.get(line)
    if (!known) this.lines.set(line, [entry])
    else if (known.length < statesPerLine) known.push(entry)
    else return
    this.size++
  }
}

const memos = new WeakMap<object, WeakMap<TupleTheme, Map<string, LineMemo>>>()

/** The memo of `grammar` under `tuple` with the colour replacements keyed `replaced`. */
function lineMemo(grammar: object, tuple: TupleTheme, replaced: string): LineMemo {
  let byTuple = memos.get(grammar)
  if (!byTuple) {
    byTuple = new WeakMap()
    memos.set(grammar, byTuple)
  }
  let byReplacements = byTuple.get(tuple)
  if (!byReplacements) {
    byReplacements = new Map()
    byTuple.set(tuple, byReplacements)
  }
  let memo = byReplacements.get(replaced)
  if (!memo) {
    memo = new LineMemo()
    byReplacements.set(replaced, memo)
  }
  return memo
}

/** vscode-textmate's `StateStackImpl`, the fields tokenizing a line reads. */
interface StateFrame {
  parent: StateFrame | null
  depth: number
  ruleId: number
  endRule: string | null
  beginRuleCapturedEOL: boolean
  nameScopesList: ScopeFrame | null
  contentNameScopesList: ScopeFrame | null
}

/** vscode-textmate's `AttributedScopeStack`: a scope name, its token attributes, the scopes above. */
interface ScopeFrame {
  parent: ScopeFrame | null
  scopeName: string
  tokenAttributes: number
}

/**
 * Whether two states tokenize the next line alike: every frame's rule, end
 * rule (with its back-references filled in), EOL capture and both scope
 * lists, names and attributes, all the way down. (vscode-textmate's own
 * `equals` skips the scopes of lower frames, which a pop brings back.)
 */
function sameState(a: unknown, b: unknown): boolean {
  let x = a as StateFrame | null
  let y = b as StateFrame | null
  while (x !== y) {
    if (!x || !y) return false
    if (x.depth !== y.depth || x.ruleId !== y.ruleId || x.endRule !== y.endRule) return false
    if (x.beginRuleCapturedEOL !== y.beginRuleCapturedEOL) return false
    if (!sameScopes(x.nameScopesList, y.nameScopesList)) return false
    if (!sameScopes(x.contentNameScopesList, y.contentNameScopesList)) return false
    x = x.parent
    y = y.parent
  }
  return true
}

function sameScopes(a: ScopeFrame | null, b: ScopeFrame | null): boolean {
  let x = a
  let y = b
  while (x !== y) {
    if (!x || !y) return false
    if (x.scopeName !== y.scopeName || x.tokenAttributes !== y.tokenAttributes) return false
    x = x.parent
    y = y.parent
  }
  return true
}

/** Shiki's `mergeWhitespaceTokens` (codeToHast's default) on one line: whitespace joins the token after it. */
function mergeWhitespaceLine(line: ThemedToken[]): ThemedToken[] {
  const merged: ThemedToken[] = []
  let carried = ''
  let firstOffset: number | undefined
  line.forEach((token, index) => {
    const decorated =
      token.fontStyle && (token.fontStyle & underline || token.fontStyle & strikethrough)
    if (!decorated && /^\s+$/.test(token.content) && line[index + 1]) {
      firstOffset ??= token.offset
      carried += token.content
    } else if (carried) {
      if (!decorated) {
        merged.push({ ...token, offset: firstOffset as number, content: carried + token.content })
      } else {
        merged.push({ content: carried, offset: firstOffset as number }, token)
      }
      firstOffset = undefined
      carried = ''
    } else {
      merged.push(token)
    }
  })
  return merged
}
