import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compile, createMemoryCache, type Deck } from '../src/index.js'

/**
 * compile() never throws: generated and mutated decks, with every message,
 * slide range and asset placed inside the source. Reproduce a failure with
 * the printed seed: `FC_SEED=<seed> pnpm vitest run test/property.test.ts`.
 */
const seed = process.env.FC_SEED
  ? Number(process.env.FC_SEED)
  : Date.now() ^ (Math.random() * 2 ** 31)
const parameters = { seed, verbose: 1 as const }

const pieces = [
  '---',
  '***',
  '___',
  '- - -',
  '   ---',
  '    ---',
  '===',
  'Setext\n---',
  '#Title',
  '# Heading',
  '##Sub',
  '####### seven',
  '#',
  '#C#',
  '\\#',
  '```',
  '```python',
  '```js {1,2} title="x"',
  '~~~',
  '````',
  '```nope',
  '    !python',
  '    !nope',
  '    code',
  '\tcode',
  '$$$$',
  ' $$$$ ',
  'a $$$$ b',
  '.notes: note',
  '.notes:',
  '.fx: a b',
  '.fx:',
  '<!--',
  '-->',
  '<!-- note -->',
  '<div class="notes">',
  '</div>',
  '<div>',
  '<big>big</big>',
  '<br />',
  '<img src="a.png">',
  '<video src="v.mp4" poster="p.jpg"></video>',
  '<script>',
  '| a | b |',
  '|---|---|',
  '- item',
  '1. one',
  '> quote',
  '- [ ] task',
  '~~del~~',
  'https://example.com',
  '![img](./x.png)',
  '[link](#x)',
  '**bold**',
  '*',
  '_',
  '`',
  '\\',
  '<',
  '&amp;',
  'text',
  '日本語のテキスト',
  '',
  '',
  '',
  '---\ntitle: [',
  'title: x',
  'key: : value',
  '...',
  '\u0000',
  '\uD800',
  '\uDC00',
  '\uFEFF',
  '\r',
  '\u2028',
]

const line = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...pieces) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
)

const generatedDeck = fc
  .tuple(fc.array(line, { maxLength: 16 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, eol, frontMatter]) => (frontMatter ? `---${eol}` : '') + lines.join(eol))

const fixtureRoot = new URL('./fixtures/', import.meta.url)
const fixtureDecks = readdirSync(fixtureRoot).map((name) =>
  readFileSync(new URL(`${name}/input.slides.md`, fixtureRoot), 'utf8'),
)

/** A fixture deck with random cuts, insertions and duplications. */
const mutatedDeck = fc
  .tuple(
    fc.constantFrom(...fixtureDecks),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 8 })),
      ),
      { maxLength: 8 },
    ),
  )
  .map(([deck, edits]) => {
    let text = deck
    for (const [at, cut, insert] of edits) {
      const position = text.length === 0 ? 0 : at % text.length
      text = text.slice(0, position) + insert + text.slice(position + cut)
    }
    return text
  })

function expectWellFormed(source: string, deck: Deck) {
  expect(Array.isArray(deck.slides)).toBe(true)
  const text = source.replace(/^\uFEFF/, '')
  const lines = text.split(/\r\n|\r|\n/)
  const inside = (where: string, line: number, column: number) => {
    expect(
      Number.isInteger(line) && line >= 1 && line <= lines.length,
      `${where} line ${line}`,
    ).toBe(true)
    const length = lines[line - 1]?.length ?? 0
    expect(
      Number.isInteger(column) && column >= 1 && column <= length + 1,
      `${where} column ${column}`,
    ).toBe(true)
  }
  for (const message of deck.messages)
    inside(`message ${message.ruleId}`, message.line, message.column)
  for (const slide of deck.slides) {
    inside('slide start', slide.source.start, 1)
    inside('slide end', slide.source.end, 1)
    expect(slide.source.start <= slide.source.end).toBe(true)
    expect(typeof slide.content).toBe('string')
    expect(slide.steps).toBeGreaterThanOrEqual(1)
    for (const asset of slide.assets) inside('asset', asset.line, asset.column)
  }
}

/**
 * Slides repeat a lot between generated decks: a cache shared by the runs
 * keeps the suite fast while every distinct slide is still rendered once,
 * and every deck is still split, parsed for front matter and re-positioned.
 */
const cache = createMemoryCache(20_000)

describe(`compile never throws (seed ${seed})`, () => {
  test('9 000 generated decks', async () => {
    await fc.assert(
      fc.asyncProperty(generatedDeck, async (source) => {
        expectWellFormed(source, await compile(source, { cache }))
      }),
      { ...parameters, numRuns: 9_000 },
    )
  }, 600_000)

  test('1 000 mutated fixture decks', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedDeck, async (source) => {
        expectWellFormed(source, await compile(source, { cache }))
      }),
      { ...parameters, numRuns: 1_000 },
    )
  }, 600_000)

  // Lines whose cost is linear. (micromark itself is superlinear on a 1 MB line
  // of inline delimiters such as `*a *a …` or a 1 MB GFM table row: slow, never a crash.)
  const huge = 'x'.repeat(1 << 20)
  test.each([
    ['paragraph', huge],
    ['lax heading', `#${huge}`],
    ['list item', `- ${huge}`],
    ['!python code', `    !python\n    ${huge}`],
    ['fenced js code', `\`\`\`js\n${huge}\n\`\`\``],
    ['dashes', '-'.repeat(1 << 20)],
    ['unclosed comment', `<!--${huge}`],
  ])('a deck with a 1 MB %s line', async (_name, big) => {
    const source = `---\ntitle: big\n---\n# Before\n\n${big}\n\n$$$$\n\nafter\n\n---\n\n# Next`
    expectWellFormed(source, await compile(source, { cache: false }))
  })
})
