import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Page } from '@playwright/test'
import { build, exportDeck } from 'slidemark'
import { dom } from './dom.js'
import { expect, expectAt, test } from './fixtures.js'

/**
 * The technical fixture deck (code steps, magic move, math, Mermaid), built
 * by the CLI into one HTML file per theme and presented from it.
 */
const deckPath = fileURLToPath(new URL('../fixtures/technical/talk.slides.md', import.meta.url))
const CODE_SLIDE = 1
const MAGIC_SLIDE = 2

let outDir = ''
let deckFileUrl = ''

test.beforeAll(async ({ themeName }) => {
  outDir = mkdtempSync(join(tmpdir(), 'slidemark-e2e-technical-'))
  const file = join(outDir, `${themeName}.html`)
  await build(deckPath, { out: file, singleFile: true, theme: themeName, logLevel: 'silent' })
  deckFileUrl = pathToFileURL(file).href
})

test.afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true })
})

/** For each line of the current slide's stepped code block: whether it is dimmed. */
const dimmedLines = (page: Page) =>
  dom
    .current(page)
    .locator('[data-code-steps] [data-line]')
    .evaluateAll((lines) => lines.map((line) => line.classList.contains('slidemark-code-dim')))

const focused = (count: number, lines: number[]) =>
  Array.from({ length: count }, (_, i) => !lines.includes(i + 1))

test('code steps focus their lines in order, then the `$$$$` step follows', async ({ page }) => {
  await page.goto(`${deckFileUrl}#slide${CODE_SLIDE + 1}`)
  await expectAt(page, CODE_SLIDE, 0)
  await expect.poll(() => dimmedLines(page)).toEqual(focused(8, [1]))
  const after = dom.steps(page)
  await expect(after).toBeHidden()

  const states = [[2, 3], [5], [1, 2, 3, 4, 5, 6, 7, 8]]
  for (const [index, lines] of states.entries()) {
    await page.keyboard.press('ArrowRight')
    await expectAt(page, CODE_SLIDE, index + 1)
    await expect.poll(() => dimmedLines(page)).toEqual(focused(8, lines))
    await expect(after).toBeHidden()
  }
  await page.keyboard.press('ArrowRight')
  await expectAt(page, CODE_SLIDE, 4)
  await expect(after).toBeVisible()

  // Back through the steps: the block returns to its earlier states.
  for (let step = 3; step >= 0; step--) await page.keyboard.press('ArrowLeft')
  await expectAt(page, CODE_SLIDE, 0)
  await expect.poll(() => dimmedLines(page)).toEqual(focused(8, [1]))
})

test('dimmed lines are faded on screen, focused ones are not', async ({ page }) => {
  await page.goto(`${deckFileUrl}#slide${CODE_SLIDE + 1}`)
  const lines = dom.current(page).locator('[data-code-steps] [data-line]')
  await expect(lines.nth(1)).toHaveCSS('opacity', '0.3')
  await expect(lines.nth(0)).toHaveCSS('opacity', '1')
})

/** Text of the magic-move version shown, and how many tokens are moving. */
const magicMove = (page: Page) =>
  dom
    .current(page)
    .locator('.slidemark-magic-move')
    .evaluate((block) => ({
      shown: [...block.children]
        .filter((child) => getComputedStyle(child).visibility === 'visible')
        .map((child) => child.textContent?.replace(/\s+/g, ' ').trim()),
      moving: block.getAnimations({ subtree: true }).length,
    }))

/**
 * Counts, on every animation frame from now on, the most tokens seen moving in
 * the current magic-move block: the move is short, so one look after the key
 * press can come after it ended on a busy machine.
 */
const watchMoving = (page: Page) =>
  dom
    .current(page)
    .locator('.slidemark-magic-move')
    .evaluate((block) => {
      const seen = window as unknown as { mostMoving: number }
      seen.mostMoving = 0
      const look = () => {
        seen.mostMoving = Math.max(seen.mostMoving, block.getAnimations({ subtree: true }).length)
        requestAnimationFrame(look)
      }
      requestAnimationFrame(look)
    })

