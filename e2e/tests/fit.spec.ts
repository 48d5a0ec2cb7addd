import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { artifactsDir } from '../paths.js'
import { expect, settled, test } from './fixtures.js'

/**
 * Auto-fit, titles at any level and isolation, on the fixture decks of
 * `e2e/fit-app/` (overfull slides, `##`/`###` and long titles, CJK, a
 * hostile host stylesheet), in both themes at 1280×800.
 */

const decks = ['overfull', 'titles', 'cjk', 'pygments'] as const
/** Smallest text a slide may show, in design px (CSS px of the slide before scaling to the window). */
const MIN_TEXT = 10

function fitUrl(theme: string, query: string): string {
  const origin = process.env.SLIDEMARK_E2E_URL
  if (!origin) throw new Error('SLIDEMARK_E2E_URL is unset: run through playwright.config.ts')
  return `${origin}/fit/?theme=${theme === 'horizon' ? 'horizon' : 'html5'}&${query}`
}

interface DeckHandle {
  slides: Array<{ steps: number; classes: string[] }>
  go(slide: number, step?: number): void
}

async function open(page: Page, theme: string, query: string): Promise<void> {
  await page.goto(fitUrl(theme, query))
  await page.waitForSelector('[data-slidemark-slide][aria-current="true"][data-slidemark-fit]')
  await page.evaluate(() => document.fonts.ready)
}

/**
 * What is wrong with the layout of `selector`'s slide: text or media outside
 * the slide box, a heading overlapping the body, text under 10 design px.
 * Runs in the page; hidden build steps count as they keep their space.
 */
function layoutProblems(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    ({ selector, minText }) => {
      const slide = document.querySelector<HTMLElement>(selector)
      if (!slide) return [`no slide at ${selector}`]
      const box = slide.getBoundingClientRect()
      const ratio = box.width / slide.offsetWidth
      const problems: string[] = []
      const range = document.createRange()
      const content = [...slide.children].filter((child) => !child.matches('.notes'))
      const rectsOf = (node: Node) => {
        range.selectNodeContents(node)
        return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0)
      }
      for (const part of content) {
        const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent?.trim()
          if (!text) continue
          const parent = node.parentElement as HTMLElement
          for (const r of rectsOf(node)) {
            if (r.left < box.left - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) {
              problems.push(`"${text.slice(0, 30)}" outside the slide`)
              break
            }
          }
          const zoom = (parent as unknown as { currentCSSZoom?: number }).currentCSSZoom ?? 1
          const size = Number.parseFloat(getComputedStyle(parent).fontSize) * zoom
          if (size < minText - 0.05)
            problems.push(`"${text.slice(0, 30)}" at ${size.toFixed(1)} px`)
        }
        for (const media of part.querySelectorAll('img, video, svg')) {
          const r = media.getBoundingClientRect()
          if (r.bottom > box.bottom + 1 || r.right > box.right + 1) problems.push('media outside')
        }
      }
      // The heading (first part) ends above the body's first text.
      const [header, body] = content
      if (header && body && slide.dataset.kind === 'content') {
        const headerBottom = Math.max(...rectsOf(header).map((r) => r.bottom))
        const bodyTop = Math.min(...rectsOf(body).map((r) => r.top))
        if (headerBottom > bodyTop + 1) {
          problems.push(
            `heading overlaps the body by ${((headerBottom - bodyTop) / ratio).toFixed(0)} px`,
          )
        }
      }
      return problems.map((problem) => `slide ${Number(slide.dataset.index) + 1}: ${problem}`)
    },
    { selector, minText: MIN_TEXT },
  )
}

/**
 * Walk every slide at every step with `go` and collect the layout problems
 * of each; slides marked `.fx: no-fit` are skipped (they opt out on purpose).
 * A screenshot of each slide with steps goes to e2e/artifacts/.
 */
async function everyStepProblems(
  page: Page,
  slides: Array<{ steps: number; classes: string[] }>,
  go: (slide: number, step: number) => Promise<void>,
  shot: string,
): Promise<string[]> {
  const problems: string[] = []
  for (const [index, slide] of slides.entries()) {
    if (slide.classes.includes('no-fit')) continue
    for (let step = 0; step < Math.max(1, slide.steps); step++) {
      await go(index, step)
      const current = `[data-slidemark-slide="${index}"][aria-current="true"][data-slidemark-fit]`
      await page.waitForSelector(current)
      await expect(page.locator('[data-slidemark-deck]')).toHaveAttribute(
        'data-current-step',
        String(step),
      )
      problems.push(
        ...(await layoutProblems(page, current)).map((problem) =>
          slide.steps > 1 ? `${problem} (step ${step + 1})` : problem,
        ),
      )
    }
    if (slide.steps > 0) {
      await page.screenshot({ path: join(artifactsDir, `${shot}-${index + 1}.png`) })
    }
  }
  return problems
}

