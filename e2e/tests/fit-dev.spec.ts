import { join } from 'node:path'
import { artifactsDir, fitAppDir } from '../paths.js'
import { startWarningDevServer, type WarningDevServer } from './dev-warnings.js'
import { expect, test } from './fixtures.js'

/**
 * In the dev server, a slide that does not fit even at the floor is reported
 * to the terminal at its line (the page sends a `slidemark:overflow` HMR
 * event, the Vite plugin prints it) and shown as a quiet notice in the page.
 */

test.describe.configure({ mode: 'serial', timeout: 90_000 })

let server: WarningDevServer | undefined
let origin: string
const warnings: string[] = []

test.beforeAll(async () => {
  server = await startWarningDevServer(fitAppDir, warnings)
  origin = server.origin
})

test.afterAll(async () => {
  await server?.close()
})

test('an overfull slide is reported in the terminal at its line and noted in the page', async ({
  page,
  themeName,
}) => {
  const theme = themeName === 'horizon' ? 'horizon' : 'html5'
  await page.goto(`${origin}/?theme=${theme}&deck=reported`)
  const slide = page.locator('[data-slidemark-slide="0"][aria-current="true"]')
  await expect(slide).toHaveAttribute('data-slidemark-fit', '0.5', { timeout: 30_000 })

  // The slide starts at line 5 of the deck (after the front matter).
  const report =
    /\[slidemark\] decks\/reported\.slides\.md:5:1: slide 1 does not fit: \d+ px too tall at 50 % \(split it, shorten it, or mark it \.fx: no-fit\) \[slide-overflow\]/
  await expect.poll(() => warnings.filter((line) => report.test(line)).length).toBe(1)

  const notice = page.locator('[data-slidemark-fit-notice]')
  await expect(notice).toContainText('slide 1 (line 5) does not fit')
  await page.screenshot({ path: join(artifactsDir, `fit-dev-notice-${themeName}.png`) })

  // A second tab on the same deck version is not printed twice.
  const second = await page.context().newPage()
  await second.goto(`${origin}/?theme=${theme}&deck=reported`)
  await expect(second.locator('[data-slidemark-fit-notice]')).toContainText('does not fit')
  await second.close()
  expect(warnings.filter((line) => report.test(line))).toHaveLength(1)
})

test('a deck whose slides fit sends nothing', async ({ page, themeName }) => {
  const theme = themeName === 'horizon' ? 'horizon' : 'html5'
  const before = warnings.length
  await page.goto(`${origin}/?theme=${theme}&deck=titles`)
  await expect(page.locator('[data-slidemark-slide][aria-current="true"]')).toHaveAttribute(
    'data-slidemark-fit',
    /.+/,
    { timeout: 30_000 },
  )
  await expect(page.locator('[data-slidemark-fit-notice]')).toHaveCount(0)
  expect(warnings.slice(before).filter((line) => line.includes('[slide-overflow]'))).toEqual([])
})
