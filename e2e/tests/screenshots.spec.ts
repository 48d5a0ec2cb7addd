import { join } from 'node:path'
import { artifactsDir } from '../paths.js'
import { dom } from './dom.js'
import { expect, expectAt, findSlide, test } from './fixtures.js'

test.use({ viewport: { width: 1280, height: 720 } })

test('screenshots of the title slide and a code slide (e2e/artifacts/)', async ({
  page,
  deck,
  deckUrl,
  themeName,
}) => {
  await page.goto(deckUrl())
  await expectAt(page, 0)
  await page.evaluate(() => document.fonts.ready)
  await expect(dom.current(page)).toBeInViewport({ ratio: 1 })
  await page.screenshot({ path: join(artifactsDir, `${themeName}-title.png`) })

  const code = findSlide(deck, 'code slide', (s) => s.hasCode)
  await page.goto(deckUrl(`#slide${code + 1}`))
  await expectAt(page, code)
  await page.evaluate(() => document.fonts.ready)
  // Highlighted at build time: tokens carry colours, not plain text.
  const tokenColours = await dom
    .current(page)
    .locator('pre span[style]')
    .evaluateAll((spans) => new Set(spans.map((span) => getComputedStyle(span).color)).size)
  expect(tokenColours).toBeGreaterThan(2)
  await expect(dom.current(page)).toBeInViewport({ ratio: 1 })
  await page.screenshot({ path: join(artifactsDir, `${themeName}-code.png`) })
})
