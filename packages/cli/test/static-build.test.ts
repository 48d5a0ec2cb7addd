import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appInputs, canWriteStatic, staticAppFor } from '../src/static-app.js'
import { resolveTheme } from '../src/theme.js'
import { CURRENT_SLIDE, currentSlide } from './deck-page.js'
import {
  assertBuilt,
  fixtures,
  launchChromium,
  packageDir,
  runCli,
  serveStatic,
  tempDir,
} from './helpers.js'

/** A small deck in the original habits: `#Title`, `##` titles, `!lang` code, `$$$$` steps, CJK. */
const SMALL = `Harbour Pilots

A short talk on tides

---

#Reading the water

- slack tide lasts minutes
- 潮の満ち引きは月が決める

$$$$

- and the flood turns fast

---

## Two kinds of chart

| chart | scale |
| --- | ---: |
| harbour | 1:5 000 |
| coast | 1:50 000 |

---

# Counting the twelfths

    !python
    def twelfths(range_m):
        return [range_m * n / 12 for n in (1, 2, 3, 3, 2, 1)]
`

/** A deck big enough to be split into chunks (its slides' HTML is over 512 000 characters). */
function bigDeck(slides: number): string {
  const code = (n: number) =>
    Array.from({ length: 24 }, (_, k) => `    total_${n}_${k} = sum(range(${k})) * ${n}`).join('\n')
  return [
    'Lighthouse Logs\n\nA long deck',
    ...Array.from(
      { length: slides - 1 },
      (_, n) =>
        `# Log ${n + 1}: beam and fog\n\nEntry ${n + 1} of the keeper.\n\n    !python\n${code(n)}`,
    ),
  ].join('\n\n---\n\n')
}

let browser: Browser

