import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { artifactsDir } from '../paths.js'
import { expect, expectAt, test } from './fixtures.js'

/**
 * The reading view on a phone held upright (390×844): slides stacked in the
 * page, every text at least 9 CSS px on screen, nothing wider than the
 * screen, keys scroll to their slide. On the playground deck and the fit
 * fixture deck with overfull slides, in both themes; 1280×800 is unchanged.
 */

const PHONE = { width: 390, height: 844 }
/** Smallest text allowed on the phone, in CSS px as drawn. */
const MIN_TEXT = 9

function fitUrl(theme: string, query: string): string {
  const origin = process.env.SLIDEMARK_E2E_URL
  if (!origin) throw new Error('SLIDEMARK_E2E_URL is unset: run through playwright.config.ts')
  return `${origin}/fit/?theme=${theme === 'horizon' ? 'horizon' : 'html5'}&${query}`
}

async function openReading(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.waitForSelector(
    '.slidemark-reading .slidemark-print-page [aria-roledescription="slide"]',
  )
  await page.evaluate(() => document.fonts.ready)
}

interface TextReport {
  pages: number
  /** Text drawn under MIN_TEXT: `"text" at N px (slide M)`. */
  small: string[]
  smallest: number
  scrollWidth: number
  /** Slides, or text in them, reaching past the window's right edge (clipped or not). */
  wide: string[]
}

/**
 * Every text node in the reading layout: its computed font size times the
 * scale it is drawn at (the ratio of its element's drawn width to its
 * layout width, which counts zoom and transforms alike).
 */
function textReport(page: Page): Promise<TextReport> {
  return page.evaluate((minText) => {
    const pages = [...document.querySelectorAll<HTMLElement>('.slidemark-print-page')]
    const small: string[] = []
    let smallest = Number.POSITIVE_INFINITY
    const wide: string[] = []
    pages.forEach((pageElement, index) => {
      if (pageElement.getBoundingClientRect().right > window.innerWidth + 0.5) {
        wide.push(`slide ${index + 1}`)
      }
      const walker = document.createTreeWalker(pageElement, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim()
        const parent = node.parentElement
        if (!text || !parent || parent.closest('svg')) continue
        const style = getComputedStyle(parent)
        if (style.display === 'none' || style.visibility === 'hidden') continue
        const rect = parent.getBoundingClientRect()
        if (rect.width === 0 || parent.offsetWidth === 0) continue
        const range = document.createRange()
        range.selectNodeContents(node)
        for (const box of range.getClientRects()) {
          if (box.width > 0 && box.right > window.innerWidth + 0.5) {
            wide.push(`"${text.slice(0, 30)}" (slide ${index + 1})`)
          }
        }
        const drawn = Number.parseFloat(style.fontSize) * (rect.width / parent.offsetWidth)
        smallest = Math.min(smallest, drawn)
        if (drawn < minText - 0.05) {
          small.push(`"${text.slice(0, 30)}" at ${drawn.toFixed(1)} px (slide ${index + 1})`)
        }
      }
    })
    return {
      pages: pages.length,
      small,
      smallest,
      scrollWidth: document.documentElement.scrollWidth,
      wide,
    }
  }, MIN_TEXT)
}

/** Scroll every page into view in turn: each must be on screen and drawn. */
async function everyPageShows(page: Page, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    const visible = await page.evaluate((index) => {
      const pageElement = document.querySelectorAll<HTMLElement>('.slidemark-print-page')[index]
      if (!pageElement) return false
      pageElement.scrollIntoView({ block: 'start' })
      const rect = pageElement.getBoundingClientRect()
      return rect.height > 0 && rect.top < window.innerHeight && rect.bottom > 0
    }, index)
    expect(visible, `slide ${index + 1} on screen when scrolled to`).toBe(true)
  }
}