/** Every fixture deck, then the titles and CJK decks again inside the hostile host page. */
const variants = [
  ...decks.map((name) => ({ name, query: `deck=${name}` })),
  { name: 'titles-hostile', query: 'deck=titles&hostile' },
  { name: 'cjk-hostile', query: 'deck=cjk&hostile' },
]

for (const { name, query } of variants) {
  test(`${name}: every slide shows all of its content at every step, headings clear, text 10 px or more`, async ({
    page,
    themeName,
  }) => {
    await open(page, themeName, query)
    const slides = await page.evaluate(() =>
      (window as unknown as { deck: DeckHandle }).deck.slides.map((s) => ({
        steps: s.steps,
        classes: s.classes,
      })),
    )
    const go = (slide: number, step: number) =>
      page.evaluate(
        ([n, k]) => (window as unknown as { deck: DeckHandle }).deck.go(n as number, k),
        [slide, step],
      )
    const problems = await everyStepProblems(page, slides, go, `${themeName}-fit-${name}`)
    expect(problems).toEqual([])
    expect(
      await page.evaluate(() => (window as unknown as { overflows: unknown[] }).overflows),
    ).toEqual([])
  })
}

test('the playground deck: every slide at every step inside its box, headings clear, text 10 px or more', async ({
  page,
  deck,
  deckUrl,
  themeName,
}) => {
  await page.goto(deckUrl('#slide1'))
  await page.waitForSelector('[data-slidemark-slide="0"][aria-current="true"][data-slidemark-fit]')
  await page.evaluate(() => document.fonts.ready)
  const go = async (slide: number, step: number) => {
    const hash = `#slide${slide + 1}${step > 0 ? `.${step + 1}` : ''}`
    await page.evaluate((hash) => {
      window.location.hash = hash
    }, hash)
  }
  const slides = deck.slides.map((slide) => ({ steps: slide.steps, classes: [] }))
  expect(slides.length).toBeGreaterThan(5)
  const problems = await everyStepProblems(page, slides, go, `${themeName}-fit-playground`)
  expect(problems).toEqual([])
  await expect(page.locator('[data-slidemark-overflow]')).toHaveCount(0)
})

test('print pages, overview thumbnails and the presenter view are fitted too', async ({
  page,
  themeName,
}) => {
  await page.goto(fitUrl(themeName, 'deck=overfull&print'))
  await page.waitForSelector('.slidemark-print-page [data-slidemark-fit]')
  await page.evaluate(() => document.fonts.ready)
  const pages = page.locator('.slidemark-print-page > [aria-roledescription="slide"]')
  await expect(pages).toHaveCount(7)
  const problems: string[] = []
  for (let n = 0; n < 7; n++) {
    if (n === 5) continue // .fx: no-fit
    problems.push(
      ...(await layoutProblems(page, `.slidemark-print-page:nth-child(${n + 1}) > [data-index]`)),
    )
  }
  expect(problems).toEqual([])
  expect(Number(await pages.nth(1).getAttribute('data-slidemark-fit'))).toBeLessThan(1)

  await open(page, themeName, 'deck=overfull')
  await page.keyboard.press('o')
  const thumb = page.locator('.slidemark-overview-item[data-slide="1"] [data-index="1"]')
  await expect(thumb).toHaveAttribute('data-slidemark-fit', /^0\.\d+$/)
  await page.keyboard.press('Escape')

  await page.goto(`${fitUrl(themeName, 'deck=overfull&presenter')}#slide3`)
  const current = page.locator('[data-slidemark-presenter-current] [data-index="2"]')
  await expect(current).toHaveAttribute('data-slidemark-fit', /^0\.\d+$/)
})

test('a slide is fitted before the browser paints it (no visible jump)', async ({
  page,
  themeName,
}) => {
  await open(page, themeName, 'deck=overfull')
  const before = await page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        ;(window as unknown as { deck: DeckHandle }).deck.go(2)
        requestAnimationFrame(() =>
          resolve(
            document
              .querySelector('[data-slidemark-slide="2"][aria-current="true"]')
              ?.getAttribute('data-slidemark-fit') ?? null,
          ),
        )
      }),
  )
  expect(Number(before)).toBeGreaterThan(0.3)
  expect(Number(before)).toBeLessThan(1)
})

