import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { Page } from '@playwright/test'
import slidemark from '@slidemark/vite-plugin'
import { build } from 'vite'
import { chunkedAppDir } from '../paths.js'
import { serveStatic } from '../static-server.js'
import { dom } from './dom.js'
import { expect, test } from './fixtures.js'

// A 90-slide deck built with a small `lazy` threshold, so its slides' HTML
// comes in chunks around the current slide: what a built 500-slide talk
// does with the default threshold, at a size the suite can afford.

const SLIDES = 90
const TOPICS = [
  ['Back-pressure', 'python'],
  ['非同期 I/O とイベントループ', 'javascript'],
  ['Ownership without a garbage collector, explained with one diagram and too many words', 'rust'],
  ['Caching at the edge', 'go'],
] as const

/** Slide `n` (1-based) of the generated deck: a unique marker word, and a varied body. */
function slideText(n: number): string {
  const [topic, lang] = TOPICS[n % TOPICS.length] as (typeof TOPICS)[number]
  const marker = `marker${n}x`
  const heading = n % 3 === 0 ? `## ${topic} (${n})` : `#${topic} (${n})`
  const code = Array.from({ length: 12 }, (_, line) => `    value_${n}_${line} = ${line} * ${n}`)
  const body =
    n % 2 === 0
      ? [`    !${lang}`, ...code, '', `The ${marker} slide shows ${lang} code.`]
      : [
          `- ${marker}: the point of slide ${n}`,
          '- 第二の点：日本語の箇条書き',
          '',
          '$$$$',
          '',
          `| step | cost |\n| --- | --- |\n| ${n} | ${n * 3} ms |`,
        ]
  const notes = n % 5 === 0 ? ['', `.notes: Say ${marker} slowly; this is slide ${n}.`] : []
  return [heading, '', ...body, ...notes].join('\n')
}

function deckText(): string {
  const title = ['Chunked deck', '', `A ${SLIDES}-slide talk that loads in pieces`].join('\n')
  const slides = Array.from({ length: SLIDES - 1 }, (_, i) => slideText(i + 2))
  const frontMatter = '---\ntitle: Chunked deck\nlang: en\n---\n\n'
  return frontMatter + [title, ...slides].join('\n\n---\n\n')
}

let server: Server | undefined
let origin = ''
let outDir = ''
let deckDir = ''

test.beforeAll(async () => {
  test.setTimeout(180_000)
  deckDir = mkdtempSync(join(tmpdir(), 'slidemark-e2e-chunked-deck-'))
  outDir = mkdtempSync(join(tmpdir(), 'slidemark-e2e-chunked-'))
  const deckFile = join(deckDir, 'talk.slides.md')
  writeFileSync(deckFile, deckText())
  await build({
    root: chunkedAppDir,
    configFile: false,
    base: './',
    logLevel: 'warn',
    resolve: { alias: { 'chunked-deck.slides.md': deckFile } },
    plugins: [slidemark({ lazy: 20_000, cacheDir: false })],
    build: { outDir, emptyOutDir: true },
  })
  // The same build from a sub-path too: its URLs are relative (`base: './'`).
  const served = await serveStatic({ '/': outDir, '/talks/2026/': outDir })
  server = served.server
  origin = served.url
})

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  rmSync(outDir, { recursive: true, force: true })
  rmSync(deckDir, { recursive: true, force: true })
})

/** The page of the chunked deck: `?query` and `#hash` as given. */
const deckPage = (suffix = '') => `${origin}/index.html${suffix}`

test('the build splits the slides into chunks and keeps their HTML out of the entry', () => {
  const assets = readdirSync(join(outDir, 'assets')).filter((name) => name.endsWith('.js'))
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  const entry = assets.find((name) => html.includes(name)) as string
  expect(entry).toBeDefined()
  const entryCode = readFileSync(join(outDir, 'assets', entry), 'utf8')
  // Titles are in the entry (overview, labels); no slide's body is.
  expect(entryCode).toContain('Caching at the edge (87)')
  expect(entryCode).not.toMatch(/marker\d+x/)
  const chunks = assets.filter((name) => name !== entry && name.startsWith('talk.slides'))
  expect(chunks.length).toBeGreaterThan(2)
})

test('the first slide is on screen from the first chunk', async ({ page }) => {
  await page.goto(deckPage())
  await expect(dom.current(page)).toContainText('A 90-slide talk that loads in pieces')
  await expect(dom.current(page)).toBeInViewport()
  await expect(dom.counter(page)).toHaveText(`1 / ${SLIDES}`)
})

