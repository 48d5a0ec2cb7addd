import { readdirSync, readFileSync } from 'node:fs'
import type { Element, Properties } from 'hast'
import rehypeParse from 'rehype-parse'
import { createHighlighter, createJavaScriptRegexEngine, hastToHtml } from 'shiki'
import { unified } from 'unified'
import { afterAll, describe, expect, test } from 'vitest'
import { codeThemes } from '../src/lib/code-themes.js'
import { codeToHastOnePass, codeToHtmlOnePass } from '../src/lib/highlight-one-pass.js'
import type { Highlighter } from '../src/lib/highlighter.js'
import { asParsedTree, cloneTree } from '../src/lib/parsed-tree.js'
import { isKnownLanguage } from '../src/lib/remark-code-languages.js'

/** Code blocks of our fixture decks, fenced or `!lang`. */
function fixtureBlocks(): Array<{ lang: string; code: string }> {
  const root = new URL('./fixtures/', import.meta.url)
  const blocks: Array<{ lang: string; code: string }> = []
  for (const name of readdirSync(root)) {
    const text = readFileSync(new URL(`${name}/input.slides.md`, root), 'utf8')
    for (const match of text.replace(/\r\n/g, '\n').matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```/gm)) {
      blocks.push({ lang: match[1] as string, code: match[2] as string })
    }
  }
  return blocks.filter((block) => isKnownLanguage(block.lang))
}

/** Written for this test: embedded grammars, backgrounds, decorations, odd lines. */
const ownBlocks: Array<{ lang: string; code: string }> = [
  {
    lang: 'html',
    code: '<!doctype html>\n<style>\n  .card > h2 { color: #c33; font: 700 1.2em/1 serif }\n</style>\n<script type="module">\n  const n = document.querySelectorAll(".card").length\n  console.log("cards: " + n)\n</script>\n<p class="card">日本語の<em>段落</em> &amp; more</p>',
  },
  {
    lang: 'diff',
    code: '--- a/queue.go\n+++ b/queue.go\n@@ -3,7 +3,7 @@\n-\treturn nil\n+\treturn errors.New("empty")\n context line',
  },
  {
    lang: 'go',
    code: 'package queue\n\n// Pop removes the oldest item.\nfunc (q *Queue[T]) Pop() (T, error) {\n\tvar zero T\n\tif len(q.items) == 0 {\n\t\treturn zero, fmt.Errorf("pop: %w", ErrEmpty)\n\t}\n\titem := q.items[0]\n\tq.items = q.items[1:]\n\treturn item, nil\n}',
  },
  {
    lang: 'rust',
    code: '#[derive(Debug)]\nenum Shape { Circle { r: f64 }, Square(f64) }\n\nimpl Shape {\n    fn area(&self) -> f64 {\n        match *self {\n            Shape::Circle { r } => std::f64::consts::PI * r * r,\n            Shape::Square(s) => s * s, // side²\n        }\n    }\n}',
  },
  {
    lang: 'markdown',
    code: '# Título con `código`\n\n> **Nota**: _cursiva_ y ~~tachado~~\n\n```python\nasync def main():\n    await asyncio.sleep(0.5)\n```\n\n- [x] hecho\n- [ ] pendiente',
  },
  {
    lang: 'python',
    code: `@dataclass(frozen=True)\nclass Point:\n    x: float\n    y: float = 0.0\n\n\n\ndef norm(p: Point) -> float:\n    """Length of p."""\n    return (p.x ** 2 + p.y ** 2) ** 0.5  # 長さ\n${'value = "x"; '.repeat(40)}`,
  },
  {
    lang: 'javascript',
    code: `const s = '${'a'.repeat(120)}'\n\n\n   \n\tlet x = /ab+c/gi.test(s) ? 1 : 0`,
  },
]

const themePairs = [
  { light: 'github-light', dark: 'github-dark' },
  { light: 'pygments', dark: 'github-dark' },
  { light: 'solarized-light', dark: 'monokai' },
  { light: 'vitesse-light', dark: 'vitesse-dark' },
]

const highlighters: Highlighter[] = []
afterAll(() => {
  for (const highlighter of highlighters) highlighter.dispose()
})

async function highlighterFor(themes: { light: string; dark: string }, langs: string[]) {
  const highlighter = await createHighlighter({
    themes: Object.values(themes).map((name) => codeThemes[name] ?? name),
    langs,
    engine: createJavaScriptRegexEngine({ forgiving: true }),
  })
  highlighters.push(highlighter)
  return highlighter
}

/** The options rehype-pretty-code passes, with Slidemark's tokenizer limits. */
function prettyCodeOptions(lang: string, themes: { light: string; dark: string }) {
  return {
    tokenizeTimeLimit: 0,
    tokenizeMaxLineLength: 200,
    lang,
    meta: { __raw: '{2} title="x"' },
    transformers: undefined,
    defaultColor: false as const,
    themes,
  }
}

describe('codeToHtmlOnePass', () => {
  const blocks = [...fixtureBlocks(), ...ownBlocks]
  const langs = [...new Set(blocks.map((block) => block.lang))]

  for (const themes of themePairs) {
    test(`gives the same HTML as Shiki's two passes with ${themes.light} and ${themes.dark}`, async () => {
      expect(blocks.length).toBeGreaterThan(15)
      const highlighter = await highlighterFor(themes, langs)
      for (const { lang, code } of blocks) {
        const options = prettyCodeOptions(lang, themes)
        const html = codeToHtmlOnePass(highlighter, code, options)
        expect(html, `${lang}: ${code.slice(0, 40)}`).toBe(highlighter.codeToHtml(code, options))
      }
    }, 120_000)
  }

  test('puts the theme back: single-theme calls on the same highlighter are unchanged', async () => {
    const themes = themePairs[0] as { light: string; dark: string }
    const highlighter = await highlighterFor(themes, ['go', 'python'])
    const code = (ownBlocks[2] as { code: string }).code
    const before = highlighter.codeToHtml(code, { lang: 'go', theme: 'github-dark' })
    codeToHtmlOnePass(highlighter, code, prettyCodeOptions('go', themes))
    expect(highlighter.codeToHtml(code, { lang: 'go', theme: 'github-dark' })).toBe(before)
    expect(highlighter.codeToHtml('x = 1', { lang: 'python', theme: 'github-dark' })).toContain(
      'color:#79B8FF',
    )
  })

  /** The same lines in other states: inside a comment, a string, a heredoc, another fence. */
  const sharedLines: Array<{ lang: string; code: string }> = [
    { lang: 'javascript', code: 'const a = 1\n}\nreturn a' },
    { lang: 'javascript', code: '/*\nconst a = 1\n}\n*/\nconst a = 1\n}' },
    { lang: 'javascript', code: 'const t = `\nconst a = 1\n${a}\n`\nconst a = 1' },
    { lang: 'html', code: '<script>\nconst a = 1\n</script>\nconst a = 1\n<style>\n}\n</style>' },
    { lang: 'python', code: 'x = """\nreturn a\n"""\nreturn a\n# return a\nreturn a' },
    { lang: 'markdown', code: '````js\nconst a = 1\n```\nconst a = 1\n````\nconst a = 1' },
    { lang: 'markdown', code: '```js\nconst a = 1\n```\nconst a = 1\n````\nconst a = 1' },
    { lang: 'bash', code: 'cat <<EOF\necho hi\nEND\nEOF\necho hi' },
    { lang: 'bash', code: 'cat <<END\necho hi\nEOF\nEND\necho hi' },
    { lang: 'javascript', code: 'const a = 1\n}\nreturn a' },
  ]

  test('a line met again in another state is tokenized again, as Shiki would', async () => {
    const langs = [...new Set(sharedLines.map((block) => block.lang))]
    for (const themes of themePairs.slice(0, 2)) {
      const highlighter = await highlighterFor(themes, langs)
      for (const { lang, code } of [...sharedLines, ...sharedLines.toReversed()]) {
        // Lines met again under other output options are written out for those options.
        for (const variant of [{}, { defaultColor: 'light' as const, cssVariablePrefix: '--x-' }]) {
          const options = { ...prettyCodeOptions(lang, themes), ...variant }
          const html = codeToHtmlOnePass(highlighter, code, options)
          expect(html, `${lang}: ${code}`).toBe(highlighter.codeToHtml(code, options))
        }
      }
    }
  })

  test('a line met again in the same state is not tokenized again', async () => {
    const themes = themePairs[0] as { light: string; dark: string }
    const highlighter = await highlighterFor(themes, ['go'])
    const grammar = highlighter.getLanguage('go') as unknown as { tokenizeLine2: () => unknown }
    const tokenizeLine2 = grammar.tokenizeLine2
    let calls = 0
    grammar.tokenizeLine2 = function (this: unknown, ...args: unknown[]) {
      calls++
      return tokenizeLine2.apply(this, args as never)
    }
    const code = (ownBlocks[2] as { code: string }).code
    const lines = code.split('\n').filter((line) => line !== '').length
    const options = prettyCodeOptions('go', themes)
    const first = codeToHtmlOnePass(highlighter, code, options)
    expect(calls).toBe(lines)
    expect(codeToHtmlOnePass(highlighter, code, options)).toBe(first)
    expect(calls).toBe(lines)
    const changed = code.replace('var zero T', 'var none T')
    const html = codeToHtmlOnePass(highlighter, changed, options)
    expect(calls).toBe(lines + 1)
    expect(html).toBe(highlighter.codeToHtml(changed, options))
    grammar.tokenizeLine2 = tokenizeLine2
  })

  test('declines what it does not reproduce, leaving it to Shiki', async () => {
    const themes = themePairs[0] as { light: string; dark: string }
    const highlighter = await highlighterFor(themes, ['go'])
    const base = prettyCodeOptions('go', themes)
    const declined = [
      { lang: 'go', theme: 'github-dark' },
      { ...base, lang: 'plaintext' },
      { ...base, lang: 'not-a-language' },
      { ...base, transformers: [{ name: 'spy' }] },
      { ...base, defaultColor: 'light-dark()' as const },
      { ...base, mergeWhitespaces: false },
    ]
    for (const options of declined) {
      expect(codeToHtmlOnePass(highlighter, 'x := 1', options as never)).toBeUndefined()
    }
  })
})

/** rehype-pretty-code's own parser of Shiki's HTML (positions dropped: they point into that HTML). */
const hastParser = unified().use(rehypeParse, { fragment: true })
function parsedHtml(html: string) {
  return JSON.parse(
    JSON.stringify(hastParser.parse(html), (key, value) =>
      key === 'position' ? undefined : value,
    ),
  )
}

describe('asParsedTree', () => {
  const odd = [
    {
      lang: 'javascript',
      code: 'const a = "<b>&amp;</b>" // 🎉 emoji 𝒳 and 日本語\n\n\t\ttab  \n  ',
    },
    { lang: 'html', code: '<pre>\n  <code>&lt;x&gt;</code>\n</pre>\n<!-- c -->' },
    { lang: 'python', code: '\n\nleading blank lines\n' },
    { lang: 'go', code: `x := "${'y'.repeat(250)}"` },
  ]
  const blocks = [...fixtureBlocks(), ...ownBlocks, ...odd]
  const langs = [...new Set(blocks.map((block) => block.lang))]

  for (const themes of themePairs) {
    test(`is the tree rehype-pretty-code parses the HTML into, with ${themes.light} and ${themes.dark}`, async () => {
      const highlighter = await highlighterFor(themes, langs)
      for (const { lang, code } of blocks) {
        const options = prettyCodeOptions(lang, themes)
        const hast = codeToHastOnePass(highlighter, code, options)
        const tree = hast && asParsedTree(hast)
        expect(tree, `${lang}: ${code.slice(0, 40)}`).toEqual(
          parsedHtml(codeToHtmlOnePass(highlighter, code, options) as string),
        )
      }
    }, 120_000)
  }

  test('declines what parsing HTML would change (NUL, CR, a lone surrogate, other attributes)', async () => {
    const themes = themePairs[0] as { light: string; dark: string }
    const highlighter = await highlighterFor(themes, ['javascript'])
    for (const code of ['a\0b', 'a\rb', 'a \uD800 b', 'a \uDC00']) {
      const hast = codeToHastOnePass(highlighter, code, prettyCodeOptions('javascript', themes))
      expect(hast && asParsedTree(hast), JSON.stringify(code)).toBeUndefined()
    }
    const others: Properties[] = [{ hidden: '' }, { tabindex: 0 }, { className: ['line'] }]
    for (const properties of others) {
      const span: Element = { type: 'element', tagName: 'span', properties, children: [] }
      expect(asParsedTree({ type: 'root', children: [span] })).toBeUndefined()
    }
  })

  test('reads attribute values as parsing the HTML would (spaced classes, odd tabindex)', () => {
    const values: Array<Record<string, string>> = [
      { class: '  line   highlighted\tx ', style: ' color: red ;', tabindex: '0' },
      { class: '', tabindex: '' },
      { class: '\u00a0a b\u00a0', tabindex: 'x' },
      { tabindex: ' 1 ', class: 'z' },
      { tabindex: '-2', style: '' },
    ]
    for (const properties of values) {
      const root = {
        type: 'root' as const,
        children: [
          {
            type: 'element' as const,
            tagName: 'span',
            properties,
            children: [{ type: 'text' as const, value: 'x' }],
          },
        ],
      }
      expect(asParsedTree(root), JSON.stringify(properties)).toEqual(parsedHtml(hastToHtml(root)))
    }
  })

  test('a copy shares nothing a change could reach', () => {
    const tree = asParsedTree({
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'span',
          properties: { class: 'line' },
          children: [{ type: 'text', value: 'x' }],
        },
      ],
    })
    if (!tree) throw new Error('expected a tree')
    const copy = cloneTree(tree)
    const span = copy.children[0] as {
      properties: { className: string[] }
      children: Array<{ value: string }>
    }
    span.properties.className.push('changed')
    ;(span.children[0] as { value: string }).value = 'y'
    expect(tree).toEqual(
      asParsedTree({
        type: 'root',
        children: [
          {
            type: 'element',
            tagName: 'span',
            properties: { class: 'line' },
            children: [{ type: 'text', value: 'x' }],
          },
        ],
      }),
    )
  })
})
