import { readdirSync, readFileSync } from 'node:fs'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { compile, createMemoryCache, splitSlides } from '../src/index.js'
import { type Highlighter, withLimits } from '../src/lib/highlighter.js'
import { resolveOptions } from '../src/lib/options.js'
import {
  createSlideProcessor,
  getSlideProcessor,
  mayHaveCode,
  mayUseGfm,
  slideParser,
} from '../src/lib/processor.js'

/** The per-slide shortcuts of the pipeline must never change what a slide renders to. */

const options = resolveOptions({ format: 'slidemark' }, createMemoryCache())
const withGfm = createSlideProcessor(options, { gfm: true, code: true })
const withoutGfm = createSlideProcessor(options, { gfm: false, code: true })
const withoutCode = createSlideProcessor(options, { gfm: true, code: false })
const render = async (processor: typeof withGfm, text: string) =>
  String(await processor.process(text))

describe('GFM only where a slide may use it', () => {
  test.each([
    ['a table', '| Step | Cost |\n| --- | ---: |\n| parse | 3 ms |'],
    ['strikethrough', 'It was ~~slow~~ fast.'],
    ['a www. autolink', 'See WWW.example.com for more.'],
    ['an https autolink', 'Slides at https://example.com/talk today.'],
    ['an e-mail autolink', 'Write to speaker@example.org.'],
    ['a footnote', 'Claim[^1].\n\n[^1]: Source.'],
    ['a task list', '- [ ] draft\n- [x] rehearse'],
  ])('%s renders differently with GFM, and the pre-check sees it', async (_name, text) => {
    expect(await render(withGfm, text)).not.toBe(await render(withoutGfm, text))
    expect(mayUseGfm(text)).toBe(true)
  })

  /** Renders `text` the way compile() does: GFM or not as `slideParser` decides. */
  const parse = slideParser(options)
  const parsed = async (text: string) => {
    const file = new VFile(text)
    const { processor, tree } = parse(file)
    const html = processor.stringify(await processor.run(tree, file))
    const gfm = [true, false].some(
      (code) => processor === getSlideProcessor(options, { gfm: true, code }),
    )
    return { gfm, html }
  }

  test('every fixture slide renders the same as with GFM, and some skip GFM', async () => {
    const root = new URL('./fixtures/', import.meta.url)
    let skipped = 0
    for (const name of readdirSync(root)) {
      const deck = readFileSync(new URL(`${name}/input.slides.md`, root), 'utf8')
      for (const slide of splitSlides(deck.split(/\r\n|\r|\n/))) {
        const { gfm, html } = await parsed(slide.text)
        if (gfm) continue
        skipped++
        expect(html, `${name}: ${slide.text.slice(0, 60)}`).toBe(await render(withGfm, slide.text))
      }
    }
    expect(skipped).toBeGreaterThan(20)
  })

  test.each([
    [
      'a link destination',
      '[slides](https://example.com/_a_) and ![pic](https://img.example/y.png)',
    ],
    ['a <…> autolink', 'At <https://example.com> or <speaker@example.org>.'],
    [
      'code and HTML',
      '`www.example.com` and <a href="mailto:a@b.co">mail</a>\n\n    https://x.example',
    ],
    ['a definition', '[ref]\n\n[ref]: https://example.com "a@b.co"'],
  ])(
    'an autolink trigger outside the text (%s) parses without GFM, to the same HTML',
    async (_name, text) => {
      expect(mayUseGfm(text)).toBe(true)
      const { gfm, html } = await parsed(text)
      expect(gfm).toBe(false)
      expect(html).toBe(await render(withGfm, text))
    },
  )

  test.each([
    ['a bare URL beside a link', '[slides](https://example.com): https://example.com/b'],
    ['an escaped bracket', '\\[not a link](https://example.com/_a_)'],
    ['a URL in a link text', '[https://example.com](x)'],
    ['a URL in an image alt', '![see https://example.com](x.png)'],
    ['a URL after a <…> autolink', '<https://example.com> https://example.com/b'],
    ['an e-mail in emphasis', '*speaker@example.org*'],
  ])('an autolink trigger in the text (%s) parses with GFM', async (_name, text) => {
    const { gfm, html } = await parsed(text)
    expect(gfm).toBe(true)
    expect(html).toBe(await render(withGfm, text))
  })

  test('a slide without any trigger parses without GFM', async () => {
    expect(mayUseGfm('# Plain\n\nJust *text*, `code` and <b>HTML</b>.')).toBe(false)
    expect((await parsed('# Plain\n\nJust *text*.')).gfm).toBe(false)
  })
})