test('.fx: no-fit keeps a slide at full size and is not reported', async ({ page, themeName }) => {
  await open(page, themeName, 'deck=overfull#slide6')
  const slide = page.locator('[data-slidemark-slide="5"][aria-current="true"]')
  await expect(slide).toHaveAttribute('data-slidemark-fit', '1')
  await expect(slide).not.toHaveAttribute('data-slidemark-overflow', /./)
  expect(await layoutProblems(page, '[data-slidemark-slide="5"]')).not.toEqual([])
  expect(
    await page.evaluate(() => (window as unknown as { overflows: unknown[] }).overflows),
  ).toEqual([])
})

test('a slide that does not fit at the floor is scaled to it and reported with its line', async ({
  page,
  themeName,
}) => {
  await open(page, themeName, 'deck=reported')
  const slide = page.locator('[data-slidemark-slide="0"][aria-current="true"]')
  await expect(slide).toHaveAttribute('data-slidemark-fit', '0.5')
  await expect(slide).toHaveAttribute('data-slidemark-overflow', /^0 \d+$/)
  const overflows = await page.evaluate(
    () => (window as unknown as { overflows: Array<{ index: number; line: number }> }).overflows,
  )
  expect(overflows.map(({ index, line }) => ({ index, line }))).toEqual([{ index: 0, line: 5 }])
  // A built deck shows no notice to the audience (only the dev server does).
  await expect(page.locator('[data-slidemark-fit-notice]')).toHaveCount(0)
})

test('front matter fit: false turns fitting off (and the overflow is still reported)', async ({
  page,
  themeName,
}) => {
  await open(page, themeName, 'deck=overfull&nofit#slide2')
  await expect(page.locator('[data-slidemark-slide="1"][aria-current="true"]')).toHaveAttribute(
    'data-slidemark-fit',
    '1',
  )
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as { overflows: Array<{ index: number }> }).overflows.map(
          (o) => o.index,
        ),
      ),
    )
    .toContain(1)
})

test('a hostile host stylesheet changes nothing inside the deck', async ({ page, themeName }) => {
  const styles = () =>
    page.evaluate(() => {
      const props = [
        'text-align',
        'line-height',
        'font-family',
        'font-size',
        'font-style',
        'font-weight',
        'color',
        'letter-spacing',
        'word-spacing',
        'white-space',
        'direction',
        'text-transform',
        'text-indent',
        'list-style-type',
        'padding-left',
      ]
      const slide = document.querySelector('[data-slidemark-slide][aria-current="true"]')
      return [...(slide?.querySelectorAll('*') ?? [])].map((element) => {
        const style = getComputedStyle(element)
        return `${element.localName}: ${props.map((p) => style.getPropertyValue(p)).join(' | ')}`
      })
    })
  const shot = async (query: string) => {
    await open(page, themeName, query)
    const computed = await styles()
    await settled(page)
    const slide = page.locator('[data-slidemark-slide][aria-current="true"]')
    return { computed, png: await slide.screenshot({ animations: 'disabled' }) }
  }
  for (const hash of ['#slide2', '#slide3', '#slide4', '#slide8']) {
    const clean = await shot(`deck=titles${hash}`)
    const hostile = await shot(`deck=titles&hostile${hash}`)
    expect(hostile.computed, `${hash}: computed styles`).toEqual(clean.computed)
    expect(hostile.png.equals(clean.png), `${hash}: screenshots differ`).toBe(true)
  }
  await page.screenshot({ path: join(artifactsDir, `${themeName}-fit-hostile.png`) })
})

test('titles keep their level’s size, whatever order the stylesheets load in', async ({
  page,
  themeName,
}) => {
  // `#`, `##`, `###` (a long `#` title wraps but keeps its size), in design px.
  const expected = themeName === 'horizon' ? { h1: 54, h2: 48, h3: 42 } : { h1: 50, h2: 42, h3: 36 }
  const sizes: Record<string, number> = {}
  for (const [level, hash] of [
    ['h2', '#slide2'],
    ['h3', '#slide3'],
    ['h1', '#slide4'],
  ] as const) {
    await open(page, themeName, `deck=titles${hash}`)
    sizes[level] = await page
      .locator(`[data-slidemark-slide][aria-current="true"] header ${level}`)
      .evaluate((heading) => Number.parseFloat(getComputedStyle(heading).fontSize))
  }
  expect(sizes).toEqual(expected)
})
