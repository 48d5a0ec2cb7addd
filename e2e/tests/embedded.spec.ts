import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.js'

// playground/embedded.html: two embedded decks in one page, an html5-slides
// deck in a 420 px box (its hash part is `first-slideN`) and a horizon deck
// in a box with no height (it takes the slides' 16:9 shape).

const first = (page: Page) => page.locator('#first [data-slidemark-deck]')
const second = (page: Page) => page.locator('#second [data-slidemark-deck]')
const at = (deck: ReturnType<typeof first>) => deck.getAttribute('data-current-slide')

test.beforeEach(async ({ page }) => {
  const origin = process.env.SLIDEMARK_E2E_URL
  await page.goto(`${origin}/embedded.html`)
  await expect(first(page)).toBeVisible()
  await expect(second(page)).toBeVisible()
})

test('each deck fills its own box, not the window, and scales into it', async ({ page }) => {
  const box = async (selector: string) =>
    page.locator(selector).evaluate((element) => {
      const { width, height } = element.getBoundingClientRect()
      return { width: Math.round(width), height: Math.round(height) }
    })
  const outer = await box('#first')
  expect(await box('#first [data-slidemark-deck]')).toEqual(outer)
  expect(outer.height).toBe(420)
  const auto = await box('#second [data-slidemark-deck]')
  expect(Math.abs(auto.width / auto.height - 16 / 9)).toBeLessThan(0.02)
  // The slide is scaled to fit inside the box.
  const slide = await page
    .locator('#first [data-slidemark-slide][aria-current="true"]')
    .evaluate((element) => element.getBoundingClientRect().height)
  expect(slide).toBeLessThanOrEqual(420)
  expect(slide).toBeGreaterThan(300)
})

test('keys move only the deck that has focus; before a click, none', async ({ page }) => {
  await page.keyboard.press('ArrowRight')
  expect(await at(first(page))).toBe('0')
  expect(await at(second(page))).toBe('0')

  await first(page).click()
  await page.keyboard.press('ArrowRight')
  await expect(first(page)).toHaveAttribute('data-current-slide', '1')
  expect(await at(second(page))).toBe('0')

  await second(page).focus()
  await page.keyboard.press('End')
  await expect(second(page)).not.toHaveAttribute('data-current-slide', '0')
  expect(await at(first(page))).toBe('1')
})

test('Tab reaches each deck in page order', async ({ page }) => {
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Tab')
  await expect(first(page)).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(second(page)).toBeFocused()
})

test('only a deck given a hash namespace writes its part of the URL', async ({ page }) => {
  await first(page).click()
  await page.keyboard.press('ArrowRight')
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#first-slide2')
  await second(page).click()
  await page.keyboard.press('ArrowRight')
  await expect(second(page)).toHaveAttribute('data-current-slide', '1')
  expect(await page.evaluate(() => location.hash)).toBe('#first-slide2')
})

test('a deep link to the namespaced deck opens it there, the other deck at its start', async ({
  page,
}) => {
  const origin = process.env.SLIDEMARK_E2E_URL
  await page.goto(`${origin}/embedded.html#first-slide3`)
  await expect(first(page)).toHaveAttribute('data-current-slide', '2')
  expect(await at(second(page))).toBe('0')
})

test('the overview opens inside the box', async ({ page }) => {
  await first(page).click()
  await page.keyboard.press('o')
  const grid = page.locator('#first [data-slidemark-overview]')
  await expect(grid).toBeVisible()
  const inside = await page.evaluate(() => {
    const outer = document.querySelector('#first')?.getBoundingClientRect()
    const inner = document
      .querySelector('#first [data-slidemark-overview]')
      ?.getBoundingClientRect()
    if (!outer || !inner) return false
    return inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1
  })
  expect(inside).toBe(true)
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  await expect(first(page)).toHaveAttribute('data-current-slide', '1')
  expect(await at(second(page))).toBe('0')
})

test('a swipe inside a deck turns only that deck', async ({ browser }) => {
  const context = await browser.newContext({
    hasTouch: true,
    viewport: { width: 1280, height: 800 },
  })
  const page = await context.newPage()
  await page.goto(`${process.env.SLIDEMARK_E2E_URL}/embedded.html`)
  await expect(second(page)).toBeVisible()
  await second(page).evaluate((element) => {
    const box = element.getBoundingClientRect()
    const y = box.top + box.height / 2
    const touch = (x: number) =>
      new Touch({ identifier: 1, target: element, clientX: x, clientY: y })
    element.dispatchEvent(
      new TouchEvent('touchstart', { touches: [touch(box.right - 20)], bubbles: true }),
    )
    element.dispatchEvent(
      new TouchEvent('touchend', { changedTouches: [touch(box.left + 20)], bubbles: true }),
    )
  })
  await expect(second(page)).toHaveAttribute('data-current-slide', '1')
  expect(await at(first(page))).toBe('0')
  await context.close()
})
