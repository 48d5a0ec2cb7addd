import { dom } from './dom.js'
import { expect, expectAt, findSlide, test } from './fixtures.js'

// The same dist/ (relative asset URLs) under a deep path, and a build made
// with `--base /talks/` under /talks/: what a deploy to any static host sees.
const mounts = ['/any/sub/path/', '/talks/']

for (const mount of mounts) {
  test(`the built deck works from ${mount} with its image and styles`, async ({
    page,
    deck,
    themePage,
  }) => {
    const slide = findSlide(deck, 'slide with an image', (s) => s.hasImage)
    await page.goto(`${process.env.SLIDEMARK_E2E_URL}${mount}${themePage}#slide${slide + 1}`)
    await expectAt(page, slide)
    await expect(dom.current(page)).toContainText(deck.slides[slide]?.title ?? '')
    const image = dom.current(page).locator('img').first()
    await expect(image).toBeVisible()
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0)
    const src = await image.getAttribute('src')
    expect(src).toMatch(/pipeline[-.][\w-]+\.svg$|^data:image\/svg/)
    // Styles loaded: the theme laid out the slides instead of stacking them.
    await expect(dom.current(page)).toBeInViewport({ ratio: 1 })
  })
}
