import { describe, expect, test } from 'vitest'
import { compile, parseFocusStates } from '../src/index.js'

/** `data-code-steps` and `data-code-focus` of every stepped block, in order. */
function stepAttributes(html: string): Array<[string, string]> {
  return [...html.matchAll(/data-code-steps="([^"]*)" data-code-focus="([^"]*)"/g)].map((match) => [
    match[1] ?? '',
    match[2] ?? '',
  ])
}

const fence = (meta: string, lines: string[]) => ['```js ' + meta, ...lines, '```'].join('\n')

describe('parseFocusStates', () => {
  test('should read lines, ranges, lists and `all`', () => {
    expect(parseFocusStates('1|2-3|1,3-4|all|*', 4)).toEqual([[1], [2, 3], [1, 3, 4], 'all', 'all'])
  })
  test('should reject a word, a reversed range and a line past the end', () => {
    expect(parseFocusStates('1|two', 3)).toMatch(/`two` is not a line/)
    expect(parseFocusStates('3-1|2', 3)).toMatch(/not a valid range/)
    expect(parseFocusStates('1|5', 3)).toMatch(/line 5 is past the end of the block \(3 lines\)/)
  })
})

describe('remarkCodeSteps (through compile)', () => {
  test('each `|` part after the first is one more step of the slide', async () => {
    const deck = await compile(`# A\n\n${fence('{1|2|all}', ['a', 'b'])}\n`, { cache: false })
    expect(deck.slides[0]?.steps).toBe(3)
    expect(stepAttributes(deck.slides[0]?.content ?? '')).toEqual([['0 1 2', '1|2|*']])
  })

  test('a block in a later `$$$$` part starts at that part, and later parts move after it', async () => {
    const source = [
      '# A',
      '',
      'first',
      '',
      '$$$$',
      '',
      fence('{2|1}', ['a', 'b']),
      '',
      '$$$$',
      '',
      'last',
    ].join('\n')
    const deck = await compile(source, { cache: false })
    const content = deck.slides[0]?.content ?? ''
    expect(deck.slides[0]?.steps).toBe(4)
    expect(stepAttributes(content)).toEqual([['1 2', '2|1']])
    expect([...content.matchAll(/data-step="(\d+)"/g)].map((m) => m[1])).toEqual(['1', '3'])
  })

  test('a static highlight `{1,3}` is not a step', async () => {
    const deck = await compile(`# A\n\n${fence('{1,3}', ['a', 'b', 'c'])}\n`, { cache: false })
    expect(deck.slides[0]?.steps).toBe(1)
    expect(deck.slides[0]?.content).toContain('data-highlighted-line')
    expect(deck.slides[0]?.content).not.toContain('data-code-steps')
  })

  test('a magic-move block has one step per version and one per inner code step', async () => {
    const source = [
      '# A',
      '',
      '````md magic-move',
      '```js',
      'let a = 1',
      '```',
      '```js {1|2}',
      'let a = 1',
      'let b = 2',
      '```',
      '````',
    ].join('\n')
    const deck = await compile(source, { cache: false })
    const content = deck.slides[0]?.content ?? ''
    expect(deck.slides[0]?.steps).toBe(3)
    expect(content).toContain('<div class="slidemark-magic-move" data-magic-move-steps="0 1">')
    expect(content.match(/<figure/g)).toHaveLength(2)
    expect(stepAttributes(content)).toEqual([['1 2', '1|2']])
  })

  test('a magic-move block with one fence is a warning at the block', async () => {
    const source = ['# A', '', '````md magic-move', '```js', 'x', '```', '````'].join('\n')
    const deck = await compile(source, { cache: false, filename: 'talk.slides.md' })
    expect(deck.messages).toMatchObject([
      { line: 3, column: 1, ruleId: 'invalid-code-steps', severity: 'warning' },
    ])
  })

  test('a bad step list is a warning where the braces are, and the block has no steps', async () => {
    const deck = await compile(`# A\n\n${fence('title="x" {1|zz}', ['a'])}\n`, { cache: false })
    expect(deck.slides[0]?.steps).toBe(1)
    expect(deck.messages).toMatchObject([
      {
        line: 3,
        column: 17,
        ruleId: 'invalid-code-steps',
        reason: expect.stringContaining('`zz`'),
      },
    ])
  })
})
