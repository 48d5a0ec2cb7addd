import type { Page } from 'playwright-core'

/** What the current slide shows: its index, heading or title text, and build steps revealed. */
export interface Shown {
  index: number
  text: string
  hiddenSteps: number
}

/** The current slide, by the theme-independent hooks of the theme contract (docs/themes.md). */
export const CURRENT_SLIDE = '[data-slidemark-slide][aria-current="true"]'

/** Reads the current slide of a mounted theme. */
export async function currentSlide(page: Page): Promise<Shown> {
  const current = page.locator(CURRENT_SLIDE)
  await current.waitFor({ state: 'visible' })
  return current.evaluate((element: HTMLElement) => ({
    index: Number(element.dataset.index),
    text: (element.querySelector('h1')?.textContent || element.textContent || '').trim(),
    hiddenSteps: element.querySelectorAll('.slidemark-step-hidden').length,
  }))
}

/**
 * Presses → from the first slide until the deck stops moving and returns
 * every state seen: one per build step of every slide.
 */
export async function stepThrough(page: Page, limit = 500): Promise<Shown[]> {
  const seen = [await currentSlide(page)]
  for (let n = 0; n < limit; n++) {
    await page.keyboard.press('ArrowRight')
    const last = seen.at(-1)
    const next = await currentSlide(page)
    if (next.index === last?.index && next.hiddenSteps === last.hiddenSteps) break
    seen.push(next)
  }
  return seen
}
