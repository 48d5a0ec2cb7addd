import { dom } from './dom.js'
import { expect, expectAt, findSlide, seriousAxeViolations, test } from './fixtures.js'

test('axe finds no serious or critical problem on the title slide', async ({ page, deckUrl }) => {
  await page.goto(deckUrl())
  await expectAt(page, 0)
  expect(await seriousAxeViolations(page)).toEqual([])
})

test('axe finds no serious or critical problem on a code slide', async ({
  page,
  deck,
  deckUrl,
}) => {
  const slide = findSlide(deck, 'code slide', (s) => s.hasCode)
  await page.goto(deckUrl(`#slide${slide + 1}`))
  await expectAt(page, slide)
  await expect(dom.current(page).locator('pre').first()).toBeVisible()
  expect(await seriousAxeViolations(page)).toEqual([])
})

test('axe finds no serious or critical problem in the overview', async ({ page, deckUrl }) => {
  await page.goto(deckUrl())
  await page.keyboard.press('o')
  await expect(dom.overview(page)).toBeVisible()
  expect(await seriousAxeViolations(page)).toEqual([])
})

test('axe finds no serious or critical problem in the presenter view', async ({
  page,
  context,
  deckUrl,
}) => {
  await page.goto(deckUrl('#slide2'))
  const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')])
  await presenter.waitForLoadState()
  await expect(dom.presenter(presenter)).toBeVisible()
  expect(await seriousAxeViolations(presenter)).toEqual([])
  await presenter.close()
})

test('the current slide is announced to screen readers', async ({ page, deck, deckUrl }) => {
  await page.goto(deckUrl())
  await expectAt(page, 0)
  const announcer = dom.announcer(page)
  await page.keyboard.press('End')
  const last = deck.slides.length - 1
  await expect(announcer).toContainText(deck.slides[last]?.title ?? '')
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowRight')
  await expect(announcer).toContainText(deck.slides[1]?.title ?? '')
})

test('Tab never lands inside a hidden slide', async ({ page, deck, deckUrl }) => {
  // A code slide next to another one: both have focusable code blocks, and
  // only the current slide's may take focus.
  const slide = findSlide(
    deck,
    'code slide followed by a code slide',
    (s, i) => s.hasCode && deck.slides[i + 1]?.hasCode === true,
  )
  await page.goto(deckUrl(`#slide${slide + 1}`))
  await expectAt(page, slide)
  await expect(dom.slides(page).locator('pre[tabindex]')).not.toHaveCount(0)
  let reachedCurrentSlide = false
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab')
    const focus = await page.evaluate(() => {
      const active = document.activeElement
      if (!active || active === document.body) return 'body'
      const slide = active.closest('[data-slidemark-track] > [data-index]')
      const visible = (active as HTMLElement).checkVisibility?.({
        checkVisibilityCSS: true,
        checkOpacity: true,
      })
      if (active.closest('[inert], [aria-hidden="true"]')) return 'inside hidden content'
      if (slide && slide.getAttribute('data-offset') !== '0') return 'inside another slide'
      if (visible === false) return 'on an invisible element'
      return slide ? 'current slide' : 'outside the slides'
    })
    expect(['current slide', 'outside the slides', 'body'], `Tab press ${i + 1}`).toContain(focus)
    if (focus === 'current slide') reachedCurrentSlide = true
  }
  // The current slide's code block is reachable, so the walk did pass through slides.
  expect(reachedCurrentSlide).toBe(true)
})
