import { dom } from './dom.js'
import { expect, expectAt, hashPosition, test } from './fixtures.js'
import { lastPosition, nextPosition, type Position, prevPosition } from './model.js'

test('the title slide shows first, fully on screen', async ({ page, deck, deckUrl }) => {
  await page.goto(deckUrl())
  await expectAt(page, 0, 0)
  const current = dom.current(page)
  await expect(current).toHaveCount(1)
  await expect(current).toContainText(deck.slides[0]?.title ?? '')
  await expect(current).toBeInViewport({ ratio: 1 })
})

test('→ Space PageDown ← PageUp Shift+Space Home End move as the model says', async ({
  page,
  deck,
  deckUrl,
}) => {
  await page.goto(deckUrl())
  await expectAt(page, 0, 0)
  let expected: Position = { slide: 0, step: 0 }
  const presses: Array<[string, (at: Position) => Position]> = [
    ['ArrowRight', (at) => nextPosition(deck, at)],
    ['Space', (at) => nextPosition(deck, at)],
    ['PageDown', (at) => nextPosition(deck, at)],
    ['ArrowRight', (at) => nextPosition(deck, at)],
    ['ArrowRight', (at) => nextPosition(deck, at)],
    ['ArrowLeft', (at) => prevPosition(deck, at)],
    ['PageUp', (at) => prevPosition(deck, at)],
    ['Shift+Space', (at) => prevPosition(deck, at)],
    ['End', () => lastPosition(deck)],
    ['ArrowRight', (at) => nextPosition(deck, at)],
    ['Home', () => ({ slide: 0, step: 0 })],
    ['ArrowLeft', (at) => prevPosition(deck, at)],
  ]
  for (const [key, move] of presses) {
    expected = move(expected)
    await page.keyboard.press(key)
    await expectAt(page, expected.slide, expected.step)
    await expect(dom.current(page)).toContainText(deck.slides[expected.slide]?.title ?? '')
  }
})

test('the slide counter follows the current slide', async ({ page, deck, deckUrl }) => {
  const total = deck.slides.length
  await page.goto(deckUrl())
  await expect(dom.counter(page)).toContainText(new RegExp(`\\b1\\s*/\\s*${total}\\b`))
  await page.keyboard.press('End')
  await expect(dom.counter(page)).toContainText(new RegExp(`\\b${total}\\s*/\\s*${total}\\b`))
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowRight')
  await expect(dom.counter(page)).toContainText(new RegExp(`\\b2\\s*/\\s*${total}\\b`))
})

test('opening #slide5 starts on slide 5', async ({ page, deck, deckUrl }) => {
  await page.goto(deckUrl('#slide5'))
  await expectAt(page, 4, 0)
  await expect(dom.current(page)).toContainText(deck.slides[4]?.title ?? '')
  await expect(dom.current(page)).toBeInViewport({ ratio: 1 })
})

test('Back and Forward walk the slides', async ({ page, deck, deckUrl }) => {
  await page.goto(deckUrl())
  const visited: Position[] = [{ slide: 0, step: 0 }]
  for (let i = 0; i < 3; i++) {
    const at = visited.at(-1) as Position
    await page.keyboard.press('ArrowRight')
    const next = nextPosition(deck, at)
    await expectAt(page, next.slide, next.step)
    visited.push(next)
  }
  for (let i = visited.length - 2; i >= 0; i--) {
    await page.goBack()
    const at = visited[i] as Position
    await expectAt(page, at.slide, at.step)
    await expect(dom.current(page)).toContainText(deck.slides[at.slide]?.title ?? '')
  }
  await page.goForward()
  await page.goForward()
  const at = visited[2] as Position
  await expectAt(page, at.slide, at.step)
  await expect(dom.current(page)).toContainText(deck.slides[at.slide]?.title ?? '')
  expect(await hashPosition(page)).toEqual(at)
})
