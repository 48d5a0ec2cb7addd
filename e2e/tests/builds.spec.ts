import { dom } from './dom.js'
import { expect, expectAt, findSlide, test } from './fixtures.js'

test('build steps reveal in order and un-reveal going back', async ({ page, deck, deckUrl }) => {
  const slide = findSlide(deck, 'slide with build steps', (s) => s.steps >= 3)
  const steps = deck.slides[slide]?.steps ?? 0
  await page.goto(deckUrl(`#slide${slide + 1}`))
  await expectAt(page, slide, 0)
  const parts = dom.steps(page)
  await expect(parts).toHaveCount(steps - 1)

  const expectRevealed = async (shown: number) => {
    for (let i = 0; i < steps - 1; i++) {
      const part = parts.nth(i)
      if (i < shown) await expect(part).toBeVisible()
      else await expect(part).toBeHidden()
    }
  }

  await expectRevealed(0)
  for (let step = 1; step < steps; step++) {
    await page.keyboard.press('ArrowRight')
    await expectAt(page, slide, step)
    await expectRevealed(step)
  }
  await page.keyboard.press('ArrowRight')
  await expectAt(page, slide + 1, 0)

  await page.keyboard.press('ArrowLeft')
  await expectAt(page, slide, steps - 1)
  await expectRevealed(steps - 1)
  for (let step = steps - 2; step >= 0; step--) {
    await page.keyboard.press('ArrowLeft')
    await expectAt(page, slide, step)
    await expectRevealed(step)
  }
})