describe('rehype-pretty-code only where a slide may have code', () => {
  test.each([
    ['a fence', '```js\nlet a = 1\n```'],
    ['a tilde fence', '~~~python\nprint(1)\n~~~'],
    ['indented code', 'Text\n\n    x = 1'],
    ['indented code with a tab', 'Text\n\n\tx = 1'],
    ['indented code in a quote', '>     quoted = code'],
    ['indented code in a list item', '-     listed = code'],
    ['inline code with a language', 'Call `map(){:js}` here.'],
    ['raw pre and code', '<pre><code class="language-js">let a = 1</code></pre>'],
    ['a fence with a space before its language', '``` js\nlet a = 1\n```'],
  ])('%s renders to code, and the pre-check sees it', async (_name, text) => {
    expect(await render(withGfm, text)).toMatch(/<code[\s>]/)
    expect(mayHaveCode(text)).toBe(true)
  })

  test('a highlighted fence is what it changes', async () => {
    const text = '```js\nlet a = 1\n```'
    expect(await render(withoutCode, text)).not.toBe(await render(withGfm, text))
  })

  test('every fixture slide the pre-check passes over renders the same without it', async () => {
    const root = new URL('./fixtures/', import.meta.url)
    let skipped = 0
    for (const name of readdirSync(root)) {
      const deck = readFileSync(new URL(`${name}/input.slides.md`, root), 'utf8')
      for (const slide of splitSlides(deck.split(/\r\n|\r|\n/))) {
        if (mayHaveCode(slide.text)) continue
        skipped++
        expect(await render(withoutCode, slide.text), `${name}: ${slide.text.slice(0, 60)}`).toBe(
          await render(withGfm, slide.text),
        )
      }
    }
    expect(skipped).toBeGreaterThan(20)
  })

  test('text, lists, HTML and plain inline code skip it', async () => {
    const text = '# Plain\n\n- one `x`\n- two\n   - nested\n\n<b>bold</b>, *em* and `map()`'
    expect(mayHaveCode(text)).toBe(false)
    expect(await render(withoutCode, text)).toBe(await render(withGfm, text))
  })
})

describe('highlighted code blocks are memoized', () => {
  const theme = 'github-light'
  function fakeHighlighter() {
    const calls: string[] = []
    const languages = ['plaintext']
    const highlighter = {
      codeToHtml: (code: string, { lang }: { lang: string }) => {
        calls.push(code)
        if (!languages.includes(lang)) throw new Error(`no grammar for ${lang}`)
        return `<pre>${lang}:${code}:${languages.length}</pre>`
      },
      getLoadedLanguages: () => [...languages],
      loadLanguage: async (lang: string) => {
        if (!languages.includes(lang)) languages.push(lang)
      },
      getLoadedThemes: () => ['github-light'],
      loadTheme: async () => undefined,
    }
    return { calls, highlighter: withLimits(highlighter as unknown as Highlighter) }
  }

  test('the same code with other highlighted lines is tokenized once', () => {
    const { calls, highlighter } = fakeHighlighter()
    const first = highlighter.codeToHtml('x = 1', {
      theme,
      lang: 'plaintext',
      meta: { __raw: '{1}' },
    })
    const again = highlighter.codeToHtml('x = 1', {
      theme,
      lang: 'plaintext',
      meta: { __raw: '{2}' },
    })
    expect(again).toBe(first)
    expect(calls).toEqual(['x = 1'])
    highlighter.codeToHtml('x = 2', { theme, lang: 'plaintext' })
    expect(calls).toEqual(['x = 1', 'x = 2'])
  })

  test('a failed call is not kept, and a newly loaded grammar clears the memo', async () => {
    const { calls, highlighter } = fakeHighlighter()
    expect(() => highlighter.codeToHtml('puts 1', { theme, lang: 'ruby' })).toThrow('no grammar')
    highlighter.codeToHtml('x', { theme, lang: 'plaintext' })
    await highlighter.loadLanguage('plaintext')
    highlighter.codeToHtml('x', { theme, lang: 'plaintext' })
    expect(calls).toEqual(['puts 1', 'x'])
    await highlighter.loadLanguage('ruby')
    expect(highlighter.codeToHtml('x', { theme, lang: 'plaintext' })).toBe(
      '<pre>plaintext:x:2</pre>',
    )
    expect(highlighter.codeToHtml('puts 1', { theme, lang: 'ruby' })).toBe(
      '<pre>ruby:puts 1:2</pre>',
    )
  })

  test('a deck repeating a block over build-up slides renders each copy fully', async () => {
    const code = '```python LINES\ndef area(r):\n    return 3.14159 * r * r\n```'
    const source = ['{1}', '{2}'].map((lines) => `# Area\n\n${code.replace('LINES', lines)}`)
    const deck = await compile(source.join('\n\n---\n\n'), { cache: false })
    const highlighted = deck.slides.map((slide) =>
      slide.content
        .split('<span data-line')
        .slice(1)
        .map((line) => line.includes('data-highlighted-line')),
    )
    expect(highlighted).toEqual([
      [true, false],
      [false, true],
    ])
  })
})

describe('slide parts', () => {
  test('a raw element named like an Object property is an element, not a crash', async () => {
    const deck = await compile(
      '# Odd tags\n\n<constructor>a</constructor> <toString>b</toString>',
      {
        cache: false,
      },
    )
    expect(deck.messages).toEqual([])
    expect(deck.slides[0]?.content).toContain('<constructor>a</constructor>')
  })
})
