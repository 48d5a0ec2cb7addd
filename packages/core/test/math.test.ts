import { describe, expect, test } from 'vitest'
import { compile, protectStepMarkers } from '../src/index.js'

const math = { math: true, cache: false } as const

describe('math', () => {
  test('should render inline and display math with KaTeX when `math` is on', async () => {
    const source = '# Energy\n\nMass $E = mc^2$ and\n\n$$\n\\int_0^1 x\\,dx\n$$\n'
    const deck = await compile(source, math)
    const content = deck.slides[0]?.content ?? ''
    expect(deck.messages).toEqual([])
    expect(content).toContain('<span class="katex">')
    expect(content).toContain('<span class="katex-display">')
    expect(content).not.toContain('$')
  })

  test('should leave dollars alone when `math` is off', async () => {
    const deck = await compile('# Price\n\nIt costs $5 and $6.\n', { cache: false })
    expect(deck.slides[0]?.content).toBe('<p>It costs $5 and $6.</p>')
  })

  test('`$$$$` stays a build-step marker with math on', async () => {
    const source = '# Steps\n\n$a$\n\n$$$$\n\n$$\nb\n$$\n\n$$$$\n\nlast\n'
    const deck = await compile(source, math)
    const slide = deck.slides[0]
    expect(slide?.steps).toBe(3)
    expect(slide?.content).toContain(
      '<div class="slidemark-step" data-step="1"><span class="katex-display">',
    )
    expect(slide?.content).toContain('<div class="slidemark-step" data-step="2"><p>last</p></div>')
  })

  test('`$$$$` inside a code fence is code, not a marker', () => {
    const text = '```\n$$$$\n```\n\n$$$$\n'
    expect(protectStepMarkers(text).split('\n')[1]).toBe('$$$$')
    expect(protectStepMarkers(text).split('\n')[4]).not.toBe('$$$$')
  })

  test('`$$$$` continuing a paragraph is shown as written', async () => {
    const deck = await compile('# A\n\ntext\n$$$$\n', math)
    expect(deck.slides[0]?.content).toBe('<p>text\n$$$$</p>')
  })

  test('front matter `math: true` turns math on for that deck', async () => {
    const deck = await compile('---\nmath: true\n---\n\n# A\n\n$x^2$\n', { cache: false })
    expect(deck.slides[0]?.content).toContain('class="katex"')
  })

  test("a Marp deck's `math: katex` turns math on", async () => {
    const deck = await compile('---\nmath: katex\n---\n\n# A\n\n$x^2$\n', { cache: false })
    expect(deck.messages).toEqual([])
    expect(deck.slides[0]?.content).toContain('class="katex"')
  })

  test('front matter `math: false` turns it off against the option', async () => {
    const deck = await compile('---\nmath: false\n---\n\n# A\n\n$x^2$\n', math)
    expect(deck.slides[0]?.content).toBe('<p>$x^2$</p>')
  })

  test('a front matter switch that is not a boolean is a warning at its line', async () => {
    const deck = await compile('---\ntitle: T\nmath: yes please\n---\n\n# A\n', { cache: false })
    expect(deck.messages).toMatchObject([
      { line: 3, column: 1, ruleId: 'invalid-deck-option', severity: 'warning' },
    ])
  })

  test('a formula KaTeX cannot parse is a warning at the formula, shown in red', async () => {
    const deck = await compile('# Bad\n\nok $x$ then $\\frac{1}{$ end\n', {
      ...math,
      filename: 'a.slides.md',
    })
    expect(deck.messages).toMatchObject([
      {
        file: 'a.slides.md',
        line: 3,
        column: 13,
        ruleId: 'invalid-math',
        severity: 'warning',
        source: 'slidemark',
        reason: expect.stringMatching(/^Could not render math: .*expected .}. at end of input/),
      },
    ])
    expect(deck.slides[0]?.content).toContain('katex-error')
  })

  test('front matter `lineNumbers: true` numbers that deck', async () => {
    const deck = await compile('---\nlineNumbers: true\n---\n\n# A\n\n```js\nx\n```\n', {
      cache: false,
    })
    expect(deck.slides[0]?.content).toContain('data-line-numbers')
  })
})
