import { describe, expect, test } from 'vitest'
import { compile, type DeckFormat } from '../src/index.js'

const compileAs = (source: string, format: DeckFormat | 'auto' = 'auto') =>
  compile(source, { cache: false, format, filename: 'talk.md' })

describe('unclosed code fences', () => {
  test.each<DeckFormat>(['slidemark', 'landslide', 'remark', 'reveal', 'marp', 'slidev'])(
    'a fence never closed is a warning at the fence in a %s deck',
    async (format) => {
      const deck = await compileAs('# One\n\n```python\nprint(1)\n\n---\n\n# Two\n', format)
      expect(deck.messages).toMatchObject([
        { line: 3, column: 1, ruleId: 'unclosed-fence', severity: 'warning', file: 'talk.md' },
      ])
      expect(deck.messages[0]?.reason).toContain('never closed')
    },
  )

  test('closed fences, longer closers and inline triple backticks are not warnings', async () => {
    const deck = await compileAs(
      '# One\n\n````md\n```\ninner\n```\n````\n\nSay ```x``` inline\n\n~~~\ncode\n~~~~\n',
    )
    expect(deck.messages).toEqual([])
  })

  test('a fence that a later slide leaves open is placed at its own deck line', async () => {
    const deck = await compileAs('# One\n\nText\n\n---\n\n# Two\n\n  ~~~\n  x\n')
    expect(deck.messages).toMatchObject([{ line: 9, column: 3, ruleId: 'unclosed-fence' }])
  })
})
