import type { Root as HastRoot } from 'hast'
import {
  type CodeToHastOptions,
  createHighlighter,
  createJavaScriptRegexEngine,
  createOnigurumaEngine,
  type HighlighterGeneric,
  type ThemeRegistration,
} from 'shiki'
import { codeThemes, isOwnCodeTheme } from './code-themes.js'
import { codeToHastOnePass, codeToHtmlOnePass } from './highlight-one-pass.js'
import { asParsedTree, cloneTree } from './parsed-tree.js'
import { regexFromTable, useRegexTables } from './regex-table.js'

// biome-ignore lint/suspicious/noExplicitAny: Shiki's generic parameters are the bundled id unions.
export type Highlighter = HighlighterGeneric<any, any> & {
  /**
   * The tree rehype-pretty-code would parse `codeToHtml`'s output into, or
   * `undefined` when only parsing gives it (see parsed-tree.ts). Read by
   * Slidemark's patch of rehype-pretty-code (patches/ at the workspace
   * root); an unpatched one parses `codeToHtml`'s output, to the same tree.
   */
  codeToHtmlTree?: (code: string, options: CodeToHastOptions) => HastRoot | undefined
}
export type RegexEngineName = 'javascript' | 'oniguruma'

/**
 * The regex engine for the shared highlighter. Shiki's JavaScript engine
 * starts about 4× faster than Oniguruma (no WASM to compile) and gives the
 * same HTML on our fixtures (test/highlighter.test.ts compares them).
 */
export const defaultEngine: RegexEngineName = 'javascript'

const shared = new Map<RegexEngineName, Promise<Highlighter>>()

/**
 * Shiki stops tokenizing a line after 500 ms by default, and the first line
 * of a language also pays for compiling its grammar's regexes, so on a busy
 * machine the same code came out coloured differently from run to run. We
 * lift the time limit (0 = none: output must not depend on load) and leave
 * lines longer than `maxLineLength` untokenized instead, which keeps a
 * pathological line bounded.
 */
export const tokenizeTimeLimit = 0
export const maxLineLength = 20_000

/**
 * Code blocks each highlighter keeps, by code and options: decks repeat
 * a block from slide to slide (build-up steps, highlighted lines that move),
 * and Shiki's output depends on nothing else but the grammars and themes
 * loaded (a code block may embed another language), so the memo is cleared
 * whenever one is added. A call that throws is not kept.
 */
export const memoEntries = 512

/**
 * The highlighter with Slidemark's tokenizer limits applied to every
 * `codeToHtml` call, identical calls answered from a memo, and
 * `codeToHtmlTree`, which gives the parsed tree of the plain case without
 * HTML in between (memoized too; each caller gets its own copy).
 * `onLanguages` is told the loaded languages after each `loadLanguage`.
 */
export function withLimits(
  highlighter: Highlighter,
  onLanguages?: (loaded: string[]) => void,
): Highlighter {
  const memo = new Map<string, string>()
  const trees = new Map<string, HastRoot>()
  const limit = (options: CodeToHastOptions): CodeToHastOptions => ({
    tokenizeTimeLimit,
    tokenizeMaxLineLength: maxLineLength,
    ...options,
  })
  return {
    ...highlighter,
    codeToHtml: (code, options) => {
      const key = memoKey(code, options)
      const known = key === undefined ? undefined : memo.get(key)
      if (known !== undefined) return known
      const limited = limit(options)
      const html =
        codeToHtmlOnePass(highlighter, code, limited) ?? highlighter.codeToHtml(code, limited)
      if (key !== undefined) remember(memo, key, html)
      return html
    },
    codeToHtmlTree: (code, options) => {
      const key = memoKey(code, options)
      const known = key === undefined ? undefined : trees.get(key)
      if (known !== undefined) return cloneTree(known)
      const hast = codeToHastOnePass(highlighter, code, limit(options))
      const tree = hast && asParsedTree(hast)
      if (!tree || key === undefined) return tree
      remember(trees, key, tree)
      return cloneTree(tree)
    },
    loadLanguage: async (...langs) => {
      const before = highlighter.getLoadedLanguages().length
      await highlighter.loadLanguage(...langs)
      onLanguages?.(highlighter.getLoadedLanguages())
      if (highlighter.getLoadedLanguages().length !== before) {
        memo.clear()
        trees.clear()
      }
    },
    loadTheme: async (...themes) => {
      const before = highlighter.getLoadedThemes().length
      await highlighter.loadTheme(...themes)
      if (highlighter.getLoadedThemes().length !== before) {
        memo.clear()
        trees.clear()
      }
    },
  }
}

/**
 * What a `codeToHtml` result depends on. Meta keys starting with `_` (the
 * raw meta string rehype-pretty-code passes, which carries line
 * highlights) are only read by transformers; a call with transformers is
 * not memoized.
 */
function memoKey(code: string, options: object): string | undefined {
  const { transformers, meta, ...rest } = options as {
    transformers?: unknown[]
    meta?: Record<string, unknown>
  }
  if (transformers && transformers.length > 0) return undefined
  const shown = Object.entries(meta ?? {}).filter(([name]) => !name.startsWith('_'))
  try {
    return `${JSON.stringify([rest, shown])}\0${code}`
  } catch {
    return undefined // options that do not serialize: highlight every time
  }
}

function remember<T>(memo: Map<string, T>, key: string, value: T): void {
  memo.set(key, value)
  if (memo.size > memoEntries) memo.delete(memo.keys().next().value as string)
}

/** A Shiki theme name, or the registration of one of Slidemark's own themes (`pygments`). */
function themeToLoad(name: string): string | ThemeRegistration {
  return (isOwnCodeTheme(name) && codeThemes[name]) || name
}

/**
 * One Shiki highlighter per process (per engine), created on first use and
 * shared through its promise, so concurrent compiles wait for the same one.
 * It starts with no grammar: rehype-pretty-code loads the languages a deck
 * uses, and themes are loaded when asked for.
 */
export function getSharedHighlighter(
  themes: readonly string[],
  engine: RegexEngineName = defaultEngine,
): Promise<Highlighter> {
  let promise = shared.get(engine)
  if (!promise) {
    const javascript = engine === 'javascript'
    promise = createHighlighter({
      themes: themes.map(themeToLoad),
      langs: [],
      engine: javascript
        ? createJavaScriptRegexEngine({ forgiving: true, regexConstructor: regexFromTable })
        : createOnigurumaEngine(import('shiki/wasm')),
      // A grammar's regexes are built when it first tokenizes: its table is read by then.
    }).then((highlighter) => withLimits(highlighter, javascript ? useRegexTables : undefined))
    shared.set(engine, promise)
    promise.catch(() => shared.delete(engine))
  }
  return promise.then(async (highlighter) => {
    const loaded = highlighter.getLoadedThemes()
    const missing = themes.filter((theme) => !loaded.includes(theme))
    if (missing.length > 0) await highlighter.loadTheme(...(missing.map(themeToLoad) as never[]))
    return highlighter
  })
}
