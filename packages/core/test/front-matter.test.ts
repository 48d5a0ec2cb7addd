import { describe, expect, test } from 'vitest'
import { compile } from '../src/index.js'

describe('front matter', () => {
  test('YAML at the top is deck metadata and never a slide; unknown keys pass through', async () => {
    const deck = await compile('---\ntitle: T\nauthor: A\nextra:\n  nested: true\n---\n\n# One\n')
    expect(deck.meta).toEqual({ title: 'T', author: 'A', extra: { nested: true } })
    expect(deck.slides.map((slide) => slide.title)).toEqual(['One'])
    expect(deck.messages).toEqual([])
  })

  test('invalid YAML is an error with its line and column in the deck', async () => {
    const deck = await compile('---\ntitle: ok\nbad: [1, 2\nnext: 3\n---\n# One\n', {
      filename: 'talk.slides.md',
    })
    expect(deck.messages).toHaveLength(1)
    expect(deck.messages[0]).toMatchObject({
      file: 'talk.slides.md',
      line: 4,
      column: 1,
      severity: 'error',
      ruleId: 'invalid-front-matter',
      source: 'slidemark',
    })
    expect(deck.slides).toHaveLength(1)
  })

  test('a YAML error is placed on the line that holds it, never past its end', async () => {
    const source = '---\ntitle: x\n[slides](#x)\ntitle: x\n&   & &  \n---\n# One\n'
    const deck = await compile(source)
    const lines = source.split('\n')
    expect(deck.messages.length).toBeGreaterThan(0)
    for (const message of deck.messages) {
      expect(message.ruleId).toBe('invalid-front-matter')
      const line = lines[message.line - 1] ?? ''
      expect(message.column, `${message.line}:${message.column}`).toBeLessThanOrEqual(
        line.length + 1,
      )
    }
    expect(deck.messages.filter((message) => message.reason.includes('anchor'))).not.toHaveLength(0)
    for (const message of deck.messages.filter((message) => message.reason.includes('anchor'))) {
      expect(message.line).toBe(5)
    }
  })

  test('duplicate keys are an error at the second key', async () => {
    const deck = await compile('---\ntitle: a\ntitle: b\n---\n# One')
    expect(deck.messages[0]).toMatchObject({ line: 3, column: 1, ruleId: 'invalid-front-matter' })
  })

  test('a deck that merely opens with `---` keeps its first slide', async () => {
    const deck = await compile('---\n\n# First\n\n---\n\n# Second')
    expect(deck.slides.map((slide) => slide.title)).toEqual(['First', 'Second'])
    expect(deck.meta).toEqual({})
  })

  test('front matter with only comments or nothing is empty metadata', async () => {
    expect((await compile('---\n---\n# A')).slides.map((s) => s.title)).toEqual(['A'])
    expect((await compile('---\ntitle: x\n...\n# A')).meta).toEqual({ title: 'x' })
  })

  test('a YAML list is not a mapping: an error when it starts like a key, else slides', async () => {
    const deck = await compile('---\n- a\n- b\n---\n# A')
    expect(deck.meta).toEqual({})
    expect(deck.slides.length).toBeGreaterThan(0)
  })

  test('front matter is only read at the very top', async () => {
    const deck = await compile('\n---\ntitle: x\n---\n# A')
    expect(deck.meta).toEqual({})
  })

  test('a BOM and CRLF line endings do not hide front matter', async () => {
    const deck = await compile('\uFEFF---\r\ntitle: x\r\n---\r\n# A\r\n')
    expect(deck.meta).toEqual({ title: 'x' })
    expect(deck.slides[0]).toMatchObject({ title: 'A', source: { start: 4, end: 4 } })
  })
})
