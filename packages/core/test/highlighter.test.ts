import { readdirSync, readFileSync } from 'node:fs'
import { createHighlighter, createJavaScriptRegexEngine, createOnigurumaEngine } from 'shiki'
import { describe, expect, test } from 'vitest'
import { compile } from '../src/index.js'
import { defaultEngine, getSharedHighlighter } from '../src/lib/highlighter.js'
import { isKnownLanguage } from '../src/lib/remark-code-languages.js'

const themes = { light: 'github-light', dark: 'github-dark' }

/** Every highlighted code block in our fixture decks: fenced with a language, or `!lang`. */
function fixtureCodeBlocks(): Array<{ lang: string; code: string }> {
  const root = new URL('./fixtures/', import.meta.url)
  const blocks: Array<{ lang: string; code: string }> = []
  for (const name of readdirSync(root)) {
    const text = readFileSync(new URL(`${name}/input.slides.md`, root), 'utf8').replace(
      /\r\n/g,
      '\n',
    )
    for (const match of text.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```/gm)) {
      blocks.push({ lang: match[1] as string, code: match[2] as string })
    }
    for (const match of text.matchAll(/^ {4}!(\w+)\n((?: {4}.*\n|\n)*)/gm)) {
      blocks.push({
        lang: (match[1] as string).toLowerCase(),
        code: (match[2] as string).replace(/^ {4}/gm, ''),
      })
    }
  }
  return blocks.filter((block) => isKnownLanguage(block.lang))
}

describe('Shiki highlighter', () => {
  test(`the default ${defaultEngine} regex engine colours our fixtures exactly like Oniguruma`, async () => {
    const blocks = fixtureCodeBlocks()
    expect(blocks.length).toBeGreaterThan(10)
    const langs = [...new Set(blocks.map((block) => block.lang))]
    const [javascript, oniguruma] = await Promise.all([
      createHighlighter({
        themes: Object.values(themes),
        langs,
        engine: createJavaScriptRegexEngine({ forgiving: true }),
      }),
      createHighlighter({
        themes: Object.values(themes),
        langs,
        engine: createOnigurumaEngine(import('shiki/wasm')),
      }),
    ])
    for (const { lang, code } of blocks) {
      const options = { lang, themes, defaultColor: false as const, tokenizeTimeLimit: 0 }
      expect(javascript.codeToHtml(code, options), `${lang}: ${code.slice(0, 40)}`).toBe(
        oniguruma.codeToHtml(code, options),
      )
    }
    javascript.dispose()
    oniguruma.dispose()
  })

  test('concurrent callers share one highlighter', async () => {
    const [a, b] = await Promise.all([
      getSharedHighlighter(['github-light']),
      getSharedHighlighter(['github-dark']),
    ])
    expect(a).toBe(b)
    expect(a.getLoadedThemes()).toEqual(expect.arrayContaining(['github-light', 'github-dark']))
  })

  test('only the languages a deck uses are loaded', async () => {
    await compile('# A\n\n```python\nx = 1\n```\n\n    !ruby\n    puts 1', { cache: false })
    const highlighter = await getSharedHighlighter([themes.light, themes.dark])
    const loaded = highlighter.getLoadedLanguages()
    expect(loaded).toEqual(expect.arrayContaining(['python', 'ruby']))
    expect(loaded).not.toContain('rust')
    expect(loaded).not.toContain('haskell')
  })

  test('language names are case-insensitive and aliases work', async () => {
    const deck = await compile('# A\n\n```PY\nx = 1\n```\n\n```sh\nls\n```', { cache: false })
    expect(deck.messages).toEqual([])
    expect(deck.slides[0]?.content).toContain('data-language="py"')
    expect(deck.slides[0]?.content).toContain('data-language="sh"')
  })

  test('a 1 MB code line is left plain instead of hanging the tokenizer', async () => {
    const deck = await compile(`# A\n\n\`\`\`js\n${'a+'.repeat(500_000)}\n\`\`\``, { cache: false })
    expect(deck.slides[0]?.content).toContain('data-language="js"')
    expect(deck.messages).toEqual([])
  })
})
