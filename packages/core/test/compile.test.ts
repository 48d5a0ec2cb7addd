import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { compile } from '../src/index.js'

describe('compile', () => {
  test('a deck becomes slides with index, title, header, content, kind, steps and source', async () => {
    const deck = await compile('Talk\n\n---\n\n#First\n\nBody\n\n$$$$\n\nMore\n\n---\n\n#Segue\n')
    expect(
      deck.slides.map(({ index, title, kind, steps, source }) => ({
        index,
        title,
        kind,
        steps,
        source,
      })),
    ).toEqual([
      { index: 0, title: 'Talk', kind: 'title', steps: 1, source: { start: 1, end: 1 } },
      { index: 1, title: 'First', kind: 'content', steps: 2, source: { start: 5, end: 11 } },
      { index: 2, title: 'Segue', kind: 'segue', steps: 1, source: { start: 15, end: 15 } },
    ])
    expect(deck.slides[1]?.header).toBe('<h1>First</h1>')
    expect(deck.slides[1]?.content).toBe(
      '<p>Body</p>\n<div class="slidemark-step" data-step="1"><p>More</p></div>',
    )
  })

  test('an unknown language is a warning where its name is written, and the block is plain', async () => {
    const deck = await compile('# A\n\n---\n\n# B\n\n```nope\n<x>\n```\n', {
      filename: 'deck.slides.md',
    })
    expect(deck.messages).toEqual([
      {
        reason: 'Unknown language `nope`: the code block is shown without highlighting',
        file: 'deck.slides.md',
        line: 7,
        column: 4,
        severity: 'warning',
        ruleId: 'unknown-language',
        source: 'slidemark',
      },
    ])
    expect(deck.slides[1]?.content).toBe('<pre><code>&#x3C;x>\n</code></pre>')
  })

  test('a throwing remark plugin is an error at its slide, which shows its source escaped', async () => {
    const boom = () => (tree: Root) => {
      if (JSON.stringify(tree).includes('Broken')) throw new Error('boom')
    }
    const deck = await compile('# Fine\n\n---\n\n# Broken <b>\n', {
      remarkPlugins: [boom],
      filename: 'd.md',
    })
    expect(deck.slides[0]?.header).toBe('<h1>Fine</h1>')
    expect(deck.slides[1]?.content).toBe(
      '<pre class="slidemark-error"><code># Broken &lt;b&gt;</code></pre>',
    )
    expect(deck.messages).toEqual([
      expect.objectContaining({
        line: 5,
        column: 1,
        severity: 'error',
        ruleId: 'plugin-error',
        file: 'd.md',
      }),
    ])
    expect(deck.messages[0]?.reason).toContain('boom')
  })

  test('a throwing rehype plugin is caught the same way', async () => {
    const boom = () => () => {
      throw new Error('rehype boom')
    }
    const deck = await compile('# Only', { rehypePlugins: [boom] })
    expect(deck.slides).toHaveLength(1)
    expect(deck.messages[0]).toMatchObject({ ruleId: 'plugin-error', line: 1 })
  })

  test("user plugins' messages are placed in the deck, not in the slide", async () => {
    const warn = () => (tree: Root, file: VFile) => {
      const heading = tree.children[0]
      file.message('look here', { place: heading?.position, ruleId: 'my-rule', source: 'mine' })
    }
    const deck = await compile('# A\n\n---\n\n\n# B', { remarkPlugins: [warn] })
    expect(deck.messages.map((m) => [m.line, m.column, m.ruleId, m.severity])).toEqual([
      [1, 1, 'my-rule', 'warning'],
      [6, 1, 'my-rule', 'warning'],
    ])
  })

  test("a user plugin's file.fail() is an error at the place it names, in the deck", async () => {
    const fail = () => (tree: Root, file: VFile) => {
      if (JSON.stringify(tree).includes('Bad')) {
        file.fail('not allowed', { place: tree.children[1]?.position, ruleId: 'my-rule' })
      }
    }
    const deck = await compile('# A\n\n---\n\n# Bad\n\ntext', { remarkPlugins: [fail] })
    expect(deck.messages.map((m) => [m.line, m.column, m.ruleId, m.severity])).toEqual([
      [5, 1, 'plugin-error', 'error'],
      [7, 1, 'my-rule', 'error'],
    ])
  })

  test('rehype plugins run on the slide HTML', async () => {
    const addClass = () => (tree: import('hast').Root) => {
      for (const node of tree.children)
        if (node.type === 'element') node.properties.className = ['x']
    }
    const deck = await compile('# A\n\ntext', { rehypePlugins: [addClass] })
    expect(deck.slides[0]?.header).toBe('<h1 class="x">A</h1>')
    expect(deck.slides[0]?.content).toBe('<p class="x">text</p>')
  })

  test('never throws, whatever it is given', async () => {
    for (const input of [undefined, null, 42, {}, '\u0000', '\uD800', '#'.repeat(10_000)]) {
      const deck = await compile(input as unknown as string)
      expect(Array.isArray(deck.slides)).toBe(true)
    }
    const deck = await compile('# A', null as unknown as undefined)
    expect(deck.slides).toHaveLength(1)
  })

  test('compat: false reads plain CommonMark', async () => {
    const deck = await compile('#A\n\n    !python\n    x', { compat: false })
    expect(deck.slides[0]?.content).toBe('<p>#A</p>\n<pre><code>!python\nx\n</code></pre>')
  })

  test('lineNumbers marks code for numbering, the rehype-pretty-code way', async () => {
    const deck = await compile('# A\n\n```js\nlet a\nlet b\n```', { lineNumbers: true })
    expect(deck.slides[0]?.content).toContain('<code data-line-numbers=""')
    expect(deck.slides[0]?.content.match(/<span data-line="">/g)).toHaveLength(2)
    const off = await compile('# A\n\n```js\nlet a\n```')
    expect(off.slides[0]?.content).not.toContain('data-line-numbers')
  })

  test('light and dark themes are options', async () => {
    const deck = await compile('# A\n\n```js\nlet a\n```', {
      themes: { light: 'min-light', dark: 'nord' },
    })
    expect(deck.slides[0]?.content).toContain('data-theme="min-light nord"')
  })

  test('the BOM never reaches a title and CRLF lines keep their numbers', async () => {
    const deck = await compile('\uFEFFTitle\r\n\r\n---\r\n\r\n# Next\r\n')
    expect(deck.slides.map((s) => [s.title, s.source.start])).toEqual([
      ['Title', 1],
      ['Next', 5],
    ])
  })

  test('concurrent compiles of different decks do not mix their slides', async () => {
    const decks = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        compile(`# Deck ${n}\n\n\`\`\`python\nprint(${n})\n\`\`\``, { cache: false }),
      ),
    )
    decks.forEach((deck, n) => {
      expect(deck.slides[0]?.title).toBe(`Deck ${n}`)
      expect(deck.slides[0]?.content).toContain(`>${n}</span>`)
    })
  })
})
