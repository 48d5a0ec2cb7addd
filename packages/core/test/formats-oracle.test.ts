import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { compile, convertDeck, type Deck, type DeckFormat, type Slide } from '../src/index.js'

/**
 * Each format's fixture deck (test/fixtures/format-<name>/input.slides.md,
 * written for this test) against what the original tool makes of it, in
 * oracle.json beside it. Marp's and Slidev's records come from running
 * `@marp-team/marp-core` and `@slidev/parser`
 * (test/scripts/record-format-oracles.mjs --write); remark's, reveal.js's
 * and landslide's were written by hand from their parsers' rules (each
 * file's `tool` says which source), as those parse in a browser or Python.
 */
interface OracleSlide {
  title: string
  notes: string[]
  steps: number
  classes: string[]
  id?: string
  fit?: boolean
  header?: string
  footer?: string
  paginate?: boolean
  qr?: boolean
}

interface Oracle {
  tool: string
  slides: OracleSlide[]
  hidden: Array<{ title: string }>
}

const formats: DeckFormat[] = ['marp', 'slidev', 'remark', 'reveal', 'landslide']
const folder = (format: DeckFormat) => new URL(`./fixtures/format-${format}/`, import.meta.url)
const read = (format: DeckFormat, file: string) =>
  readFileSync(new URL(file, folder(format)), 'utf8')

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x3C;/g, '<')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()

/** The heading that opens a slide, as plain text ('' when it opens with none). */
const headingText = (slide: Slide) => text(slide.header)

function compareWithOriginal(deck: Deck, oracle: Oracle) {
  expect(deck.slides.map(headingText)).toEqual(oracle.slides.map((slide) => slide.title))
  deck.slides.forEach((slide, index) => {
    const theirs = oracle.slides[index] as OracleSlide
    const notes = theirs.notes.join(' ')
    expect({ index, notes: text(slide.notes) }).toEqual({ index, notes })
    expect({ index, steps: slide.steps }).toEqual({ index, steps: theirs.steps })
    expect({ index, classes: slide.classes }).toEqual({ index, classes: theirs.classes })
    if (theirs.id) expect(slide.id).toBe(theirs.id)
    if (theirs.fit !== undefined) expect(/slidemark-fit/.test(slide.header)).toBe(theirs.fit)
    if (theirs.header !== undefined) expect(text(slide.running?.header ?? '')).toBe(theirs.header)
    if (theirs.footer !== undefined) expect(text(slide.running?.footer ?? '')).toBe(theirs.footer)
    if (theirs.paginate !== undefined)
      expect(slide.running?.pageNumber ?? false).toBe(theirs.paginate)
    if (theirs.qr) expect(slide.content).toMatch(/<p class="qr"><svg [^>]*role="img"/)
  })
  const shown = new Set(deck.slides.map(headingText))
  for (const hidden of oracle.hidden.filter((slide) => slide.title !== '')) {
    expect(shown.has(hidden.title), `hidden slide "${hidden.title}" is shown`).toBe(false)
  }
}

describe('decks in other tools’ formats read as the original tools read them', () => {
  for (const format of formats) {
    test(`${format}: slides, titles, notes, steps, classes and hidden slides match the original`, async () => {
      const oracle: Oracle = JSON.parse(read(format, 'oracle.json'))
      const deck = await compile(read(format, 'input.slides.md'), { cache: false })
      expect(deck.format).toBe(format)
      expect(deck.slides).toHaveLength(oracle.slides.length)
      compareWithOriginal(deck, oracle)
    })
  }
})

describe('convertDeck', () => {
  for (const format of formats) {
    test(`${format}: the converted deck compiles to the same slides`, async () => {
      const input = read(format, 'input.slides.md')
      const original = await compile(input, { cache: false })
      const converted = convertDeck(input)
      expect(converted.format).toBe(format)
      const again = await compile(converted.text, { cache: false })
      const comparable = (deck: Deck) =>
        deck.slides.map(({ source, assets, ...slide }) => ({
          ...slide,
          assets: assets.map((a) => a.url),
        }))
      expect(comparable(again)).toEqual(comparable(original))
      expect(again.meta.theme).toBe(original.meta.theme)
      expect(again.messages.filter((message) => message.ruleId !== 'vue-component')).toEqual([])
    })
  }
})
