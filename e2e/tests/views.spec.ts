import type { Page } from '@playwright/test'
import { dom } from './dom.js'
import { type DeckSummary, expect, expectAt, findSlide, settled, test } from './fixtures.js'

/** Open the deck one slide before a one-step slide with notes; returns that slide's index. */
async function openBeforeNotes(
  page: Page,
  deck: DeckSummary,
  deckUrl: (hash?: string) => string,
): Promise<number> {
  const notesSlide = findSlide(deck, 'slide with notes', (s) => s.hasNotes && s.steps === 1)
  await page.goto(deckUrl(`#slide${notesSlide}`))
  await expectAt(page, notesSlide - 1)
  return notesSlide
}

test('2 shows the speaker notes of the slide and hides them again', async ({
  page,
  deck,
  deckUrl,
}) => {
  const slide = findSlide(deck, 'slide with notes', (s) => s.hasNotes)
  await page.goto(deckUrl(`#slide${slide + 1}`))
  await expectAt(page, slide)
  await expect(dom.notes(page)).toBeHidden()
  await page.keyboard.press('2')
  await expect(dom.notes(page)).toBeVisible()
  await expect(dom.notes(page)).toBeInViewport()
  await page.keyboard.press('2')
  await expect(dom.notes(page)).toBeHidden()
})

test('3 toggles the 3D view and back', async ({ page, deckUrl, themeName }) => {
  test.skip(themeName === 'horizon', 'horizon is flat by design: no 3D mode')
  await page.goto(deckUrl())
  await expectAt(page, 0)
  await settled(page)
  const flat = await dom.transforms(page)
  await page.keyboard.press('3')
  await settled(page)
  expect(await dom.transforms(page)).not.toEqual(flat)
  await expect(dom.current(page)).toBeInViewport()
  await page.keyboard.press('3')
  await settled(page)
  expect(await dom.transforms(page)).toEqual(flat)
})

test('o opens the overview of every slide, and a click opens that slide', async ({
  page,
  deck,
  deckUrl,
}) => {
  await page.goto(deckUrl())
  await page.keyboard.press('o')
  await expect(dom.overview(page)).toBeVisible()
  const items = dom.overviewItems(page)
  await expect(items).toHaveCount(deck.slides.length)
  const target = deck.slides.length - 2
  await items.nth(target).scrollIntoViewIfNeeded()
  await items.nth(target).click()
  await expect(dom.overview(page)).toBeHidden()
  await expectAt(page, target, 0)
  await expect(dom.current(page)).toContainText(deck.slides[target]?.title ?? '')
  await expect(dom.current(page)).toBeInViewport({ ratio: 1 })
})

test('the presenter window from p stays in sync with the audience window', async ({
  page,
  context,
  deck,
  deckUrl,
}) => {
  const notesSlide = await openBeforeNotes(page, deck, deckUrl)
  const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')])
  await presenter.waitForLoadState()
  await expect(dom.presenter(presenter)).toBeVisible()

  // Audience drives the presenter…
  await page.bringToFront()
  await page.keyboard.press('ArrowRight')
  await expectAt(page, notesSlide)
  await expect(dom.presenterCurrent(presenter)).toContainText(deck.slides[notesSlide]?.title ?? '')
  await expect(dom.presenterNotes(presenter)).not.toBeEmpty()
  await expect(dom.presenterNext(presenter)).toContainText(deck.slides[notesSlide + 1]?.title ?? '')
  await expect(dom.presenterTimer(presenter)).toHaveText(/\d+:\d\d/)

  // …and the presenter drives the audience.
  await presenter.bringToFront()
  await presenter.keyboard.press('ArrowRight')
  await page.bringToFront()
  await expectAt(page, notesSlide + 1)
  await expect(dom.current(page)).toContainText(deck.slides[notesSlide + 1]?.title ?? '')
  await presenter.close()
})

test('a presenter window whose sync code arrives late still follows a move made meanwhile', async ({
  page,
  context,
  deck,
  deckUrl,
}) => {
  const notesSlide = await openBeforeNotes(page, deck, deckUrl)
  // Hold the presenter window's late chunk (swipes, sync) until the audience has moved.
  let asked: () => void = () => {}
  const wasAsked = new Promise<void>((resolve) => {
    asked = resolve
  })
  let release: () => void = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  await context.route(/late-code[^/]*\.(js|ts)/, async (route) => {
    asked()
    await released
    await route.continue()
  })
  const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')])
  await expect(dom.presenter(presenter)).toBeVisible()
  await wasAsked

  await page.bringToFront()
  await page.keyboard.press('ArrowRight')
  await expectAt(page, notesSlide)
  release()
  await expect(dom.presenterCurrent(presenter)).toContainText(deck.slides[notesSlide]?.title ?? '')
  await expect(dom.presenterNext(presenter)).toContainText(deck.slides[notesSlide + 1]?.title ?? '')
  await presenter.close()
})