async function checkReading(page: Page, slideCount: number, shot: string): Promise<void> {
  const report = await textReport(page)
  expect(report.pages).toBe(slideCount)
  test.info().annotations.push({
    type: 'smallest text',
    description: `${shot}: ${report.smallest.toFixed(2)} CSS px`,
  })
  expect(report.small, `text under ${MIN_TEXT} px (smallest ${report.smallest})`).toEqual([])
  expect(report.scrollWidth).toBeLessThanOrEqual(PHONE.width)
  expect(report.wide, 'wider than the screen').toEqual([])
  await page.screenshot({ path: join(artifactsDir, `${shot}.png`) })
  await everyPageShows(page, slideCount)
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: join(artifactsDir, `${shot}-full.png`), fullPage: true })
}

test.describe('reading view on a phone (390×844)', () => {
  test.use({ viewport: PHONE })

  test('the playground deck stacks readable slides, notes hidden, steps shown', async ({
    page,
    deckUrl,
    deck,
    themeName,
  }) => {
    await openReading(page, deckUrl())
    await checkReading(page, deck.slides.length, `reading-${themeName}`)
    const hidden = await page.evaluate(() => ({
      steps: document.querySelectorAll('.slidemark-print-page .slidemark-step-hidden').length,
      notes: [...document.querySelectorAll<HTMLElement>('.slidemark-print-page .notes')].filter(
        (note) => note.offsetHeight > 0,
      ).length,
      track: document.querySelector<HTMLElement>('[data-slidemark-track]')?.offsetHeight ?? 0,
    }))
    expect(hidden).toEqual({ steps: 0, notes: 0, track: 0 })
  })

  test('keys and the hash scroll to the slide', async ({ page, deckUrl, deck }) => {
    const target = Math.min(3, deck.slides.length - 1)
    await openReading(page, deckUrl(`#slide${target + 1}`))
    const topOf = (index: number) =>
      page.evaluate(
        (index) =>
          document.querySelectorAll('.slidemark-print-page')[index]?.getBoundingClientRect().top ??
          Number.NaN,
        index,
      )
    await expect.poll(() => topOf(target)).toBeLessThan(2)
    expect(await topOf(target)).toBeGreaterThan(-2)
    await page.keyboard.press('End')
    const last = deck.slides.length - 1
    await expectAt(page, last)
    await expect
      .poll(() => page.evaluate(() => window.scrollY + window.innerHeight))
      .toBeGreaterThan(await page.evaluate(() => document.documentElement.scrollHeight - 2))
    await page.keyboard.press('Home')
    await expectAt(page, 0)
    await expect.poll(() => topOf(0)).toBeGreaterThan(-2)
    expect(await topOf(0)).toBeLessThan(2)
  })

  test('an overfull fixture deck grows its slides instead of shrinking the text', async ({
    page,
    themeName,
  }) => {
    await openReading(page, fitUrl(themeName, 'deck=overfull'))
    const count = await page.evaluate(
      () => (window as unknown as { deck: { slides: unknown[] } }).deck.slides.length,
    )
    await checkReading(page, count, `reading-overfull-${themeName}`)
    const layout = await page.evaluate(() => {
      const slides = [
        ...document.querySelectorAll<HTMLElement>(
          '.slidemark-print-page > [aria-roledescription="slide"]',
        ),
      ]
      return {
        zoomed: slides.filter((slide) =>
          [...slide.children].some((child) => (child as HTMLElement).style.zoom !== ''),
        ).length,
        grown: slides.filter(
          (slide) => slide.offsetHeight > Number.parseFloat(getComputedStyle(slide).minHeight) + 1,
        ).length,
      }
    })
    expect(layout.zoomed, 'slides auto-fit shrank in reading view').toBe(0)
    expect(layout.grown, 'overfull slides taller than the design shape').toBeGreaterThan(0)
  })
})

test('a 1280×800 window has no reading view, nor a phone with ?reading=0', async ({
  page,
  deckUrl,
}) => {
  await page.goto(deckUrl())
  await page.waitForSelector('[data-slidemark-slide][aria-current="true"]')
  expect(await page.locator('.slidemark-reading').count()).toBe(0)
  expect(await page.locator('.slidemark-print-page').count()).toBe(0)
  await page.setViewportSize(PHONE)
  await page.goto(`${deckUrl()}?reading=0`)
  await page.waitForSelector('[data-slidemark-slide][aria-current="true"]')
  expect(await page.locator('.slidemark-reading').count()).toBe(0)
})

