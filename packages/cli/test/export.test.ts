import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, copyFixture, runCli, tempDir } from './helpers.js'
import { gridOf, layoutDifference } from './image-diff.js'

let project: string

beforeAll(() => {
  assertBuilt()
  project = copyFixture('talk')
})
afterAll(() => fs.rmSync(project, { recursive: true, force: true }))

/** Pages of a PDF as its page tree's root says (`/Type /Pages … /Count N` with no parent). */
function pdfPageCount(file: string): number {
  const text = fs.readFileSync(file).toString('latin1')
  const counts = [
    ...text.matchAll(
      /\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g,
    ),
  ]
  return Math.max(0, ...counts.map((match) => Number(match[1] ?? match[2])))
}

/** Width and height from a PNG's header. */
function pngSize(file: string): [number, number] {
  const data = fs.readFileSync(file)
  expect(data.subarray(1, 4).toString()).toBe('PNG')
  return [data.readUInt32BE(16), data.readUInt32BE(20)]
}

describe('slidemark export', () => {
  it('--pdf and --png write one page and one image per slide, reporting progress', async () => {
    const result = await runCli(
      ['export', 'talk.slides.md', '--pdf', 'out/talk.pdf', '--png', 'images'],
      { cwd: project },
    )
    expect(result.stderr).toContain('slidemark: wrote out/talk.pdf (6 pages)')
    expect(result.code).toBe(0)
    expect(pdfPageCount(path.join(project, 'out', 'talk.pdf'))).toBe(6)
    const files = fs.readdirSync(path.join(project, 'images')).sort()
    expect(files).toEqual([
      '.slidemark-output.json',
      ...[1, 2, 3, 4, 5, 6].map((n) => `slide-0${n}.png`),
    ])
    files.shift()
    for (const file of files) {
      expect(pngSize(path.join(project, 'images', file))).toEqual([1800, 1400])
    }
    for (let k = 1; k <= 6; k++) expect(result.stderr).toContain(`exported slide ${k}/6`)
  })

  it('--steps writes one page and one image per build step; --notes adds the notes', async () => {
    const result = await runCli(
      ['export', 'talk.slides.md', '--pdf', 'steps.pdf', '--png', 'steps', '--steps', '--notes'],
      { cwd: project },
    )
    expect(result.code).toBe(0)
    expect(pdfPageCount(path.join(project, 'steps.pdf'))).toBe(8)
    const files = fs
      .readdirSync(path.join(project, 'steps'))
      .filter((name) => name.endsWith('.png'))
    expect(files).toHaveLength(8)
    expect(files).toEqual(
      expect.arrayContaining(['slide-03-1.png', 'slide-03-2.png', 'slide-03-3.png']),
    )
    // The first step shows less of the slide than the last.
    const first = fs.statSync(path.join(project, 'steps', 'slide-03-1.png')).size
    const last = fs.statSync(path.join(project, 'steps', 'slide-03-3.png')).size
    expect(first).toBeLessThan(last)
    // Slide 2 has notes, printed below it; slide 1 has none.
    expect(pngSize(path.join(project, 'steps', 'slide-01-1.png'))).toEqual([1800, 1400])
    expect(pngSize(path.join(project, 'steps', 'slide-02-1.png'))[1]).toBeGreaterThan(1400)
  })

  it('--steps shows a reveal.js highlight fragment before its step, unhighlighted', async () => {
    const dir = tempDir()
    try {
      const deck = (fragment: string) =>
        `---\nformat: reveal\n---\n\n## Effects\n\nThese words change colour, they never appear ${fragment}\n`
      fs.writeFileSync(
        path.join(dir, 'effect.slides.md'),
        deck('<!-- .element: class="fragment highlight-red" -->'),
      )
      fs.writeFileSync(path.join(dir, 'plain.slides.md'), deck(''))
      for (const name of ['effect', 'plain']) {
        const result = await runCli(
          ['export', `${name}.slides.md`, '--png', name, '--steps', '--theme', 'horizon'],
          { cwd: dir },
        )
        expect(result.code).toBe(0)
      }
      const grid = (file: string) => gridOf(path.join(dir, file), 1280, 720)
      // Step 1, before the highlight, shows the words as the slide without the effect does.
      const before = grid('effect/slide-01-1.png')
      expect(layoutDifference(before, grid('plain/slide-01-1.png'))).toBeLessThan(0.002)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a --browser that does not exist is refused before any work', async () => {
    const result = await runCli(['export', 'talk.slides.md', '--browser', '/no/such/chromium'], {
      cwd: project,
    })
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe(
      'slidemark: --browser /no/such/chromium is not an executable browser',
    )
    expect(fs.existsSync(path.join(project, 'talk.pdf'))).toBe(false)
  })

  it('CHROMIUM_PATH that does not exist is named in the error', async () => {
    const result = await runCli(['export', 'talk.slides.md'], {
      cwd: project,
      env: { CHROMIUM_PATH: '/no/such/chrome' },
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('CHROMIUM_PATH /no/such/chrome is not an executable browser')
  })
})
