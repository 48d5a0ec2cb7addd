import { readFileSync } from 'node:fs'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { type Pluggable, unified } from 'unified'
import { describe, expect, test } from 'vitest'
import * as core from '../src/index.js'

const plugins: Record<string, Pluggable> = {
  remarkBangLang: core.remarkBangLang,
  remarkBuildSteps: core.remarkBuildSteps,
  remarkCodeSteps: core.remarkCodeSteps,
  remarkLaxHeadings: core.remarkLaxHeadings,
  remarkSlideClasses: core.remarkSlideClasses,
  remarkSlideNotes: core.remarkSlideNotes,
  remarkRemarkCompat: core.remarkRemarkCompat,
  remarkRevealCompat: core.remarkRevealCompat,
  remarkMarpCompat: core.remarkMarpCompat,
  remarkSlidevCompat: core.remarkSlidevCompat,
  remarkLandslideCompat: core.remarkLandslideCompat,
}

/** The README's examples show exact output: keep them true. */
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

describe('README examples', () => {
  test('the Use example prints the slides it shows', async () => {
    const source = /const source = `([\s\S]*?)`/.exec(readme)?.[1]
    const shown = /console\.log\(deck\.slides[^\n]*\n([\s\S]*?)\n```/
      .exec(readme)?.[1]
      ?.replace(/^\/\/ ?/gm, '')
    expect(source).toBeDefined()
    expect(shown).toBeDefined()
    const expected = new Function(`return ${shown}`)() as Array<Record<string, unknown>>
    const deck = await core.compile(source as string, { filename: 'tea.slides.md', cache: false })
    expect(deck.meta).toEqual({ title: 'Tea' })
    expect(deck.messages).toEqual([])
    expect(deck.slides.map(({ assets, classes, ...rest }) => rest)).toEqual(expected)
    expect(deck.slides.map(({ assets, classes }) => [assets, classes])).toEqual(
      expected.map(() => [[], []]),
    )
  })

  const sections = readme.split(/^### /m).slice(1)
  const pluginSections = sections
    .map((section) => ({ name: /^`(remark\w+)\(/.exec(section)?.[1], section }))
    .filter((entry): entry is { name: string; section: string } => entry.name !== undefined)

  test('every exported plugin has a README section', () => {
    const exported = Object.keys(core).filter((name) => name.startsWith('remark'))
    expect(pluginSections.map((entry) => entry.name).sort()).toEqual(exported.sort())
  })

  for (const { name, section } of pluginSections) {
    const code = /```js\n([\s\S]*?)```/.exec(section)?.[1]
    const html = /```html\n([\s\S]*?)\n```/.exec(section)?.[1]
    if (!code || html === undefined) continue
    test(`the ${name} example gives the HTML shown`, async () => {
      const literals = [...code.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((match) => match[0])
      const input = new Function(`return ${literals.at(-1)}`)() as string
      const plugin = plugins[name] as Pluggable
      const file = await unified()
        .use(remarkParse)
        .use([plugin])
        .use(remarkRehype)
        .use(rehypeStringify)
        .process(input)
      expect(String(file)).toBe(html)
    })
  }
})