beforeAll(async () => {
  assertBuilt()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

/** Builds `source` twice: with the prebuilt app, and through Vite (a `public/` folder forces it). */
async function buildBoth(source: string, extra: string[] = []) {
  const dir = tempDir()
  const vite = path.join(dir, 'vite')
  fs.mkdirSync(path.join(vite, 'public'), { recursive: true })
  fs.writeFileSync(path.join(vite, 'public', 'robots.txt'), 'User-agent: *\n')
  const bundlers: string[][] = []
  for (const folder of [dir, vite]) {
    fs.writeFileSync(path.join(folder, 'deck.slides.md'), source)
    const result = await runCli(['build', 'deck.slides.md', '--no-check', ...extra], {
      cwd: folder,
      env: { NODE_OPTIONS: `--import=${path.join(fixtures, 'report-bundlers.mjs')}` },
    })
    expect(result.stderr).toMatch(/slidemark: wrote dist\//)
    expect(result.code).toBe(0)
    bundlers.push(result.stderr.split('\n').filter((line) => line.startsWith('loaded-bundler:')))
  }
  // Without Vite means without loading it, or Rolldown; the other build loads both.
  expect(bundlers[0]).toEqual([])
  expect(bundlers[1]?.length).toBeGreaterThan(0)
  return { dir, fast: path.join(dir, 'dist'), vite: path.join(vite, 'dist') }
}

/** What the page shows for `#slideN`: the current slide's index and HTML, the heading's font. */
async function shownAt(url: string, n: number) {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  try {
    await page.goto(`${url}#slide${n}`)
    const shown = await currentSlide(page)
    const html = await page.locator(CURRENT_SLIDE).evaluate((element) => element.innerHTML)
    const font = await page.locator(CURRENT_SLIDE).evaluate((element) => {
      const style = getComputedStyle(element.querySelector('h1, h2, p') ?? element)
      return `${style.fontFamily} ${style.fontSize} ${style.color}`
    })
    return { index: shown.index, html, font, errors }
  } finally {
    await page.close()
  }
}

async function compareAt(built: { fast: string; vite: string }, slides: number[]) {
  const fast = await serveStatic(built.fast)
  const vite = await serveStatic(built.vite)
  try {
    for (const n of slides) {
      const [a, b] = [await shownAt(fast.url, n), await shownAt(vite.url, n)]
      expect(a.index).toBe(n - 1)
      expect(a.errors).toEqual([])
      expect(a).toEqual(b)
    }
  } finally {
    await fast.close()
    await vite.close()
  }
}

describe('slidemark build with a bundled theme, without Vite', () => {
  it('lists every file written with its size and gzip size (measured as it is written)', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'deck.slides.md'), bigDeck(120))
    const result = await runCli(['build', 'deck.slides.md', '--no-check'], { cwd: dir })
    expect(result.code).toBe(0)
    const rows = result.stderr
      .split('\n')
      .map((line) => line.match(/^ {2}(dist\/\S+)\s+([\d.]+) kB\s+│ gzip ([\d.]+) kB$/))
      .filter((row): row is RegExpMatchArray => row !== null)
    const written = fs
      .readdirSync(path.join(dir, 'dist'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== '.slidemark-output.json')
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    expect(written.filter((file) => file.includes('deck-')).length).toBeGreaterThan(1)
    expect(rows.map((row) => row[1]).sort()).toEqual(written.sort())
    const kB = (bytes: number) => (bytes / 1024).toFixed(2)
    for (const [, file, size, gzip] of rows) {
      const data = fs.readFileSync(path.join(dir, file as string))
      expect([file, size, gzip]).toEqual([file, kB(data.length), kB(gzipSync(data).length)])
    }
  }, 60_000)

  it('writes the prebuilt app and the deck, and shows every slide as the Vite build does', async () => {
    const built = await buildBoth(SMALL)
    try {
      const html = fs.readFileSync(path.join(built.fast, 'index.html'), 'utf8')
      const app = html.match(/rel="modulepreload" crossorigin href="\.\/(assets\/app-[\w-]+\.js)"/)
      expect(app).not.toBeNull()
      const entry = html.match(/src="\.\/(assets\/index-[\w-]+\.js)"/)?.[1] as string
      expect(fs.readFileSync(path.join(built.fast, entry), 'utf8')).toContain(
        `from "./${path.basename(app?.[1] as string)}"`,
      )
      expect(html).toContain('<title>Harbour Pilots</title>')
      // The Vite build has no prebuilt app, and copied public/.
      expect(fs.readFileSync(path.join(built.vite, 'index.html'), 'utf8')).not.toContain('app-')
      expect(fs.existsSync(path.join(built.vite, 'robots.txt'))).toBe(true)
      await compareAt(built, [1, 2, 3, 4])
    } finally {
      fs.rmSync(built.dir, { recursive: true, force: true })
    }
  })

  it('splits a big deck into chunks as Vite does: a deep link to a late slide shows it', async () => {
    const built = await buildBoth(bigDeck(220), ['--theme', 'horizon'])
    try {
      const chunks = fs
        .readdirSync(path.join(built.fast, 'assets'))
        .filter((file) => /^deck-\d+-/.test(file))
      expect(chunks.length).toBeGreaterThan(3)
      // The page preloads the chunk of the slide its URL opens on, as a Vite build's page does.
      const html = fs.readFileSync(path.join(built.fast, 'index.html'), 'utf8')
      expect(html).toMatch(/<script>\(function\(parseHash,/)
      for (const chunk of chunks) expect(html).toContain(`"./assets/${chunk}"`)
      await compareAt(built, [1, 2, 120, 219, 220])
    } finally {
      fs.rmSync(built.dir, { recursive: true, force: true })
    }
  }, 120_000)

  it('--base /talks/ links the app under that path', async () => {
    const dir = tempDir()
    try {
      fs.writeFileSync(path.join(dir, 'deck.slides.md'), SMALL)
      const result = await runCli(
        ['build', 'deck.slides.md', '--no-check', '--out', 'talks', '--base', '/talks/'],
        { cwd: dir },
      )
      expect(result.code).toBe(0)
      const out = path.join(dir, 'talks')
      expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toMatch(
        /href="\/talks\/assets\/app-[\w-]+\.js"/,
      )
      const server = await serveStatic(out, '/talks/')
      const page = await browser.newPage()
      try {
        await page.goto(`${server.url}#slide4`)
        expect((await currentSlide(page)).text).toBe('Counting the twelfths')
        expect(server.requests.every((request) => request.startsWith('/talks/'))).toBe(true)
      } finally {
        await page.close()
        await server.close()
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('when the prebuilt app cannot be used', () => {
  it('a deck with assets or math needs Vite', () => {
    const slide = {
      index: 0,
      title: 'A',
      header: '',
      content: '<p>a</p>',
      kind: 'content' as const,
      steps: 1,
      notes: '',
      classes: [],
      source: { start: 1, end: 2 },
      assets: [],
    }
    const deck = (content: string, assets: typeof slide.assets = []) => ({
      meta: {},
      messages: [],
      slides: [{ ...slide, content, assets }],
    })
    expect(canWriteStatic(deck('<p>a</p>'))).toBe(true)
    expect(canWriteStatic(deck('<span class="katex">x</span>'))).toBe(false)
    const image = { url: './a.png', line: 1, column: 1 } as unknown as never
    expect(canWriteStatic(deck('<p><img src="./a.png"></p>', [image]))).toBe(false)
  })

  it('an app built from other theme files than the installed ones is not used', () => {
    const installed = resolveTheme('html5-slides', packageDir)
    expect(staticAppFor(installed)?.theme).toBe('@slidemark/theme-html5-slides')
    const copy = tempDir()
    try {
      fs.cpSync(installed.dir, copy, {
        recursive: true,
        filter: (file) => !file.includes('node_modules'),
      })
      const theme = { ...installed, dir: copy }
      const before = appInputs(copy)
      fs.appendFileSync(path.join(copy, 'dist', 'style.css'), '\n.changed { color: red }\n')
      expect(appInputs(copy)).not.toBe(before)
      expect(staticAppFor(theme)).toBeUndefined()
    } finally {
      fs.rmSync(copy, { recursive: true, force: true })
    }
  })

  it('a deck with an image is built by Vite, image included', async () => {
    const dir = tempDir()
    try {
      fs.copyFileSync(
        path.join(packageDir, 'test', 'fixtures', 'talk', 'img', 'sunrise.png'),
        path.join(dir, 'sunrise.png'),
      )
      fs.writeFileSync(
        path.join(dir, 'deck.slides.md'),
        `${SMALL}\n\n---\n\n# Dawn\n\n![dawn](./sunrise.png)\n`,
      )
      const result = await runCli(['build', 'deck.slides.md', '--no-check'], { cwd: dir })
      expect(result.code).toBe(0)
      const files = fs.readdirSync(path.join(dir, 'dist', 'assets'))
      expect(files.some((file) => /^sunrise-[\w-]+\.png$/.test(file))).toBe(true)
      expect(files.some((file) => file.startsWith('app-'))).toBe(false)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
