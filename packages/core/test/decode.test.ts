import { describe, expect, test } from 'vitest'
import { decodeDeck } from '../src/index.js'

const latin1 = (text: string) => Buffer.from(text, 'latin1')
const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))),
  )

describe('decodeDeck', () => {
  test('UTF-8 text (CJK, emoji, a byte order mark) decodes unchanged, without messages', () => {
    const text = '\uFEFF# 東京の夜 🌃\n\n---\n\n## Café\n'
    expect(decodeDeck(Buffer.from(text), 'talk.slides.md')).toEqual({ text, messages: [] })
  })

  test('a Latin-1 deck warns at the line and column of its first bad byte', () => {
    const deck = latin1('# Résumé of the quarter\n\n---\n\n## Straße\n')
    const { text, messages } = decodeDeck(deck, 'talk.slides.md')
    expect(text).toBe('# R\uFFFDsum\uFFFD of the quarter\n\n---\n\n## Stra\uFFFDe\n')
    expect(messages).toEqual([
      expect.objectContaining({
        file: 'talk.slides.md',
        line: 1,
        column: 4,
        severity: 'warning',
        ruleId: 'invalid-utf8',
        source: 'slidemark',
      }),
    ])
    expect(messages[0]?.reason).toContain('byte 0xE9')
  })

  test('columns count characters after multi-byte ones, lines count CRLF and CR endings', () => {
    const deck = bytes('# 日本語\r\n\r\n---\r## 価格 ', [0xa3], '10\n')
    expect(decodeDeck(deck).messages[0]).toMatchObject({ line: 4, column: 7 })
  })

  test('a byte order mark is before the first column', () => {
    expect(decodeDeck(bytes([0xef, 0xbb, 0xbf], 'ab', [0xff])).messages[0]).toMatchObject({
      line: 1,
      column: 3,
    })
  })

  test('a character cut short is placed at its first byte, also at the end of the file', () => {
    // `€` is E2 82 AC: here its last byte is missing, once mid-text and once at the end.
    expect(decodeDeck(bytes('one\ntwo ', [0xe2, 0x82], ' three')).messages[0]).toMatchObject({
      line: 2,
      column: 5,
    })
    expect(decodeDeck(bytes('x\n\nend', [0xe2, 0x82])).messages[0]).toMatchObject({
      line: 3,
      column: 4,
    })
    expect(decodeDeck(bytes('x\n\nend', [0xe2])).messages[0]).toMatchObject({ line: 3, column: 4 })
  })

  test('a stray continuation byte and an overlong encoding are bad bytes too', () => {
    expect(decodeDeck(bytes('ok ', [0x80])).messages[0]).toMatchObject({ line: 1, column: 4 })
    expect(decodeDeck(bytes('a', [0xc0, 0xaf])).messages[0]).toMatchObject({ line: 1, column: 2 })
  })

  test('only the first bad byte is reported, however many follow', () => {
    const deck = latin1(`# Title\n\n${'àéîõü\n'.repeat(2000)}`)
    const { messages } = decodeDeck(deck)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ line: 3, column: 1 })
  })
})
