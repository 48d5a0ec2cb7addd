import { technicalAppDir } from '../paths.js'
import { startWarningDevServer, type WarningDevServer } from './dev-warnings.js'
import { dom } from './dom.js'
import { expect, test } from './fixtures.js'

/**
 * In the dev server, a Mermaid diagram the page cannot draw is reported in
 * the terminal at its deck line (the page sends a `slidemark:diagram-error`
 * HMR event, the Vite plugin prints it), as an overflowing slide is.
 */

test.describe.configure({ mode: 'serial', timeout: 150_000 })

let server: WarningDevServer | undefined
let origin: string
const warnings: string[] = []

test.beforeAll(async () => {
  test.setTimeout(150_000)
  server = await startWarningDevServer(technicalAppDir, warnings, {
    // Mermaid pre-bundled up front: no dependency discovery reloading the page mid-test.
    optimizeDeps: { include: ['@slidemark/runtime > mermaid'] },
  })
  origin = server.origin
})

test.afterAll(async () => {
  await server?.close()
})

test('a diagram Mermaid cannot read is reported in the terminal at its deck line, once', async ({
  page,
  themeName,
}) => {
  const theme = themeName === 'horizon' ? 'horizon' : 'html5'
  const warned: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'warning') warned.push(message.text())
  })
  await page.goto(`${origin}/?theme=${theme}&deck=broken#slide2`)
  const diagram = dom.current(page).locator('pre.slidemark-mermaid')
  await expect(diagram).toHaveAttribute('data-mermaid-state', 'error', { timeout: 90_000 })
  await expect(diagram).toContainText('consumer[Consumer')

  // The fence is line 14 of decks/broken.slides.md; Mermaid names line 4 of the diagram (it counts
  // the end of the text as one more line), so the last line of the diagram, deck line 17.
  const report =
    /\[slidemark\] decks\/broken\.slides\.md:17:1: Mermaid cannot draw this diagram: Parse error on line 4: .*\[invalid-diagram\]/
  await expect
    .poll(() => warnings.filter((line) => report.test(line)).length, {
      timeout: 30_000,
    })
    .toBe(1)
  // The browser console says the same.
  expect(warned.some((text) => text.startsWith('slidemark: 17:1: Mermaid cannot draw'))).toBe(true)

  // A second tab on the same deck version is not printed twice.
  const second = await page.context().newPage()
  await second.goto(`${origin}/?theme=${theme}&deck=broken#slide2`)
  await expect(dom.current(second).locator('pre.slidemark-mermaid')).toHaveAttribute(
    'data-mermaid-state',
    'error',
    { timeout: 60_000 },
  )
  await second.close()
  expect(warnings.filter((line) => report.test(line))).toHaveLength(1)
})

test('a deck whose diagrams are all drawn reports nothing', async ({ page, themeName }) => {
  const theme = themeName === 'horizon' ? 'horizon' : 'html5'
  const before = warnings.length
  await page.goto(`${origin}/?theme=${theme}#slide2`)
  const diagram = dom.current(page).locator('pre.slidemark-mermaid')
  await expect(diagram).toHaveAttribute('data-mermaid-state', 'drawn', { timeout: 90_000 })
  expect(warnings.slice(before).filter((line) => line.includes('[invalid-diagram]'))).toEqual([])
})
