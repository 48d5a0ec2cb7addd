import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from '@playwright/test'
import { build, exportDeck } from 'slidemark'
import { artifactsDir, technicalAppDir } from '../paths.js'
import { dom } from './dom.js'
import { expect, expectAt, test } from './fixtures.js'

/**
 * Issue 16's "Done when": a technical talk with code steps, a magic-move
 * block, inline and display math with `$$$$` steps, and two Mermaid diagrams
 * (technical-app/decks/rate-limits.slides.md) builds with the CLI (diagrams
 * drawn at build time) and in a plain Vite app (diagrams drawn in the browser),
 * presents every state in order by key presses in both themes, and exports to
 * a PDF that carries its diagrams and formulas.
 */

const deckPath = join(technicalAppDir, 'decks', 'rate-limits.slides.md')

/** Every (slide, step) of the deck, in presenting order. */
const STATES: Array<[number, number]> = [
  [0, 0],
  [1, 0], // flowchart, `##` title
  [2, 0], // code steps {1|3-4|all}
  [2, 1],
  [2, 2],
  [3, 0], // magic move
  [3, 1],
  [4, 0], // math with $$$$ steps
  [4, 1],
  [4, 2],
  [5, 0], // sequence diagram
  [6, 0],
]

let outDir = ''
const builds: Record<string, string> = {}

test.beforeAll(async ({ themeName }) => {
  test.setTimeout(180_000)
  outDir = mkdtempSync(join(tmpdir(), 'slidemark-e2e-technical-talk-'))
  const file = join(outDir, `${themeName}.html`)
  await build(deckPath, { out: file, singleFile: true, theme: themeName, logLevel: 'silent' })
  builds.cli = pathToFileURL(file).href
  const origin = process.env.SLIDEMARK_E2E_URL
  if (!origin) throw new Error('SLIDEMARK_E2E_URL is unset: run through playwright.config.ts')
  builds.vite = `${origin}/technical/${themeName === 'horizon' ? '?theme=horizon' : ''}`
})

test.afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true })
})

/** Lines of the current slide's stepped code block that are focused (not dimmed), 1-based. */
const focusedLines = (page: Page) =>
  dom
    .current(page)
    .locator('[data-code-steps] [data-line]')
    .evaluateAll((lines) =>
      lines.flatMap((line, i) => (line.classList.contains('slidemark-code-dim') ? [] : [i + 1])),
    )

/** The visible drawing of the current slide's diagram: an SVG box of real size, its labels. */
async function expectDiagram(page: Page, labels: string[]) {
  const diagram = dom.current(page).locator('pre.slidemark-mermaid')
  await expect(diagram).toHaveAttribute('data-mermaid-state', 'drawn', { timeout: 60_000 })
  const svg = diagram.locator(':scope > svg').filter({ visible: true })
  await expect(svg).toHaveCount(1)
  const box = await svg.boundingBox()
  expect(box?.width).toBeGreaterThan(200)
  expect(box?.height).toBeGreaterThan(60)
  const text = (await svg.textContent())?.replace(/\s+/g, ' ') ?? ''
  for (const label of labels) expect(text).toContain(label)
}

/**
 * Every KaTeX formula shown on the current slide: typeset boxes of real
 * size, each rendered once (KaTeX's MathML copy is clipped to nothing, so a
 * formula never shows twice), and no TeX source left as text.
 */
async function expectFormulas(page: Page, count: number) {
  const slide = dom.current(page)
  // The step's reveal and the slide's move run after the key press: wait for them to settle.
  await expect.poll(() => shownFormulas(page).then((found) => found.length)).toBe(count)
  const formulas = await shownFormulas(page)
  expect(formulas).toHaveLength(count)
  for (const formula of formulas) {
    expect(formula.width).toBeGreaterThan(5)
    expect(formula.height).toBeGreaterThan(5)
    expect(formula.mathml).toBeLessThanOrEqual(1)
  }
  // What is on screen, without KaTeX's hidden MathML copy (which holds the TeX as an annotation).
  const shownText = await slide.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    for (const mathml of copy.querySelectorAll('.katex-mathml')) mathml.remove()
    return copy.textContent ?? ''
  })
  expect(shownText).not.toContain('$')
  expect(shownText).not.toContain('\\le')
  expect(shownText).toContain('N(t)≤C+r')
}

/** The KaTeX boxes shown on the current slide, with their sizes. */
function shownFormulas(page: Page) {
  return dom
    .current(page)
    .locator('.katex')
    .evaluateAll((nodes) =>
      nodes
        .filter((node) => (node as HTMLElement).offsetParent !== null)
        .filter(
          (node) =>
            getComputedStyle(node.closest('.slidemark-step') ?? node).visibility !== 'hidden',
        )
        .map((node) => {
          const html = node.querySelector('.katex-html')?.getBoundingClientRect()
          // Layout px (unscaled by the theme's fit): KaTeX clips its MathML copy to 1×1.
          const mathml = node.querySelector<HTMLElement>('.katex-mathml')
          return {
            width: html?.width ?? 0,
            height: html?.height ?? 0,
            mathml: (mathml?.offsetWidth ?? 0) * (mathml?.offsetHeight ?? 0),
          }
        }),
    )
}