test('a magic-move block moves to its next version with animated tokens', async ({ page }) => {
  await page.goto(`${deckFileUrl}#slide${MAGIC_SLIDE + 1}`)
  await expectAt(page, MAGIC_SLIDE, 0)
  expect((await magicMove(page)).shown).toEqual([expect.stringContaining('s += o.amount')])
  await watchMoving(page)
  await page.keyboard.press('ArrowRight')
  await expectAt(page, MAGIC_SLIDE, 1)
  const moved = await magicMove(page)
  expect(moved.shown).toEqual([expect.stringContaining('return sum(o.amount for o in orders)')])
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { mostMoving: number }).mostMoving))
    .toBeGreaterThan(0)
})

test('under reduced motion the version changes without animation', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto(`${deckFileUrl}#slide${MAGIC_SLIDE + 1}`)
  await expectAt(page, MAGIC_SLIDE, 0)
  await page.keyboard.press('ArrowRight')
  await expectAt(page, MAGIC_SLIDE, 1)
  const moved = await magicMove(page)
  expect(moved.shown).toEqual([expect.stringContaining('return sum(')])
  expect(moved.moving).toBe(0)
})

const MATH_SLIDE = 3

test('math is typeset by KaTeX with its own fonts, and `$$$$` steps still reveal it', async ({
  page,
}) => {
  await page.goto(`${deckFileUrl}#slide${MATH_SLIDE + 1}`)
  await expectAt(page, MATH_SLIDE, 0)
  const slide = dom.current(page)
  const inline = slide.locator('.katex').first()
  await expect(inline).toBeVisible()
  await expect(slide.locator('p').first()).not.toContainText('$')
  const box = await inline.boundingBox()
  expect(box?.width).toBeGreaterThan(20)
  expect(box?.height).toBeGreaterThan(10)
  // The stylesheet is there: KaTeX's MathML copy is hidden, and its font is in use.
  await expect(slide.locator('.katex-mathml').first()).toHaveCSS('position', 'absolute')
  await expect.poll(() => page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true)
  await expect(slide.locator('.katex-html').first()).toHaveCSS('font-family', /KaTeX_Main/)

  const display = slide.locator('.katex-display')
  await expect(display).toBeHidden()
  await page.keyboard.press('ArrowRight')
  await expectAt(page, MATH_SLIDE, 1)
  await expect(display).toBeVisible()
  // Typeset, not text: the numerator 1 sits above the μ of the denominator.
  const [numeratorBottom, denominatorTop] = await display.evaluate((element) => {
    const leaf = (text: string) =>
      [...element.querySelectorAll('.katex-html .mfrac span')]
        .find((span) => span.children.length === 0 && span.textContent === text)
        ?.getBoundingClientRect()
    return [leaf('1')?.bottom ?? Number.NaN, leaf('μ')?.top ?? Number.NaN]
  })
  expect(numeratorBottom).toBeLessThanOrEqual(denominatorTop as number)
  await page.keyboard.press('ArrowRight')
  await expectAt(page, MATH_SLIDE, 2)
  await expect(slide).toContainText('$5')
})

test('export --steps renders every code and math state; the PDF carries formulas and diagrams', async ({
  themeName,
}) => {
  test.skip(themeName !== 'html5-slides', 'one theme is enough for the export path')
  test.setTimeout(180_000)
  const out = mkdtempSync(join(tmpdir(), 'slidemark-e2e-technical-export-'))
  try {
    const pdf = join(out, 'talk.pdf')
    const png = join(out, 'png')
    await exportDeck(deckPath, { pdf, png, steps: true, theme: themeName })
    const bytes = readFileSync(pdf)
    // 1 + 5 + 2 + 3 + 1 + 1 + 1 steps: one page each.
    expect(bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)).toHaveLength(14)
    // The diagram is in the PDF as drawn text, the broken one as its code.
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain('Work queue')
    expect(text).toContain('Cache hit?')
    expect(text).toContain('start[Start --> finish')
    const fonts = new Set(bytes.toString('latin1').match(/KaTeX_[A-Za-z]+-[A-Za-z]+/g))
    expect(fonts).toContain('KaTeX_Main-Regular')
    // Each code step of slide 2 is its own picture (other lines dimmed), and so is each version.
    const image = (name: string) =>
      createHash('sha256')
        .update(readFileSync(join(png, name)))
        .digest('hex')
    const codeStates = [1, 2, 3, 4].map((step) => image(`slide-02-${step}.png`))
    expect(new Set(codeStates).size).toBe(4)
    expect(image('slide-03-1.png')).not.toBe(image('slide-03-2.png'))
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})

