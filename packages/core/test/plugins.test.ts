import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { type PluggableList, unified } from 'unified'
import { describe, expect, test } from 'vitest'
import {
  remarkBangLang,
  remarkBuildSteps,
  remarkLaxHeadings,
  remarkSlideClasses,
  remarkSlideNotes,
} from '../src/index.js'

/** Each plugin must work in a plain unified pipeline, outside compile(). */
async function render(markdown: string, plugins: PluggableList) {
  const file = await unified()
    .use(remarkParse)
    .use(plugins)
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(markdown)
  return { html: String(file), data: file.data }
}

describe('remarkLaxHeadings', () => {
  test('`#Title` without a space is a heading', async () => {
    expect((await render('#Title', [remarkLaxHeadings])).html).toBe('<h1>Title</h1>')
  })

  test('without the plugin `#Title` stays a paragraph (CommonMark)', async () => {
    expect((await render('#Title', [])).html).toBe('<p>#Title</p>')
  })

  test('a `#` line inside a paragraph splits it into paragraph, heading, paragraph', async () => {
    const { html } = await render('before\n##Middle\nafter', [remarkLaxHeadings])
    expect(html).toBe('<p>before</p>\n<h2>Middle</h2>\n<p>after</p>')
  })

  test('closing hashes are stripped, with or without a space, unless escaped', async () => {
    const { html } = await render('#A#\n\n## B ##\n\n#C\\#', [remarkLaxHeadings])
    expect(html).toBe('<h1>A</h1>\n<h2>B</h2>\n<h1>C#</h1>')
  })

  test('seven hashes make an h6 that keeps the extra hash, as Python-Markdown does', async () => {
    expect((await render('#######Deep', [remarkLaxHeadings])).html).toBe('<h6>#Deep</h6>')
  })

  test('`#` lines in indented and fenced code are untouched', async () => {
    const { html } = await render('    #code\n\n```\n#fenced\n```', [remarkLaxHeadings])
    expect(html).toBe('<pre><code>#code\n</code></pre>\n<pre><code>#fenced\n</code></pre>')
  })

  test('a lax heading can start a list item', async () => {
    expect((await render('- #Item', [remarkLaxHeadings])).html).toBe(
      '<ul>\n<li>\n<h1>Item</h1>\n</li>\n</ul>',
    )
  })

  test('heading positions are exact', async () => {
    const tree = unified().use(remarkParse).use(remarkLaxHeadings).parse('text\n##Two')
    const heading = tree.children[1]
    expect(heading?.type).toBe('heading')
    expect(heading?.position?.start).toEqual({ line: 2, column: 1, offset: 5 })
    expect(heading?.position?.end).toEqual({ line: 2, column: 6, offset: 10 })
  })

  test('an empty `#` is an empty h1', async () => {
    expect((await render('#', [remarkLaxHeadings])).html).toBe('<h1></h1>')
  })
})

describe('remarkBangLang', () => {
  test('a `!lang` first line sets the language and is removed', async () => {
    const { html } = await render('    !python\n    print(1)', [remarkBangLang])
    expect(html).toBe('<pre><code class="language-python">print(1)\n</code></pre>')
  })

  test('code that already has a language is left alone', async () => {
    const { html } = await render('```js\n!python\n```', [remarkBangLang])
    expect(html).toBe('<pre><code class="language-js">!python\n</code></pre>')
  })

  test('`indentedOnly` leaves fenced blocks without an info string alone', async () => {
    const { html } = await render('```\n!python\nx\n```', [
      [remarkBangLang, { indentedOnly: true }],
    ])
    expect(html).toBe('<pre><code>!python\nx\n</code></pre>')
  })

  test('a marker that is not alone on its line is not a marker', async () => {
    const { html } = await render('    !python extra\n    x', [remarkBangLang])
    expect(html).toBe('<pre><code>!python extra\nx\n</code></pre>')
  })
})

describe('remarkBuildSteps', () => {
  test('`$$$$` paragraphs split the document into steps wrapped after the first', async () => {
    const { html, data } = await render('One\n\n$$$$\n\nTwo\n\n$$$$\n\nThree', [remarkBuildSteps])
    expect(html).toBe(
      '<p>One</p>\n<div class="slidemark-step" data-step="1"><p>Two</p></div>\n<div class="slidemark-step" data-step="2"><p>Three</p></div>',
    )
    expect(data.buildSteps).toBe(3)
  })

  test('empty parts are dropped and markers never reach the output', async () => {
    const { html, data } = await render('One\n\n$$$$\n\n$$$$\n\nTwo\n\n$$$$', [remarkBuildSteps])
    expect(html).toBe('<p>One</p>\n<div class="slidemark-step" data-step="1"><p>Two</p></div>')
    expect(data.buildSteps).toBe(2)
  })

  test('a document without markers has one step and is unchanged', async () => {
    const { html, data } = await render('Just text, $$$$ inside.', [remarkBuildSteps])
    expect(html).toBe('<p>Just text, $$$$ inside.</p>')
    expect(data.buildSteps).toBe(1)
  })

  test('marker and class name are options', async () => {
    const { html } = await render('A\n\n+++\n\nB', [
      [remarkBuildSteps, { marker: '+++', className: 'step' }],
    ])
    expect(html).toBe('<p>A</p>\n<div class="step" data-step="1"><p>B</p></div>')
  })
})

describe('remarkSlideNotes', () => {
  test('a `.notes:` paragraph moves into the notes wrapper', async () => {
    const { html } = await render('Shown\n\n.notes: *Hidden*', [remarkSlideNotes])
    expect(html).toBe('<p>Shown</p>\n<div class="slidemark-notes"><p><em>Hidden</em></p></div>')
  })

  test('a trailing HTML comment becomes notes parsed as Markdown', async () => {
    const { html } = await render('Shown\n\n<!-- say **this** -->', [remarkSlideNotes])
    expect(html).toBe(
      '<p>Shown</p>\n<div class="slidemark-notes"><p>say <strong>this</strong></p></div>',
    )
  })

  test('a comment that is not last is not notes', async () => {
    const { html } = await render('<!-- here -->\n\nShown', [remarkSlideNotes])
    expect(html).not.toContain('slidemark-notes')
  })
})

describe('remarkSlideClasses', () => {
  test('`.fx:` paragraphs are removed and their words collected', async () => {
    const { html, data } = await render('.fx: dark wide\n\nBody', [remarkSlideClasses])
    expect(html).toBe('<p>Body</p>')
    expect(data.slideClasses).toEqual(['dark', 'wide'])
  })
})
