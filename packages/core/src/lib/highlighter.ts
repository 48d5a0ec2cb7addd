import {
  createHighlighter,
  createJavaScriptRegexEngine,
  createOnigurumaEngine,
  type HighlighterGeneric,
} from 'shiki'

// biome-ignore lint/suspicious/noExplicitAny: Shiki's generic parameters are the bundled id unions.
export type Highlighter = HighlighterGeneric<any, any>
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

/** The highlighter with Slidemark's tokenizer limits applied to every `codeToHtml` call. */
function withLimits(highlighter: Highlighter): Highlighter {
  return {
    ...highlighter,
    codeToHtml: (code, options) =>
      highlighter.codeToHtml(code, {
        tokenizeTimeLimit,
        tokenizeMaxLineLength: maxLineLength,
        ...options,
      }),
  }
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
    promise = createHighlighter({
      themes: [...themes],
      langs: [],
      engine:
        engine === 'javascript'
          ? createJavaScriptRegexEngine({ forgiving: true })
          : createOnigurumaEngine(import('shiki/wasm')),
    }).then(withLimits)
    shared.set(engine, promise)
    promise.catch(() => shared.delete(engine))
  }
  return promise.then(async (highlighter) => {
    const loaded = highlighter.getLoadedThemes()
    const missing = themes.filter((theme) => !loaded.includes(theme))
    if (missing.length > 0) await highlighter.loadTheme(...(missing as never[]))
    return highlighter
  })
}
