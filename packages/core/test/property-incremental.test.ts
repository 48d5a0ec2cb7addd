import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compile, createMemoryCache } from '../src/index.js'

/**
 * A compile after an edit, with the cache of the compile before it, equals a
 * cold compile of the edited deck. Edits replace whole lines (the line count
 * stays, so compile's shortcuts for a few changed lines are tried) or
 * insert text anywhere. Reproduce a failure with the printed seed:
 * `FC_SEED=<seed> pnpm vitest run test/property-incremental.test.ts`.
 */
const seed = process.env.FC_SEED
  ? Number(process.env.FC_SEED)
  : Date.now() ^ (Math.random() * 2 ** 31)

const pieces = [
  '---',
  '----',
  '--',
  '***',
  '- - -',
  '===',
  '# Heading',
  '#Title',
  '## Sub',
  '```',
  '```js',
  '~~~',
  '    code',
  '<!--',
  '-->',
  '<!-- note -->',
  '<!-- _class: lead -->',
  '<!-- fit -->',
  '<v-click>',
  '| a | b |',
  '|---|---|',
  '- item',
  '> quote',
  '???',
  'Note: spoken',
  'notes:',
  '.notes: x',
  'layout: center',
  'name: a',
  'class: x',
  'marp: true',
  'title: x',
  '...',
  '$$$$',
  '.qr: x',
  'text',
  'Text word',
  '',
]

const root = new URL('./fixtures/', import.meta.url)
const fixtureDecks = readdirSync(root).map((name) =>
  readFileSync(new URL(`${name}/input.slides.md`, root), 'utf8'),
)

const replacement = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...pieces) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
)

/** A deck and a few edits of it, one after the other. */
const editedDeck = fc.tuple(
  fc.constantFrom(...fixtureDecks),
  fc.array(fc.array(fc.tuple(fc.nat(), replacement), { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 3,
  }),
)

function applyEdits(source: string, edits: Array<[number, string]>): string {
  const lines = source.split('\n')
  for (const [at, text] of edits) lines[at % lines.length] = text
  return lines.join('\n')
}

describe(`a compile after an edit equals a cold compile (seed ${seed})`, () => {
  test('300 fixture decks, each edited line by line a few times', async () => {
    await fc.assert(
      fc.asyncProperty(editedDeck, async ([deck, rounds]) => {
        const cache = createMemoryCache()
        await compile(deck, { cache })
        let source = deck
        for (const edits of rounds) {
          source = applyEdits(source, edits)
          const warm = await compile(source, { cache })
          expect(warm).toEqual(await compile(source, { cache: false }))
        }
      }),
      { seed, numRuns: 300 },
    )
  }, 600_000)
})