/** What each state must show, checked after the key press that reached it. */
async function expectState(page: Page, [slide, step]: [number, number]) {
  const steps = dom.steps(page)
  if (slide === 1) {
    await expect(dom.current(page).locator('h2')).toHaveText('Token buckets in one picture')
    await expectDiagram(page, ['Tokens left?', 'Handler', 'Refill at r per second'])
  }
  if (slide === 2) {
    const focus = [[1], [3, 4], [1, 2, 3, 4, 5, 6]][step]
    await expect.poll(() => focusedLines(page)).toEqual(focus)
  }
  if (slide === 3) {
    const shown = dom.current(page).locator('.slidemark-magic-move > *').filter({ visible: true })
    await expect(shown).toHaveCount(1)
    await expect(shown).toContainText(step === 0 ? 'const elapsed' : 'Math.min(b.capacity')
  }
  if (slide === 4) {
    // `$$$$` steps kept with math on: 2 step blocks, revealed one per key press.
    await expect(steps).toHaveCount(2)
    for (const [n, part] of (await steps.all()).entries()) {
      if (n < step) await expect(part).toBeVisible()
      else await expect(part).toBeHidden()
    }
    // Inline C, r, and the display formula; then t; then C = 20, r = 5, N ≤ 70.
    await expectFormulas(page, [3, 4, 7][step] ?? 0)
  }
  if (slide === 5) {
    await expectDiagram(page, ['Gateway', 'EVAL take_token', '429 with Retry-After 2'])
  }
}

for (const buildName of ['cli', 'vite'] as const) {
  test(`${buildName} build: every state in order by key presses, formulas measured, diagrams as SVG`, async ({
    page,
    themeName,
  }) => {
    test.setTimeout(180_000)
    await page.goto(builds[buildName] as string)
    for (const [n, state] of STATES.entries()) {
      if (n > 0) await page.keyboard.press('ArrowRight')
      await expectAt(page, state[0], state[1])
      await expectState(page, state)
      const [slide, step] = state
      await page.screenshot({
        path: join(
          artifactsDir,
          `technical-talk-${buildName}-${themeName}-${slide + 1}-${step + 1}.png`,
        ),
      })
    }
    // The last state is the end: one more key press stays there.
    await page.keyboard.press('ArrowRight')
    await expectAt(page, 6, 0)
    // Step counts as the deck reports them.
    const counts = await page.evaluate(() =>
      (window as unknown as { deck?: { slides: Array<{ steps: number }> } }).deck?.slides.map(
        (slide) => slide.steps,
      ),
    )
    if (buildName === 'vite') expect(counts).toEqual([1, 1, 3, 2, 3, 1, 1])
    // Built by the CLI, the deck carries no Mermaid; in the Vite app Mermaid came as its chunk.
    const hasMermaid = await page.evaluate(() =>
      performance.getEntriesByType('resource').some((entry) => /mermaid\.core/.test(entry.name)),
    )
    expect(hasMermaid).toBe(buildName === 'vite')
  })
}

test('exports to a PDF with its diagrams and formulas, one page per state', async ({
  themeName,
}) => {
  test.setTimeout(240_000)
  const out = mkdtempSync(join(tmpdir(), 'slidemark-e2e-technical-talk-pdf-'))
  try {
    const pdf = join(out, 'talk.pdf')
    await exportDeck(deckPath, { pdf, steps: true, theme: themeName })
    const pages = readFileSync(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-z])/g)
    expect(pages).toHaveLength(STATES.length)
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    // Diagram labels, drawn as SVG text (a long label wraps, so one line each here).
    for (const label of [
      'Tokens left?',
      'Handler',
      'Refill at r per second',
      'Gateway',
      'EVAL take_token',
    ]) {
      expect(text).toContain(label)
    }
    // Formulas typeset, not TeX: N(t) ≤ C + r t, and the last step's N ≤ 70.
    expect(text).toMatch(/N\s*\(\s*t\s*\)\s*≤\s*C\s*\+\s*r\s*t/)
    expect(text).toMatch(/N\s*≤\s*70/)
    expect(text).not.toContain('\\le')
    expect(text).not.toContain('$$')
    // The pages with the flowchart and the math, as pictures for a person to look at.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', pdf, join(out, 'flow')])
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '10', '-l', '10', pdf, join(out, 'math')])
    for (const name of readdirSync(out).filter((file) => file.endsWith('.png'))) {
      const image = readFileSync(join(out, name))
      expect(image.length).toBeGreaterThan(5_000)
      execFileSync('cp', [
        join(out, name),
        join(artifactsDir, `technical-talk-pdf-${themeName}-${name}`),
      ])
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})
