import { describe, expect, it } from 'vitest'
import {
  CODE_BLOCK_LINES,
  CODE_LANGUAGES,
  editOneWord,
  generateDeck,
  geventShapedDeck,
  splitSlides,
  TITLE_MARKER,
  toFencedForm,
} from '../src/deck.js'

describe('generateDeck', () => {
  it('produces exactly N slides separated by --- lines', () => {
    for (const count of [1, 25, 500]) {
      expect(splitSlides(generateDeck(count))).toHaveLength(count)
    }
  })

  it('puts a 20-line !lang code block on every second slide, rotating the languages', () => {
    const slides = splitSlides(generateDeck(25))
    const langs = slides.map((slide) => /^ {4}!(\w+)$/m.exec(slide)?.[1])
    expect(langs.filter(Boolean)).toHaveLength(12)
    expect(langs.slice(1, 9)).toEqual([
      'python',
      undefined,
      'javascript',
      undefined,
      'go',
      undefined,
      'rust',
      undefined,
    ])
    const lines = (slides[1] ?? '').split('\n')
    const code = lines.slice(lines.indexOf('    !python') + 1)
    expect(code).toHaveLength(CODE_BLOCK_LINES)
    expect(code.every((line) => line === '' || line.startsWith('    '))).toBe(true)
  })

  it('mixes headings, lists, tables, inline HTML and $$$$ steps', () => {
    const slides = splitSlides(generateDeck(25))
    expect(slides[0]).toContain(TITLE_MARKER)
    expect(slides.slice(1).every((slide) => slide.startsWith('# Topic '))).toBe(true)
    const count = (pattern: RegExp) => slides.filter((slide) => pattern.test(slide)).length
    expect(count(/^- Point 1/m)).toBeGreaterThan(0)
    expect(count(/^\| --- \| ---: \|/m)).toBeGreaterThan(0)
    expect(count(/<big>.*<br \/>/)).toBeGreaterThan(0)
    expect(count(/^\$\$\$\$$/m)).toBeGreaterThan(0)
  })

  it('gives every slide distinct text so a per-slide cache cannot share entries', () => {
    const slides = splitSlides(generateDeck(200))
    expect(new Set(slides).size).toBe(200)
  })

  it('rejects a deck of zero slides', () => {
    expect(() => generateDeck(0)).toThrow(RangeError)
  })
})

describe('toFencedForm', () => {
  it('turns !lang indented blocks into fenced blocks, keeping blank lines inside the code', () => {
    const input = 'Intro\n\n    !python\n    def f():\n\n        return 1\n\nAfter\n'
    expect(toFencedForm(input)).toBe('Intro\n\n```python\ndef f():\n\n    return 1\n```\n\nAfter\n')
  })

  it('adds the space CommonMark needs after # in headings', () => {
    expect(toFencedForm('#Title\n\n##Sub\n\n# Kept')).toBe('# Title\n\n## Sub\n\n# Kept')
  })

  it('leaves one fenced block per generated code block', () => {
    const fenced = toFencedForm(generateDeck(25))
    expect(fenced.match(/^```(python|javascript|go|rust)$/gm)).toHaveLength(12)
    expect(fenced).not.toMatch(/^ {4}!/m)
  })
})

describe('geventShapedDeck', () => {
  it('is a Japanese deck of about 25 slides with !python blocks and build steps', () => {
    const source = geventShapedDeck()
    const slides = splitSlides(source)
    expect(slides.length).toBeGreaterThanOrEqual(24)
    expect(source.match(/^ {4}!python$/gm)?.length).toBeGreaterThanOrEqual(10)
    expect(source).toMatch(/^\$\$\$\$$/m)
    expect(source).toMatch(/^#[^\s#]/m)
    expect(source).toMatch(/[\u3040-\u30ff]/)
  })
})

describe('editOneWord', () => {
  it('changes one word on the chosen slide and nothing else', () => {
    const source = generateDeck(10)
    const edited = editOneWord(source, 4, 'Changed')
    const before = splitSlides(source)
    const after = splitSlides(edited)
    const changed = after.map((slide, i) => slide !== before[i])
    expect(changed).toEqual(changed.map((_, i) => i === 4))
    expect(after[4]).toMatch(/^# Changed 4:/)
  })

  it('throws for a slide without a generated heading', () => {
    expect(() => editOneWord(generateDeck(3), 0, 'x')).toThrow(/no generated heading/)
  })
})

it('rotates through every code language', () => {
  const fenced = toFencedForm(generateDeck(9))
  for (const lang of CODE_LANGUAGES) expect(fenced).toContain(`\`\`\`${lang}\n`)
})