test.describe('turning the phone', () => {
  test.use({ viewport: PHONE })
  const LANDSCAPE = { width: PHONE.height, height: PHONE.width }

  const readingPageTop = (page: Page, index: number) =>
    page.evaluate(
      (index) =>
        document.querySelectorAll('.slidemark-print-page')[index]?.getBoundingClientRect().top ??
        Number.NaN,
      index,
    )

  test('switches between reading view and slides, on the same slide', async ({
    page,
    deckUrl,
    deck,
    themeName,
  }) => {
    expect(deck.slides.length).toBeGreaterThan(4)
    await openReading(page, deckUrl('#slide3'))
    await expect.poll(() => readingPageTop(page, 2)).toBeLessThan(2)

    // Upright → landscape: slides, the third one current and fitted in the window.
    await page.setViewportSize(LANDSCAPE)
    await expect(page.locator('.slidemark-reading')).toHaveCount(0)
    await expect(page.locator('.slidemark-print-page')).toHaveCount(0)
    const current = page.locator('[data-slidemark-slide="2"][aria-current="true"]')
    await expect(current).toBeVisible()
    await expectAt(page, 2)
    const box = await current.boundingBox()
    expect(box && box.y >= -1 && box.y + box.height <= LANDSCAPE.height + 1).toBe(true)
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    await page.screenshot({ path: join(artifactsDir, `reading-rotated-${themeName}.png`) })

    // A key moves on among slides; back upright, the reading view opens on that slide.
    await page.keyboard.press('End')
    const last = deck.slides.length - 1
    await expectAt(page, last)
    await page.keyboard.press('Home')
    await expectAt(page, 0)
    await page.keyboard.press('PageDown')
    await page.keyboard.press('PageDown')
    await page.keyboard.press('PageDown')
    const slide = await page.evaluate(() =>
      Number(document.querySelector('[data-slidemark-deck]')?.getAttribute('data-current-slide')),
    )
    expect(slide).toBeGreaterThan(0)
    await page.setViewportSize(PHONE)
    await page.waitForSelector(
      '.slidemark-reading .slidemark-print-page [aria-roledescription="slide"]',
    )
    await expect.poll(() => readingPageTop(page, slide)).toBeLessThan(2)
    expect(await readingPageTop(page, slide)).toBeGreaterThan(-2)
    await expectAt(page, slide)
  })

  test('the slide scrolled to in reading view is the one shown after turning', async ({
    page,
    deckUrl,
    deck,
  }) => {
    const target = Math.min(4, deck.slides.length - 1)
    await openReading(page, deckUrl())
    // A reader's scroll has fired its scroll events before the phone turns: wait for one.
    await page.evaluate(
      (index) =>
        new Promise<void>((resolve) => {
          window.addEventListener('scroll', () => resolve(), { once: true })
          setTimeout(resolve, 5000)
          const pages = document.querySelectorAll('.slidemark-print-page')
          pages[index]?.scrollIntoView({ block: 'start' })
        }),
      target,
    )
    await page.setViewportSize(LANDSCAPE)
    await expect(
      page.locator(`[data-slidemark-slide="${target}"][aria-current="true"]`),
    ).toBeVisible()
    await expectAt(page, target)
  })

  test('?reading and ?reading=0 stay as asked whatever the shape', async ({ page, deckUrl }) => {
    await openReading(page, `${deckUrl()}?reading`)
    await page.setViewportSize(LANDSCAPE)
    await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(LANDSCAPE.width)
    await expect(page.locator('.slidemark-reading')).toHaveCount(1)
    await page.setViewportSize(PHONE)
    await page.goto(`${deckUrl()}?reading=0`)
    await page.waitForSelector('[data-slidemark-slide][aria-current="true"]')
    await page.setViewportSize(LANDSCAPE)
    await page.setViewportSize(PHONE)
    await expect(page.locator('[data-slidemark-slide][aria-current="true"]')).toBeVisible()
    expect(await page.locator('.slidemark-reading').count()).toBe(0)
  })
})
