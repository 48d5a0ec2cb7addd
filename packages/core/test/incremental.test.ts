import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compile, createMemoryCache } from '../src/index.js'
import { detectSignature } from '../src/lib/format-detect.js'
import type { DeckMemo } from '../src/lib/incremental.js'
import { deckLines } from '../src/lib/incremental.js'
import { splitSignature } from '../src/lib/split.js'

/**
 * A compile after an edit, with the cache (and memo) of the compile before
 * it, gives what a cold compile of the edited deck gives.
 */
async function expectSameAsCold(before: string, ...edits: string[]): Promise<void> {
  const cache = createMemoryCache()
  const options = { cache, filename: 'deck.slides.md' }
  await compile(before, options)
  for (const after of edits) {
    const warm = await compile(after, options)
    expect(warm).toEqual(await compile(after, { cache: false, filename: 'deck.slides.md' }))
  }
}

const deck = [
  '---',
  'title: Talk',
  '---',
  '',
  '# Opening',
  '',
  'A first word here.',
  '',
  '---',
  '',
  '# Code',
  '',
  '```js',
  'const a = 1',
  '```',
  '',
  '<!-- a note -->',
  '',
  '---',
  '',
  '## Closing',
  '',
  'Setext text',
  'And more text',
  '',
  '???',
  'Notes here',
].join('\n')

const replaceLine = (source: string, from: string, to: string) => {
  if (!source.includes(from)) throw new Error(`no ${from}`)
  return source.replace(from, to)
}

describe('a compile after an edit equals a cold compile', () => {
  test.each([
    ['one word', replaceLine(deck, 'A first word', 'A second word')],
    ['a heading word', replaceLine(deck, '# Code', '# Program')],
    ['a heading made a paragraph', replaceLine(deck, '# Code', 'Code')],
    ['a paragraph made a heading', replaceLine(deck, 'A first word here.', '# A first word')],
    ['a --- added', replaceLine(deck, 'A first word here.', 'A first word here.\n\n---\n\nNew')],
    ['a --- added in place of a line', replaceLine(deck, 'A first word here.', '---')],
    ['a --- removed', replaceLine(deck, '\n---\n\n## Closing', '\n\n## Closing')],
    ['a --- turned to text', replaceLine(deck, '---\n\n## Closing', 'xxx\n\n## Closing')],
    ['a setext underline made', replaceLine(deck, 'And more text', '---')],
    ['front matter changed', replaceLine(deck, 'title: Talk', 'title: Other')],
    ['math switched on', replaceLine(deck, 'title: Talk', 'math: true')],
    ['marp: true', replaceLine(deck, 'title: Talk', 'marp: true')],
    ['a Marp directive', replaceLine(deck, '<!-- a note -->', '<!-- _class: lead -->')],
    [
      'a Slidev layout',
      replaceLine(deck, '---\n\n## Closing', '---\nlayout: center\n---\n## Closing'),
    ],
    ['a Slidev layout in place of a line', replaceLine(deck, '# Code', 'layout: center')],
    ['notes changed', replaceLine(deck, 'Notes here', 'Other notes')],
    ['a notes marker removed', replaceLine(deck, '???', 'Text')],
    ['a reveal notes line', replaceLine(deck, 'Notes here', 'Note: spoken')],
    ['a fence left open', replaceLine(deck, '```\n\n<!--', 'x\n\n<!--')],
    ['a fence opened', replaceLine(deck, 'A first word here.', '```')],
    ['a comment left open', replaceLine(deck, '<!-- a note -->', '<!-- a note')],
    ['a line indented into code', replaceLine(deck, 'A first word here.', '    A first word')],
    ['a table delimiter', replaceLine(deck, 'And more text', '| --- |')],
    ['the first line', replaceLine(deck, '---\ntitle', 'x\ntitle')],
    ['nothing', deck],
  ])('%s', async (_name, after) => {
    await expectSameAsCold(deck, after)
  })

  test('edit after edit, and back', async () => {
    const one = replaceLine(deck, 'A first word', 'A second word')
    const two = replaceLine(one, 'Notes here', 'Notes there')
    const three = replaceLine(two, '# Code', 'Code\n\n---')
    await expectSameAsCold(deck, one, two, three, two, deck)
  })

  const root = new URL('./fixtures/', import.meta.url)
  const fixtures = readdirSync(root).map((name) => [
    name,
    readFileSync(new URL(`${name}/input.slides.md`, root), 'utf8'),
  ])

  test.each(fixtures)('fixture %s, each of its lines changed in turn', async (_name, source) => {
    const lines = source.split('\n')
    const edited = lines.map((_, index) =>
      lines.map((line, at) => (at === index ? `${line} word` : line)).join('\n'),
    )
    await expectSameAsCold(source, ...edited)
  })
})

