import { createRequire } from 'node:module'
import { test as base, expect, type Page } from '@playwright/test'

/** Which playground page (and so which theme) a project drives. */
export interface ThemeOptions {
  /** Page of the playground that mounts the theme: `index.html` or `horizon.html`. */
  themePage: string
  /** Theme name, for file names of screenshots. */
  themeName: string
}

/** What the global setup learned from compiling the playground deck. */
export interface DeckSummary {
  title: string
  slides: Array<{
    title: string
    kind: string
    steps: number
    hasCode: boolean
    hasImage: boolean
    /** 1-based, inclusive line range in the deck file. */
    source: { start: number; end: number }
    hasNotes: boolean
  }>
}

interface Fixtures {
  /** The deck being presented, to find slides by what they hold. */
  deck: DeckSummary
  /** Absolute URL of the theme's page, with an optional `#hash`. */
  deckUrl: (hash?: string) => string
  /**
   * Console errors, page errors, failed and 4xx/5xx requests of every page in
   * the test's browser context. Checked after each test (auto fixture); a test
   * expecting some errors (the dev-server error overlay) clears them itself.
   */
  problems: string[]
}

export const test = base.extend<ThemeOptions & Fixtures>({
  themePage: ['index.html', { option: true }],
  themeName: ['html5-slides', { option: true }],

  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured object
  deck: async ({}, use) => {
    const json = process.env.SLIDEMARK_E2E_DECK
    if (!json) throw new Error('SLIDEMARK_E2E_DECK is unset: run through playwright.config.ts')
    await use(JSON.parse(json) as DeckSummary)
  },

  deckUrl: async ({ themePage }, use) => {
    const origin = process.env.SLIDEMARK_E2E_URL
    if (!origin) throw new Error('SLIDEMARK_E2E_URL is unset: run through playwright.config.ts')
    await use((hash = '') => `${origin}/${themePage}${hash}`)
  },

  problems: [
    async ({ context }, use) => {
      const problems: string[] = []
      const watch = (page: Page) => {
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
        })
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
        page.on('requestfailed', (request) => {
          problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`)
        })
        page.on('response', (response) => {
          if (response.status() >= 400) {
            problems.push(`HTTP ${response.status()}: ${response.url()}`)
          }
        })
      }
      for (const page of context.pages()) watch(page)
      context.on('page', watch)
      await use(problems)
      expect(problems, 'console errors or failed requests').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

const require = createRequire(import.meta.url)
const axePath = require.resolve('axe-core')

/** Rules that found a serious or critical problem, formatted for a failure message. */
export async function seriousAxeViolations(page: Page, include?: string): Promise<string[]> {
  await page.addScriptTag({ path: axePath })
  const violations = await page.evaluate(async (context) => {
    type Result = {
      id: string
      impact: string | null
      help: string
      nodes: Array<{ target: unknown[] }>
    }
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown) => Promise<{ violations: Result[] }> }
      }
    ).axe
    const result = await axe.run(context ?? document)
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)),
    }))
  }, include)
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`)
}

/** The 0-based position the URL hash (`#slideN` or `#slideN.M`) says the deck is at. */
export async function hashPosition(page: Page): Promise<{ slide: number; step: number } | null> {
  const hash = await page.evaluate(() => window.location.hash)
  const match = /^#slide(\d+)(?:\.(\d+))?$/.exec(hash)
  if (!match) return null
  return { slide: Number(match[1]) - 1, step: match[2] === undefined ? 0 : Number(match[2]) - 1 }
}

/** Waits until the hash says slide `slide` (0-based), at `step` when given. */
export async function expectAt(page: Page, slide: number, step?: number): Promise<void> {
  await expect
    .poll(async () => {
      const position = await hashPosition(page)
      return step === undefined ? position?.slide : position && [position.slide, position.step]
    })
    .toEqual(step === undefined ? slide : [slide, step])
}

/** Index of the first slide matching `predicate`; throws when the deck has none. */
export function findSlide(
  deck: DeckSummary,
  what: string,
  predicate: (slide: DeckSummary['slides'][number], index: number) => boolean,
): number {
  const index = deck.slides.findIndex(predicate)
  if (index < 0) throw new Error(`the playground deck has no ${what}`)
  return index
}

/** Waits until no CSS transition or animation is running (a move or a toggle has finished). */
export async function settled(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length),
    )
    .toBe(0)
}
