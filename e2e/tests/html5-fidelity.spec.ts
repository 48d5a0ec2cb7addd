import type { Page } from '@playwright/test'
import { expect, settled, test } from './fixtures.js'

/**
 * html5-slides held against the 2010 template's measured facts
 * (/work/shared/reference/html5-slides-look.md, the theme README's table),
 * in design px (the slide's own CSS px, before scaling to the window), on
 * e2e/fit-app/decks/pygments.slides.md: a title slide, code, a one-line `#`
 * title over paragraphs, a list, an `h2` and a link, a heading-only slide.
 */

function fitUrl(query: string): string {
  const origin = process.env.SLIDEMARK_E2E_URL
  if (!origin) throw new Error('SLIDEMARK_E2E_URL is unset: run through playwright.config.ts')
  return `${origin}/fit/?theme=html5&${query}`
}

async function openSlide(page: Page, n: number): Promise<void> {
  await page.goto(fitUrl(`deck=pygments#slide${n}`))
  await page.waitForSelector(`[data-slidemark-slide="${n - 1}"][aria-current="true"]`)
  await page.evaluate(() => document.fonts.ready)
  await settled(page)
}

/** Facts about elements of the current slide, in design px relative to the slide box. */
function measure(page: Page, selectors: Record<string, string>) {
  return page.evaluate((selectors) => {
    const slide = document.querySelector<HTMLElement>('[aria-current="true"][data-index]')
    if (!slide) throw new Error('no current slide')
    const box = slide.getBoundingClientRect()
    const ratio = box.width / slide.offsetWidth
    const facts: Record<string, Record<string, string | number>> = {}
    for (const [name, selector] of Object.entries(selectors)) {
      const element = slide.querySelector(selector) ?? (selector === ':scope' ? slide : null)
      if (!element) throw new Error(`no ${selector}`)
      const range = document.createRange()
      range.selectNodeContents(element)
      const text = range.getBoundingClientRect()
      const style = getComputedStyle(element)
      facts[name] = {
        left: Math.round((text.left - box.left) / ratio),
        top: Math.round((text.top - box.top) / ratio),
        centreX: Math.round((text.left + text.width / 2 - box.left) / ratio),
        centreY: Math.round((text.top + text.height / 2 - box.top) / ratio),
        font: `${style.fontSize} ${style.fontWeight}`,
        family: style.fontFamily.split(',')[0] as string,
        color: style.color,
        spacing: style.letterSpacing,
        shadow: style.textShadow,
        padding: `${style.paddingTop} ${style.paddingBottom}`,
        border: style.borderBottom,
        decoration: style.textDecorationLine,
      }
    }
    return facts
  }, selectors)
}

test.beforeEach(({ themeName }) => {
  test.skip(themeName !== 'html5-slides', 'facts of the html5-slides template')
})

test('geometry, colours and the five positions are the template’s', async ({ page }) => {
  await openSlide(page, 2)
  const frame = await page.evaluate(() => {
    const deck = document.querySelector('[data-slidemark-deck]') as HTMLElement
    const slide = (n: string) =>
      getComputedStyle(document.querySelector(`.slide.${n}`) as HTMLElement)
    const current = document.querySelector('.slide.current') as HTMLElement
    return {
      page: getComputedStyle(deck).backgroundColor,
      size: `${current.offsetWidth}x${current.offsetHeight}`,
      radius: slide('current').borderTopLeftRadius,
      gradient: slide('current').backgroundImage,
      margins: ['past', 'current', 'future', 'far-future'].map((n) => slide(n).marginLeft),
      transition: `${slide('current').transitionProperty} ${slide('current').transitionDuration}`,
    }
  })
  expect(frame).toEqual({
    page: 'rgb(119, 119, 136)',
    size: '900x700',
    radius: '20px',
    // `to top`, #bbd → #fff, as Chromium serialises it
    gradient: 'linear-gradient(rgb(255, 255, 255), rgb(187, 187, 221))',
    margins: ['-1400px', '-450px', '500px', '1500px'],
    transition: 'margin 0.25s',
  })
})

test('a one-line # title, the section, h2, lists, links and code sit where the template put them', async ({
  page,
}) => {
  await openSlide(page, 4)
  const facts = await measure(page, {
    title: 'header h1',
    paragraph: 'section > p',
    item: 'section li',
    h2: 'section h2',
    link: 'section a',
  })
  expect(facts.title).toMatchObject({
    left: 30,
    font: '50px 400',
    color: 'rgb(0, 0, 0)',
    spacing: '-2.5px',
    shadow: 'rgba(0, 0, 0, 0.2) 0px 2px 5px',
  })
  // The original's h1 box starts at 25px; its 50px glyphs' line box is a few px taller.
  expect(facts.title?.top as number).toBeGreaterThanOrEqual(25)
  expect(facts.title?.top as number).toBeLessThanOrEqual(32)
  // section at 100px, its first paragraph's 1em margin kept inside (overflow: hidden).
  expect(facts.paragraph).toMatchObject({ left: 30, top: 120, font: '20px 400' })
  expect(facts.paragraph?.color).toBe('rgb(63, 63, 63)')
  expect(facts.item).toMatchObject({ font: '20px 400', padding: '10px 10px' })
  expect(facts.h2).toMatchObject({ font: '32px 700', color: 'rgb(0, 0, 0)' })
  expect(facts.link).toMatchObject({
    color: 'rgb(63, 63, 63)',
    decoration: 'none',
    border: '2px solid rgb(63, 63, 63)',
  })

  await openSlide(page, 2)
  const code = await measure(page, { pre: 'pre' })
  expect(code.pre).toMatchObject({ left: 30, font: '16px 400', family: 'Monaco' })
})

test('the title slide and a heading-only slide are centred both ways at 50px', async ({ page }) => {
  await openSlide(page, 1)
  const title = await measure(page, { first: 'section.title p' })
  expect(title.first).toMatchObject({ centreX: 450, font: '50px 400' })

  await openSlide(page, 5)
  const segue = await measure(page, { heading: 'header h1' })
  expect(segue.heading).toMatchObject({ centreX: 450, font: '50px 400', color: 'rgb(63, 63, 63)' })
  expect(Math.abs((segue.heading?.centreY as number) - 350)).toBeLessThanOrEqual(3)
})
