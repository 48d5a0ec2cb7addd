import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { currentSlide } from './deck-page.js'
import {
  assertBuilt,
  copyFixture,
  launchChromium,
  runCli,
  serveStatic,
  startCli,
  tempDir,
} from './helpers.js'

let browser: Browser
let work: string
/** The deck as the user reaches it: through a symbolic link to a folder with a space and accents. */
const deck = 'talks/décks/talk.slides.md'

beforeAll(async () => {
  assertBuilt()
  browser = await launchChromium()
  // work/Vorträge 2026/Gezeiten für Anfänger/  (the real folder)
  // work/talks/décks -> ../Vorträge 2026/Gezeiten für Anfänger
  work = tempDir('slidemark-paths-')
  const real = path.join(work, 'Vorträge 2026', 'Gezeiten für Anfänger')
  fs.mkdirSync(path.dirname(real), { recursive: true })
  fs.cpSync(copyFixture('talk'), real, { recursive: true })
  fs.copyFileSync(
    path.join(real, 'img', 'sunrise.png'),
    path.join(real, 'img', 'lever du soleil é.png'),
  )
  fs.appendFileSync(
    path.join(real, 'talk.slides.md'),
    '\n---\n\n# 日の出 – lever du soleil\n\n![Sonnenaufgang](./img/lever%20du%20soleil%20é.png)\n',
  )
  fs.mkdirSync(path.join(work, 'talks'))
  fs.symlinkSync(
    path.join('..', 'Vorträge 2026', 'Gezeiten für Anfänger'),
    path.join(work, 'talks', 'décks'),
  )
})
afterAll(async () => {
  await browser?.close()
  fs.rmSync(work, { recursive: true, force: true })
})

describe('decks behind symbolic links, in folders with spaces and non-ASCII names', () => {
  it('build writes a deck that shows every slide and both images', async () => {
    const result = await runCli(['build', deck, '--out', 'site ü'], { cwd: work })
    expect(result.stderr).toContain('slidemark: wrote site ü/ (7 slides)')
    expect(result.code).toBe(0)
    const server = await serveStatic(path.join(work, 'site ü'))
    const page = await browser.newPage()
    try {
      await page.goto(`${server.url}#slide7`)
      expect((await currentSlide(page)).text).toBe('日の出 – lever du soleil')
      const image = page.locator('[data-slidemark-slide][aria-current="true"] img')
      await expect
        .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
        .toBeGreaterThan(0)
    } finally {
      await page.close()
      await server.close()
    }
  })

  it('export writes one PDF page per slide', async () => {
    const result = await runCli(['export', deck, '--pdf', 'Gezeiten für Anfänger.pdf'], {
      cwd: work,
    })
    expect(result.stderr).toContain('slidemark: wrote Gezeiten für Anfänger.pdf (7 pages)')
    expect(result.code).toBe(0)
  })

  it('dev serves the deck and its images', async () => {
    const server = await startCli(
      ['dev', deck, '--port', '0', '--host', '127.0.0.1'],
      /slidemark: ready at (http:\/\/127\.0\.0\.1:\d+\/)/,
      { cwd: work },
    )
    const page = await browser.newPage()
    try {
      await page.goto(`${server.match[1]}#slide7`)
      expect((await currentSlide(page)).text).toBe('日の出 – lever du soleil')
      const image = page.locator('[data-slidemark-slide][aria-current="true"] img')
      await expect
        .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
        .toBeGreaterThan(0)
    } finally {
      await page.close()
      server.child.kill('SIGINT')
      await server.exited
    }
  })
})
