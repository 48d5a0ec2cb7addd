import { stripVTControlCharacters } from 'node:util'
import { describe, expect, it } from 'vitest'
import { formatFile, formatMessage, useColor } from '../src/index.js'
import type { DeckMessage } from '../src/types.js'

const warning: DeckMessage = {
  reason: 'Unknown language "pyhton"',
  file: '/home/ada/talks/src/潮汐.slides.md',
  line: 12,
  column: 5,
  severity: 'warning',
  ruleId: 'unknown-language',
  source: 'slidemark',
}

describe('formatMessage', () => {
  it('is file:line:column: reason [ruleId], relative to the root when inside it', () => {
    expect(formatMessage(warning, { root: '/home/ada/talks' })).toBe(
      'src/潮汐.slides.md:12:5: Unknown language "pyhton" [unknown-language]',
    )
    expect(formatMessage(warning, { root: '/home/ada/other' })).toBe(
      '/home/ada/talks/src/潮汐.slides.md:12:5: Unknown language "pyhton" [unknown-language]',
    )
  })

  it('says error: before the reason of an error, and uses the fallback file', () => {
    expect(
      formatMessage({ ...warning, file: undefined, severity: 'error' }, { file: 'talk.md' }),
    ).toBe('talk.md:12:5: error: Unknown language "pyhton" [unknown-language]')
  })

  it('colours only when asked, and the text is the same without the codes', () => {
    const plain = formatMessage({ ...warning, severity: 'error' })
    const coloured = formatMessage({ ...warning, severity: 'error' }, { color: true })
    expect(coloured).not.toBe(plain)
    expect(stripVTControlCharacters(coloured)).toBe(plain)
  })
})

describe('formatFile and useColor', () => {
  it('shows Windows paths with / and does not treat a sibling folder as inside', () => {
    expect(formatFile('C:\\talks\\a.slides.md', 'C:\\talks')).toBe('a.slides.md')
    expect(formatFile('/talks-old/a.slides.md', '/talks')).toBe('/talks-old/a.slides.md')
  })

  it('colours a terminal unless NO_COLOR is set, never a pipe', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true)
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false)
    expect(useColor({ isTTY: false }, {})).toBe(false)
  })
})
