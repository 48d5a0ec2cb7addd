import { join } from 'node:path'
import { artifactsDir } from '../paths.js'
import { expect, settled, test } from './fixtures.js'

/**
 * The 2010 code look: `codeTheme: pygments` in a deck's front matter gives
 * html5-slides Pygments' default colours and inline line numbers, as
 * html5-slides-markdown drew them (e2e/fit-app/decks/pygments.slides.md).
 */

function fitUrl(query: string): string {
  const origin = process.env.SLIDEMARK_E2E_URL
  if (!origin) throw new Error('SLIDEMARK_E2E_URL is unset: run through playwright.config.ts')
  return `${origin}/fit/?theme=html5&${query}`
}

test('codeTheme: pygments draws code in Pygments colours with inline line numbers', async ({
  page,
  themeName,
}) => {
  test.skip(themeName !== 'html5-slides', 'the 2010 look belongs to html5-slides')
  await page.goto(fitUrl('deck=pygments#slide2'))
  const code = page.locator('[data-slidemark-slide="1"][aria-current="true"] pre code')
  await expect(code).toBeVisible()
  await page.evaluate(() => document.fonts.ready)

  const look = await code.evaluate((element) => {
    const tokens = [...element.querySelectorAll<HTMLElement>('[data-line] > span')]
    const styleOf = (text: string) => {
      const token = tokens.find((span) => span.textContent?.trim() === text)
      if (!token) return `no token ${text}`
      const style = getComputedStyle(token)
      return `${style.color} ${style.fontWeight} ${style.fontStyle}`
    }
    const number = getComputedStyle(element.querySelector('[data-line]') as Element, '::before')
    return {
      keyword: styleOf('class'),
      definition: styleOf('def'),
      className: styleOf('Scheduler'),
      docstring: styleOf('Round-robin over generators.'),
      comment: styleOf('# Python 2.6: no next() builtin yet'),
      plain: styleOf('self'),
      lineNumber: `${number.content} ${number.backgroundColor}`,
      lastNumber: getComputedStyle(
        element.querySelector('[data-line]:last-child') as Element,
        '::before',
      ).content,
    }
  })
  expect(look).toEqual({
    keyword: 'rgb(0, 128, 0) 700 normal',
    definition: 'rgb(0, 128, 0) 700 normal',
    className: 'rgb(0, 0, 255) 700 normal',
    docstring: 'rgb(186, 33, 33) 400 italic',
    comment: 'rgb(64, 128, 128) 400 italic',
    plain: 'rgb(0, 128, 0) 400 normal',
    lineNumber: 'counter(line) rgb(240, 240, 240)',
    lastNumber: 'counter(line)',
  })
  await expect(code.locator('[data-line]')).toHaveCount(19)

  await settled(page)
  await page.screenshot({ path: join(artifactsDir, 'html5-slides-code-pygments.png') })
  await page.goto(fitUrl('deck=pygments#slide3'))
  await settled(page)
  const string = await page
    .locator('[data-slidemark-slide="2"][aria-current="true"] pre span')
    .filter({ hasText: /^'a'$/ })
    .first()
    .evaluate((span) => getComputedStyle(span).color)
  expect(string).toBe('rgb(186, 33, 33)')
  await page.screenshot({ path: join(artifactsDir, 'html5-slides-code-pygments-2.png') })
})
