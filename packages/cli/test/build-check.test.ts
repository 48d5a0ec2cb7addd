import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, copyFixture, runCli } from './helpers.js'

let project: string

beforeAll(() => {
  assertBuilt()
  project = copyFixture('check')
})
afterAll(() => fs.rmSync(project, { recursive: true, force: true }))

/** The `file:line:column: reason [ruleId]` lines of a run, without the progress lines. */
function messageLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => /^\S+:\d+:\d+: .* \[[\w-]+\]$/.test(line))
}

describe('slidemark build runs the layout check', () => {
  it('prints what check finds as file:line:column lines and still writes the deck (exit 0)', async () => {
    // A folder under a base path: the check opens the files just written, images included.
    const result = await runCli(
      ['build', 'harbour.slides.md', '--out', 'site', '--base', '/talks/harbour/'],
      { cwd: project },
    )
    expect(result.code).toBe(0)
    expect(fs.existsSync(path.join(project, 'site', 'index.html'))).toBe(true)
    const lines = messageLines(result.stderr)
    // The compile warning comes first (printed before the build), then the layout's.
    expect(lines.map((line) => line.replace(/:\d+: .*\[/, ' ['))).toEqual([
      'harbour.slides.md:148 [unknown-language]',
      'harbour.slides.md:19 [slide-overflow]',
      'harbour.slides.md:146 [image-alt]',
    ])
    expect(lines[1]).toMatch(/^harbour\.slides\.md:19:1: slide 3 does not fit: \d+ px too tall/)
    // The chart loaded from /talks/harbour/assets/: no image-load warning.
    expect(result.stderr).not.toContain('[image-load]')
    expect(result.stderr).toContain('slidemark: layout checked: 2 problems')
  })

  it('checks a single-file build in the horizon theme too', async () => {
    const result = await runCli(
      ['build', 'harbour.slides.md', '--single-file', '--out', 'one.html', '--theme', 'horizon'],
      { cwd: project },
    )
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(
      /^harbour\.slides\.md:19:1: slide 3 does not fit: .*\[slide-overflow\]$/m,
    )
    expect(fs.existsSync(path.join(project, 'one.html'))).toBe(true)
  })

  it('says in one line that it found no browser, and builds anyway', async () => {
    const result = await runCli(['build', 'calm.slides.md', '--out', 'calm-site'], {
      cwd: project,
      env: { CHROMIUM_PATH: path.join(project, 'no-such-chromium') },
    })
    expect(result.code).toBe(0)
    const notChecked = result.stderr.split('\n').filter((line) => line.includes('not checked'))
    expect(notChecked).toEqual([
      `slidemark: layout not checked (--no-check skips this): CHROMIUM_PATH ${path.join(project, 'no-such-chromium')} is not an executable browser`,
    ])
    expect(fs.existsSync(path.join(project, 'calm-site', 'index.html'))).toBe(true)
  })

  it('--no-check skips it', async () => {
    const result = await runCli(['build', 'harbour.slides.md', '--out', 'quick', '--no-check'], {
      cwd: project,
    })
    expect(result.code).toBe(0)
    expect(result.stderr).not.toContain('layout')
    expect(result.stderr).not.toContain('[slide-overflow]')
    // The up-front compile warnings still show.
    expect(result.stderr).toContain('[unknown-language]')
  })

  it('says every slide fits on a deck that does', async () => {
    const result = await runCli(['build', 'calm.slides.md', '--out', 'calm-checked'], {
      cwd: project,
    })
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('slidemark: layout checked: every slide fits')
  })
})
