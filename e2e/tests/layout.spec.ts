import { dom } from './dom.js'
import { expect, expectAt, test } from './fixtures.js'

const sizes = [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
  { width: 600, height: 900 },
  { width: 1600, height: 500 },
]

test('resizing the window keeps the whole slide visible and centred', async ({ page, deckUrl }) => {
  await page.goto(deckUrl('#slide3'))
  await expectAt(page, 2)
  for (const size of sizes) {
    await page.setViewportSize(size)
    // Layout settles on the next frames; the box must then sit inside the
    // window with equal margins left/right and top/bottom, and fill one axis.
    await expect
      .poll(async () => {
        const box = await dom.current(page).boundingBox()
        if (!box) return 'no box'
        const left = box.x
        const right = size.width - (box.x + box.width)
        const top = box.y
        const bottom = size.height - (box.y + box.height)
        const problems: string[] = []
        if (Math.min(left, right, top, bottom) < -1) problems.push('cut off')
        if (Math.abs(left - right) > 2) problems.push(`not centred horizontally ${left}/${right}`)
        if (Math.abs(top - bottom) > 2) problems.push(`not centred vertically ${top}/${bottom}`)
        if (box.width < size.width * 0.75 && box.height < size.height * 0.75) {
          problems.push(`too small: ${box.width}x${box.height}`)
        }
        return problems.length ? `${size.width}x${size.height}: ${problems.join(', ')}` : 'ok'
      })
      .toBe('ok')
  }
})

test('printing to PDF gives exactly one page per slide', async ({ page, deck, deckUrl }) => {
  await page.goto(deckUrl())
  await expectAt(page, 0)
  // As `slidemark export` does: print media first, then the PDF once the print layout is
  // there. That layout is drawn by code that arrives after the first slide (late.ts): a
  // PDF taken at once printed one empty page when it had not arrived yet.
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.slidemark-print-page')).toHaveCount(deck.slides.length)
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  // Chromium writes one `/Type /Page` dictionary per page (plus one `/Pages`).
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []
  expect(pages.length).toBe(deck.slides.length)
})
