import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CURRENT_SLIDE, currentSlide, stepThrough } from './deck-page.js'
import {
  assertBuilt,
  copyFixture,
  launchChromium,
  packageDir,
  runCli,
  serveStatic,
  tempDir,
} from './helpers.js'

const titles = [
  'Tide Tables for Beginners',
  'Why tides matter',
  'Reading a table',
  'A morning on the water',
  'Computing the rule of twelfths',
  'Questions',
]

let browser: Browser
let project: string

beforeAll(async () => {
  assertBuilt()
  project = copyFixture('talk')
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  fs.rmSync(project, { recursive: true, force: true })
})

/** Files under `dir`, relative, sorted. */
function filesIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

describe('slidemark build', () => {
  it('writes a static deck whose every slide and step shows in Chromium', async () => {
    const result = await runCli(['build', 'talk.slides.md', '--out', 'site'], { cwd: project })
    expect(result.stderr).toContain('slidemark: compiled 6/6 slides of talk.slides.md')
    expect(result.code).toBe(0)
    const out = path.join(project, 'site')
    const files = filesIn(out)
    expect(files).toContain('index.html')
    expect(files.some((file) => /^assets\/sunrise-[\w-]+\.png$/.test(file))).toBe(true)

    const server = await serveStatic(out)
    const page = await browser.newPage()
    const failed: string[] = []
    page.on('requestfailed', (request) => failed.push(request.url()))
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(response.url())
    })
    try {
      await page.goto(server.url)
      expect(await page.title()).toBe('Tide Tables for Beginners')
      const shown = await stepThrough(page)
      expect(shown.map((state) => state.index)).toEqual([0, 1, 2, 2, 2, 3, 4, 5])
      expect(shown.filter((state) => state.index === 2).map((state) => state.hiddenSteps)).toEqual([
        2, 1, 0,
      ])
      const texts = [...new Map(shown.map((state) => [state.index, state.text])).values()]
      for (const [n, title] of titles.entries()) expect(texts[n]).toContain(title)

      await page.goto(`${server.url}#slide4`)
      await page.reload()
      expect((await currentSlide(page)).index).toBe(3)
      const image = page.locator(`${CURRENT_SLIDE} img`)
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBe(80)
      expect(failed).toEqual([])
    } finally {
      await page.close()
      await server.close()
    }
  })

  it('--base /talks/ gives a deck that works under that path', async () => {
    const result = await runCli(
      ['build', 'talk.slides.md', '--out', 'talks', '--base', '/talks/'],
      {
        cwd: project,
      },
    )
    expect(result.code).toBe(0)
    const html = fs.readFileSync(path.join(project, 'talks', 'index.html'), 'utf8')
    expect(html).toMatch(/src="\/talks\/assets\/index-[\w-]+\.js"/)
    const server = await serveStatic(path.join(project, 'talks'), '/talks/')
    const page = await browser.newPage()
    try {
      await page.goto(`${server.url}#slide4`)
      const image = page.locator(`${CURRENT_SLIDE} img`)
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(80)
      expect(server.requests.every((request) => request.startsWith('/talks/'))).toBe(true)
    } finally {
      await page.close()
      await server.close()
    }
  })

  it('a failed build lists every missing image, one line each, not only the first', async () => {
    const dir = tempDir()
    try {
      fs.writeFileSync(
        path.join(dir, 'talk.slides.md'),
        '# One\n\n![](gone.png)\n\n---\n\n# Two\n\n![](also-gone.png)\n',
      )
      const result = await runCli(['build', 'talk.slides.md'], { cwd: dir })
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(
        /^slidemark: build failed: talk\.slides\.md:3:1: .*gone\.png.* \[missing-asset\]\ntalk\.slides\.md:9:1: .*also-gone\.png.* \[missing-asset\]$/m,
      )
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a failed build leaves the previous output as it was and no temporary files', async () => {
    const dir = copyFixture('talk')
    try {
      fs.mkdirSync(path.join(dir, 'dist', 'assets'), { recursive: true })
      fs.writeFileSync(path.join(dir, 'dist', 'index.html'), 'previous build')
      fs.writeFileSync(path.join(dir, 'dist', 'assets', 'old.js'), '')
      const manifest = {
        generator: 'slidemark',
        version: '0.0.1',
        files: ['assets/old.js', 'index.html'],
      }
      fs.writeFileSync(path.join(dir, 'dist', '.slidemark-output.json'), JSON.stringify(manifest))
      const before = filesIn(path.join(dir, 'dist'))
      fs.rmSync(path.join(dir, 'img', 'sunrise.png'))
      const result = await runCli(['build', 'talk.slides.md'], { cwd: dir })
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(
        /^slidemark: build failed: talk\.slides\.md:39:1: .*sunrise\.png.* \[missing-asset\]$/m,
      )
      expect(filesIn(path.join(dir, 'dist'))).toEqual(before)
      expect(fs.readFileSync(path.join(dir, 'dist', 'index.html'), 'utf8')).toBe('previous build')
      expect(fs.readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('slidemark build --single-file', () => {
  it('writes only presentation.html, which presents every slide and the image offline', async () => {
    const result = await runCli(['build', 'talk.slides.md', '--single-file', '--out', 'single'], {
      cwd: project,
    })
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(
      'slidemark: wrote single/presentation.html (6 slides, opens offline)',
    )
    expect(filesIn(path.join(project, 'single'))).toEqual(['presentation.html'])
    const html = fs.readFileSync(path.join(project, 'single', 'presentation.html'), 'utf8')
    expect(html).toContain('<title>Tide Tables for Beginners</title>')
    expect(html).not.toMatch(/<script[^>]+src=/)
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/)

    const context = await browser.newContext()
    const requests: string[] = []
    await context.route('**', (route) => {
      const url = route.request().url()
      requests.push(url)
      return url.startsWith('file:') ? route.continue() : route.abort()
    })
    const page = await context.newPage()
    const failed: string[] = []
    page.on('requestfailed', (request) => failed.push(request.url()))
    try {
      await page.goto(`file://${path.join(project, 'single', 'presentation.html')}`)
      const shown = await stepThrough(page)
      expect(new Set(shown.map((state) => state.index)).size).toBe(6)
      expect(shown).toHaveLength(8)
      await page.goto(`file://${path.join(project, 'single', 'presentation.html')}#slide4`)
      await page.reload()
      expect((await currentSlide(page)).index).toBe(3)
      const image = page.locator(`${CURRENT_SLIDE} img`)
      expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(80)
      expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([])
      expect(failed).toEqual([])
    } finally {
      await context.close()
    }
  })
})

describe('themes', () => {
  it("a theme installed in the deck's project, named in the front matter, presents the deck", async () => {
    const dir = copyFixture('talk')
    try {
      const themeDir = path.join(dir, 'node_modules', 'slidemark-theme-plain')
      fs.cpSync(path.join(packageDir, 'test', 'fixtures', 'plain-theme'), themeDir, {
        recursive: true,
      })
      const deck = path.join(dir, 'talk.slides.md')
      fs.writeFileSync(
        deck,
        fs.readFileSync(deck, 'utf8').replace('lang: en', 'lang: en\ntheme: plain'),
      )
      const result = await runCli(['build', 'talk.slides.md', '--single-file'], { cwd: dir })
      expect(result.stderr).toContain('building with slidemark-theme-plain')
      expect(result.code).toBe(0)
      const page = await browser.newPage()
      try {
        await page.goto(`file://${path.join(dir, 'dist', 'presentation.html')}`)
        await expect.poll(() => page.locator('.plain-slide').count()).toBe(6)
        expect(
          await page
            .locator('.plain-slide')
            .first()
            .evaluate((element) => getComputedStyle(element).borderTopColor),
        ).toBe('rgb(10, 20, 30)')
      } finally {
        await page.close()
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('--theme horizon switches to the other bundled theme', async () => {
    const result = await runCli(
      ['build', 'talk.slides.md', '--theme', 'horizon', '--single-file', '--out', 'horizon.html'],
      { cwd: project },
    )
    expect(result.stderr).toContain('building with @slidemark/theme-horizon')
    expect(result.code).toBe(0)
    const page = await browser.newPage()
    try {
      await page.goto(`file://${path.join(project, 'horizon.html')}#slide2`)
      expect((await currentSlide(page)).text).toBe('Why tides matter')
      const theme = page.locator('[data-slidemark-deck]')
      expect(await theme.getAttribute('data-theme')).toBe('horizon')
    } finally {
      await page.close()
    }
  })

  it('a theme the front matter names in a way read only by compiling is still the one used', async () => {
    // The build starts Vite with the theme read from the `theme:` line (none here: the default),
    // then finds `horizon` in the compiled deck and builds again with it.
    fs.writeFileSync(
      path.join(project, 'folded.slides.md'),
      '---\ntitle: "Folded <front> matter"\nlang: fr\ntheme:\n  horizon\n---\n\n# One\n\n---\n\n# Two\n',
    )
    const result = await runCli(
      ['build', 'folded.slides.md', '--single-file', '--out', 'folded.html', '--no-check'],
      { cwd: project },
    )
    expect(result.stderr).toContain('building with @slidemark/theme-horizon')
    expect(result.code).toBe(0)
    const html = fs.readFileSync(path.join(project, 'folded.html'), 'utf8')
    expect(html).toContain('horizon-slide')
    expect(html).not.toMatch(/[`'"]html5-slides[`'"]/)
    expect(html).toContain('<title>Folded &#60;front&#62; matter</title>')
    expect(html).toMatch(/^<!doctype html>\s*<html lang="fr">/)
  })
})