test('a deep link to a late slide shows that slide, then the keys move through the chunks', async ({
  page,
}) => {
  await page.goto(deckPage('#slide83'))
  await expect(dom.current(page)).toContainText('marker83x')
  await expect(dom.current(page)).not.toHaveAttribute('data-slidemark-pending', /.*/)
  await page.keyboard.press('End')
  await expect(dom.current(page)).toContainText(`marker${SLIDES}x`)
  await page.keyboard.press('Home')
  await expect(dom.current(page)).toContainText('A 90-slide talk')
  await page.goto(deckPage('#slide47'))
  await expect(dom.current(page)).toContainText('marker47x')
})

/** The URLs of the page's `<link rel="modulepreload">`s (the page's script adds one for the slide it opens on). */
const modulePreloads = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map(
      (link) => link.href,
    ),
  )

test('a deep link fetches its slide’s chunk with the page, from a sub-path, and never shows slide 1 first', async ({
  page,
}) => {
  // Every text the current slide element has had, from the first one drawn.
  await page.addInitScript(() => {
    const shown: string[] = []
    ;(window as unknown as { shown: string[] }).shown = shown
    new MutationObserver(() => {
      const current = document.querySelector('[data-slidemark-track] > [data-offset="0"]')
      const text = current?.textContent ?? ''
      if (current && shown.at(-1) !== text) shown.push(text)
    }).observe(document, { childList: true, subtree: true, characterData: true })
  })
  await page.goto(`${origin}/talks/2026/index.html#slide83`)
  await expect(dom.current(page)).toContainText('marker83x')
  const preloaded = await modulePreloads(page)
  expect(preloaded).toHaveLength(1)
  const chunk = new URL(preloaded[0] as string).pathname
  expect(chunk).toMatch(/^\/talks\/2026\/assets\/talk\.slides-[\w-]+\.js$/)
  expect(readFileSync(join(outDir, 'assets', basename(chunk)), 'utf8')).toContain('marker83x')
  const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown)
  expect(shown.length).toBeGreaterThan(0)
  for (const text of shown) expect(text).not.toContain('A 90-slide talk')
})

test('a plain link preloads the first chunk', async ({ page }) => {
  await page.goto(deckPage())
  await expect(dom.current(page)).toContainText('A 90-slide talk')
  const preloaded = await modulePreloads(page)
  expect(preloaded).toHaveLength(1)
  const file = basename(new URL(preloaded[0] as string).pathname)
  expect(readFileSync(join(outDir, 'assets', file), 'utf8')).toContain('marker2x')
})

test('the overview shows every title and draws late thumbnails with their slides', async ({
  page,
}) => {
  await page.goto(deckPage('#slide2'))
  await expect(dom.current(page)).toContainText('marker2x')
  await page.keyboard.press('o')
  await expect(dom.overviewItems(page)).toHaveCount(SLIDES)
  const last = dom.overviewItems(page).last()
  await last.scrollIntoViewIfNeeded()
  await expect(last).toContainText('(90)')
  await expect(last.locator('.slidemark-thumb')).toContainText(`marker${SLIDES}x`)
  await last.click()
  await expect(dom.current(page)).toContainText(`marker${SLIDES}x`)
})

test('the print layout has every slide, none left loading', async ({ page }) => {
  await page.goto(deckPage('?print'))
  const pages = page.locator('.slidemark-print-page')
  await expect(pages).toHaveCount(SLIDES)
  await expect(page.locator('[data-slidemark-pending]')).toHaveCount(0, { timeout: 30_000 })
  await expect(pages.nth(SLIDES - 1)).toContainText(`marker${SLIDES}x`)
  await expect(pages.nth(44)).toContainText('marker45x')
})

test('the presenter view of a late slide shows it, the next slide and its notes', async ({
  page,
}) => {
  await page.goto(deckPage('?presenter#slide50'))
  await expect(dom.presenterCurrent(page)).toContainText('marker50x')
  await expect(dom.presenterNext(page)).toContainText('marker51x')
  await expect(page.locator('[data-slidemark-presenter-notes]')).toContainText(
    'Say marker50x slowly',
  )
})

test('the horizon theme presents the chunked deck too', async ({ page }) => {
  await page.goto(deckPage('?theme=horizon#slide70'))
  await expect(dom.current(page)).toContainText('marker70x')
})

test('once every chunk is in, the imported array holds every slide’s HTML', async ({ page }) => {
  await page.goto(deckPage())
  await expect(dom.current(page)).toContainText('A 90-slide talk')
  const read = await page.evaluate(async () => {
    const { slides } = window as unknown as { slides: Array<{ content: string }> }
    const lazy = (slides as unknown as Record<symbol, { loadAll(): Promise<unknown> }>)[
      Symbol.for('slidemark.lazy')
    ]
    await lazy?.loadAll()
    return slides.map((slide) => slide.content).join('\n')
  })
  expect(read).toContain(`marker${SLIDES}x`)
})
