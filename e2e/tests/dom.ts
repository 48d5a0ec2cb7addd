import type { Locator, Page } from '@playwright/test'

/**
 * Where the end-to-end suites find things in a theme's DOM. Both themes follow
 * the DOM contract in their READMEs; this file is the one place that names it.
 */
export const dom = {
  /** Every slide element of the deck (not overview thumbnails). */
  slides: (page: Page): Locator => page.locator('[data-slidemark-slide]'),
  /** The slide on screen. */
  current: (page: Page): Locator => page.locator('[data-slidemark-slide][aria-current="true"]'),
  /** The `N / total` counter. */
  counter: (page: Page): Locator => page.locator('[data-slidemark-counter]'),
  /** The polite live region that announces the current slide. */
  announcer: (page: Page): Locator => page.locator('[aria-live="polite"]'),
  /** The overview grid and its entries. */
  overview: (page: Page): Locator => page.locator('[data-slidemark-overview]'),
  overviewItems: (page: Page): Locator => page.locator('[data-slidemark-overview] [data-slide]'),
  /** Build steps of the current slide. */
  steps: (page: Page): Locator => dom.current(page).locator('.slidemark-step'),
  /** Speaker notes of the current slide, as shown in place by `2`. */
  notes: (page: Page): Locator => dom.current(page).locator('.notes'),
  /** Computed transforms of the slide strip and the current slide (3D mode changes them). */
  transforms: (page: Page): Promise<string[]> =>
    page.evaluate(() =>
      [
        document.querySelector('[data-slidemark-deck]'),
        document.querySelector('[data-slidemark-slide][aria-current="true"]'),
      ].map((element) => (element ? getComputedStyle(element).transform : 'missing')),
    ),
  /** The presenter view (in its own window) and its parts. */
  presenter: (page: Page): Locator => page.locator('[data-slidemark-presenter]'),
  presenterCurrent: (page: Page): Locator => page.locator('[data-slidemark-presenter-current]'),
  presenterNext: (page: Page): Locator => page.locator('[data-slidemark-presenter-next]'),
  presenterNotes: (page: Page): Locator => page.locator('[data-slidemark-presenter-notes]'),
  presenterTimer: (page: Page): Locator => page.locator('[data-slidemark-presenter-timer]'),
}