describe('line signatures', () => {
  test('a word changed in a heading or a paragraph keeps both signatures', () => {
    expect(splitSignature('# Topic 1: x')).toBe(splitSignature('# Edit 1: y'))
    expect(detectSignature('# Topic 1: x')).toBe(detectSignature('# Edit 1: y'))
    expect(splitSignature('Some text')).toBe(splitSignature('Other text'))
  })

  test('lines the splitter reads differently have different split signatures', () => {
    const lines = ['text', '# h', '#h', '---', '```', '````', '~~~', '```js`', '<!--', '<!-- x -->']
    const more = ['-->', '', '    code', '- item', '> quote', '|---|', '===', '***']
    const signatures = [...lines, ...more].map(splitSignature)
    expect(new Set(signatures).size).toBe(signatures.length)
  })

  test('lines detection reads differently have different detect signatures', () => {
    const lines = ['text', '???', '--', '----', '---', 'Note: x', 'layout: center', 'name: x']
    const more = ['<!-- _class: a -->', '<!-- fit -->', '<v-click>', '.qr: x', '```', '~~~']
    const signatures = [...lines, ...more].map(detectSignature)
    expect(new Set(signatures).size).toBe(signatures.length)
  })
})

describe('deckLines', () => {
  const memoOf = (text: string, generations = 1): DeckMemo => ({
    text,
    lines: text.split('\n'),
    generations,
    formatOption: 'auto',
    bodyStart: 0,
    choice: { format: 'slidemark', from: 'default', messages: [] },
    texts: new Set(),
  })
  const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', '-', ' '), maxLength: 60 })

  test('gives the lines of the new text, and which of them changed when their count is the same', () => {
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: 1, max: 300 }),
        text,
        fc.nat(),
        (base, times, inserted, at) => {
          const before = base.repeat(times)
          const cut = at % (before.length + 1)
          for (const after of [
            before.slice(0, cut) + inserted + before.slice(cut),
            before.slice(0, cut) + inserted + before.slice(cut + inserted.length),
            inserted,
          ]) {
            const lines = after.split('\n')
            const result = deckLines(after, memoOf(before))
            expect(result.lines).toEqual(lines)
            // After 8 compiles the lines are split afresh, the changed ones still found.
            expect(deckLines(after, memoOf(before, 8))).toEqual({ ...result, generations: 1 })
            if (!result.changed) continue
            expect(lines.length).toBe(before.split('\n').length)
            const differ = lines.flatMap((line, index) =>
              line === before.split('\n')[index] ? [] : [index],
            )
            expect(result.changed).toEqual(differ)
          }
        },
      ),
      { numRuns: 2_000 },
    )
  })

  test('a paste of 200 000 lines', () => {
    const after = `a\n${'x\n'.repeat(200_000)}b`
    expect(deckLines(after, memoOf('a\nb')).lines).toEqual(after.split('\n'))
  })

  test('a one-word edit of a long deck is one changed line', () => {
    const before = Array.from({ length: 3000 }, (_, index) => `line ${index} text`).join('\n')
    const after = before.replace('line 1234 text', 'line 1234 word')
    expect(deckLines(after, memoOf(before)).changed).toEqual([1234])
  })
})