const DIAGRAM_SLIDE = 4
const BROKEN_DIAGRAM_SLIDE = 5
/** The accent each theme draws diagram nodes with (light scheme). */
const diagramAccent: Record<string, string> = {
  'html5-slides': 'rgb(60, 111, 196)',
  horizon: 'rgb(47, 98, 233)',
}

test("a Mermaid diagram is drawn as SVG at build time, in the theme's colours", async ({
  page,
  themeName,
}) => {
  await page.goto(`${deckFileUrl}#slide${DIAGRAM_SLIDE + 1}`)
  await expectAt(page, DIAGRAM_SLIDE, 0)
  const diagram = dom.current(page).locator('pre.slidemark-mermaid')
  await expect(diagram).toHaveAttribute('data-mermaid-state', 'drawn', { timeout: 60_000 })
  // In a theme with dark colours both drawings are there; the light one is shown.
  const svg = diagram.locator(':scope > svg').filter({ visible: true })
  await expect(svg).toHaveCount(1)
  await expect(svg).toBeVisible()
  const box = await svg.boundingBox()
  expect(box?.width).toBeGreaterThan(300)
  expect(box?.height).toBeGreaterThan(60)
  // Labels are SVG text (no HTML a theme could restyle), each one whole.
  await expect(svg.locator('foreignObject')).toHaveCount(0)
  const labels = await svg.locator('.node text').allTextContents()
  expect(labels.map((label) => label.replace(/\s+/g, ' ').trim()).sort()).toEqual(
    ['Cache hit?', 'Client', 'Reply', 'Work queue', 'Worker 工作'].sort(),
  )
  const stroke = await svg
    .locator('.node rect')
    .first()
    .evaluate((rect) => getComputedStyle(rect).stroke)
  expect(stroke).toBe(diagramAccent[themeName])
  // Drawn, not shown as code: the theme's code background is gone.
  await expect(diagram).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)')
  // No Mermaid came with the deck.
  expect(await page.evaluate(() => 'mermaid' in globalThis)).toBe(false)
})

test('in the dark colour scheme a theme with dark colours shows its dark drawing', async ({
  page,
  themeName,
}) => {
  test.skip(themeName !== 'horizon', 'html5-slides has one look')
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(`${deckFileUrl}#slide${DIAGRAM_SLIDE + 1}`)
  await expectAt(page, DIAGRAM_SLIDE, 0)
  const shown = dom.current(page).locator('pre.slidemark-mermaid > svg').filter({ visible: true })
  await expect(shown).toHaveAttribute('data-scheme', 'dark')
  const stroke = await shown
    .locator('.node rect')
    .first()
    .evaluate((rect) => getComputedStyle(rect).stroke)
  expect(stroke).toBe('rgb(126, 163, 255)')
})

test('a diagram Mermaid cannot read stays code, with the reason the build found', async ({
  page,
}) => {
  await page.goto(`${deckFileUrl}#slide${BROKEN_DIAGRAM_SLIDE + 1}`)
  await expectAt(page, BROKEN_DIAGRAM_SLIDE, 0)
  const diagram = dom.current(page).locator('pre.slidemark-mermaid')
  // Drawn (and found broken) at build time: the page has no Mermaid and draws nothing.
  await expect(diagram).toHaveAttribute('data-mermaid-state', 'error')
  await expect(diagram).toHaveAttribute('data-mermaid-error', /^Parse error on line \d+/)
  await expect(diagram).toBeVisible()
  await expect(diagram).toContainText('start[Start --> finish')
  await expect(diagram.locator('svg')).toHaveCount(0)
  expect(await page.evaluate(() => 'mermaid' in globalThis)).toBe(false)
})
