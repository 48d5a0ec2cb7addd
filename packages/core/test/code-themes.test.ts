import { describe, expect, test } from 'vitest'
import { compile } from '../src/index.js'

/** The light colour, weight and style of the first token whose text is `text`. */
function tokenStyle(html: string, text: string) {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = html.match(new RegExp(`<span style="([^"]*)">\\s*${escaped}</span>`))
  if (!match) throw new Error(`no token ${JSON.stringify(text)} in ${html}`)
  const style = match[1] as string
  const value = (name: string) => style.match(new RegExp(`--shiki-light${name}:([^;]+)`))?.[1]
  return {
    color: value('')?.toUpperCase(),
    weight: value('-font-weight'),
    fontStyle: value('-font-style'),
  }
}

const python = [
  '```python',
  '# wait for the hub',
  'def serve(port):',
  '    """Serve forever."""',
  '    if port is None:',
  '        print("no port\\n", 8000)',
  '```',
].join('\n')

describe('the pygments code theme (Pygments 1.3 "default" style)', () => {
  test('front matter codeTheme: pygments colours keywords, strings, comments as Pygments did', async () => {
    const deck = await compile(`---\ncodeTheme: pygments\n---\n\n# Serve\n\n${python}\n`)
    expect(deck.messages).toEqual([])
    const html = deck.slides[0]?.content ?? ''
    expect(html).toContain('data-theme="pygments github-dark"')
    expect(tokenStyle(html, 'def')).toEqual({
      color: '#008000',
      weight: 'bold',
      fontStyle: undefined,
    })
    expect(tokenStyle(html, 'if')).toMatchObject({ color: '#008000', weight: 'bold' })
    expect(tokenStyle(html, '# wait for the hub')).toEqual({
      color: '#408080',
      weight: undefined,
      fontStyle: 'italic',
    })
    expect(tokenStyle(html, '"no port')).toMatchObject({ color: '#BA2121' })
    expect(tokenStyle(html, 'Serve forever.')).toMatchObject({
      color: '#BA2121',
      fontStyle: 'italic',
    })
    expect(tokenStyle(html, 'serve')).toMatchObject({ color: '#0000FF' })
    expect(tokenStyle(html, 'is')).toMatchObject({ color: '#AA22FF', weight: 'bold' })
    expect(tokenStyle(html, 'print')).toMatchObject({ color: '#008000' })
    expect(tokenStyle(html, '8000')).toMatchObject({ color: '#666666' })
    expect(tokenStyle(html, '\\n')).toMatchObject({ color: '#BB6622', weight: 'bold' })
  })

  test('it numbers lines unless the deck says lineNumbers: false', async () => {
    const numbered = await compile(`---\ncodeTheme: pygments\n---\n\n# A\n\n${python}\n`)
    expect(numbered.slides[0]?.content).toContain('data-line-numbers')
    const plain = await compile(
      `---\ncodeTheme: pygments\nlineNumbers: false\n---\n\n# A\n\n${python}\n`,
    )
    expect(plain.slides[0]?.content).not.toContain('data-line-numbers')
    expect(plain.slides[0]?.content).toContain('--shiki-light:#008000')
  })

  test('themes.light: "pygments" works as an option, like a Shiki theme name', async () => {
    const deck = await compile(`# A\n\n${python}\n`, {
      themes: { light: 'pygments', dark: 'github-dark' },
    })
    expect(deck.messages).toEqual([])
    expect(tokenStyle(deck.slides[0]?.content ?? '', 'def').color).toBe('#008000')
  })

  test('codeTheme may name any bundled Shiki theme', async () => {
    const deck = await compile(`---\ncodeTheme: min-light\n---\n\n# A\n\n${python}\n`)
    expect(deck.messages).toEqual([])
    expect(deck.slides[0]?.content).toContain('data-theme="min-light github-dark"')
    expect(deck.slides[0]?.content).not.toContain('data-line-numbers')
  })

  test('an unknown or malformed codeTheme is a warning at its front matter line', async () => {
    const unknown = await compile(`---\ntitle: T\ncodeTheme: pygmentz\n---\n\n# A\n\n${python}\n`, {
      filename: 'talk.slides.md',
    })
    expect(unknown.messages).toMatchObject([
      { line: 3, column: 1, ruleId: 'unknown-theme', severity: 'warning', file: 'talk.slides.md' },
    ])
    expect(unknown.slides[0]?.content).toContain('data-theme="github-light github-dark"')
    const malformed = await compile(`---\ncodeTheme: [a, b]\n---\n\n# A\n`)
    expect(malformed.messages).toMatchObject([
      { line: 2, column: 1, ruleId: 'invalid-deck-option' },
    ])
  })
})
