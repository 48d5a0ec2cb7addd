import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, runCli, tempDir } from './helpers.js'

const made: string[] = []
beforeAll(assertBuilt)
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/**
 * A deck saved by an old editor in Latin-1: its first bad byte is the `é` of
 * "Café" on line 7, column 17 (a UTF-8 `—` and `東京` come before it on that
 * line, so the column counts characters, not bytes).
 */
function latin1Deck(): string {
  const dir = tempDir('slidemark-latin1-')
  made.push(dir)
  const utf8 = Buffer.from(
    '---\ntitle: Harbour notes\n---\n\nHarbour notes\n\n## Tour — 東京 Café du port\n\n- crème brûlée at the quay\n\n---\n\n# Straße\n',
  )
  // Re-encode only the Latin letters after line 6, as a Latin-1 editor would have saved them.
  const lines = utf8.toString().split('\n')
  const head = Buffer.from(`${lines.slice(0, 6).join('\n')}\n## Tour — 東京 Caf`)
  const tail = Buffer.from(
    `${lines.slice(6).join('\n').slice('## Tour — 東京 Caf'.length)}`,
    'latin1',
  )
  fs.writeFileSync(path.join(dir, 'harbour.slides.md'), Buffer.concat([head, tail]))
  return dir
}

const WARNING =
  /^harbour\.slides\.md:7:17: this file is not valid UTF-8 \(byte 0xE9\); bad bytes are shown as \uFFFD\. .*\[invalid-utf8\]$/m

describe('a deck that is not UTF-8', () => {
  it('inspect lists its slides and warns at the first bad byte', async () => {
    const dir = latin1Deck()
    const result = await runCli(['inspect', 'harbour.slides.md'], { cwd: dir })
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(WARNING)
    expect(result.stdout).toContain('Harbour notes: 2 slides')
    expect(result.stdout).toContain('Stra\uFFFDe')
  })

  it('inspect --json carries the same warning in the deck’s messages', async () => {
    const dir = latin1Deck()
    const result = await runCli(['inspect', 'harbour.slides.md', '--json'], { cwd: dir })
    expect(result.code).toBe(0)
    const deck = JSON.parse(result.stdout)
    expect(deck.messages).toContainEqual(
      expect.objectContaining({
        file: 'harbour.slides.md',
        line: 7,
        column: 17,
        severity: 'warning',
        ruleId: 'invalid-utf8',
      }),
    )
  })

  it('build succeeds with the same warning printed once, and the text as inspect shows it', async () => {
    const dir = latin1Deck()
    const result = await runCli(
      ['build', 'harbour.slides.md', '--single-file', '--out', 'h.html'],
      {
        cwd: dir,
      },
    )
    expect(result.stderr).not.toMatch(/UNLOADABLE_DEPENDENCY|please report/)
    expect(result.code).toBe(0)
    expect(result.stderr.match(new RegExp(WARNING.source, 'gm'))).toHaveLength(1)
    expect(fs.readFileSync(path.join(dir, 'h.html'), 'utf8')).toContain('Stra\uFFFDe')
  })

  it('check reports the warning too', async () => {
    const dir = latin1Deck()
    const result = await runCli(['check', 'harbour.slides.md'], { cwd: dir })
    expect(result.stderr).toMatch(WARNING)
    expect(result.stderr).not.toMatch(/please report|\n\s+at /)
  })
})
