import type { Locator, Page } from '@playwright/test'

/**
 * Where the end-to-end suites find things in a theme's DOM: the hooks that
 * `@slidemark/runtime/dom` (`mountDeck`) gives every theme, so the same
 * selectors serve both themes. This file is the one place that names them.
 */
const track = '[data-slidemark-deck] [data-slidemark-track]'

export const dom = {
  /** The slide elements in the live window around the current slide. */
  slides: (page: Page): Locator => page.locator(`${track} > [data-index]`),
  /** The slide on screen (`data-offset="0"`; neighbours carry ±1, ±2). */
  current: (page: Page): Locator => page.locator(`${track} > [data-offset="0"]`),
  /** The `N / total` counter. */
  counter: (page: Page): Locator => page.locator('[data-slidemark-deck] [data-slidemark-counter]'),
  /** The polite live region that announces the current slide. */
  announcer: (page: Page): Locator => page.locator('[data-slidemark-deck] [aria-live="polite"]'),
  /** The overview grid and its entries, one per slide. */
  overview: (page: Page): Locator => page.locator('.slidemark-overview'),
  overviewItems: (page: Page): Locator =>
    page.locator('.slidemark-overview .slidemark-overview-item'),
  /** Build steps of the current slide. */
  steps: (page: Page): Locator => dom.current(page).locator('.slidemark-step'),
  /** Speaker notes of the current slide, as shown in place by `2`. */
  notes: (page: Page): Locator => dom.current(page).locator('.notes'),
  /** Computed transforms of the slide track and the current slide (3D mode changes them). */
  transforms: (page: Page): Promise<string[]> =>
    page.evaluate(
      (selector) =>
        [
          document.querySelector(selector),
          document.querySelector(`${selector} > [data-offset="0"]`),
        ].map((element) => (element ? getComputedStyle(element).transform : 'missing')),
      track,
    ),
  /** The presenter view (in its own window) and its parts. */
  presenter: (page: Page): Locator => page.locator('[data-slidemark-presenter]'),
  presenterCurrent: (page: Page): Locator => page.locator('[data-slidemark-presenter-current]'),
  presenterNext: (page: Page): Locator => page.locator('[data-slidemark-presenter-next]'),
  presenterNotes: (page: Page): Locator => page.locator('[data-slidemark-presenter-notes]'),
  presenterTimer: (page: Page): Locator => page.locator('[data-slidemark-presenter-timer]'),
}
