/**
 * `@slidemark/runtime/contract`: what every Slidemark theme must do, as a
 * test suite a theme runs from its own tests. It takes the test runner's
 * `describe` and `it` (Vitest's, Jest's, `node:test`'s), so it depends on no
 * test framework, and throws an `Error` naming the theme and what went wrong.
 * It needs a DOM (happy-dom, jsdom or a browser).
 *
 * ```ts
 * import { describe, it } from 'vitest'
 * import { runThemeContract } from '@slidemark/runtime/contract'
 * import * as theme from '../src/index.js'
 *
 * runThemeContract(theme, { describe, it })
 * ```
 */
import type { MountOptions, ThemedPresentation } from './dom/deck.js'
import { loadLate } from './dom/late.js'
import { PRINT_PARAM } from './dom/print.js'
import { STEP_HIDDEN_CLASS } from './dom/slide.js'
import type { PresentableSlide } from './lib/types.js'

/** A theme module: what `import * as theme from '@slidemark/theme-…'` gives. */
export interface ThemeModule {
  mount(
    root: HTMLElement,
    slides: readonly PresentableSlide[],
    options?: MountOptions,
  ): ThemedPresentation<PresentableSlide>
  /** The theme definition, when the module exports it (its `name` labels the suite). */
  theme?: { name: string }
}

/** The test functions the suite registers itself with. */
export interface ContractRunner {
  describe(name: string, body: () => void): unknown
  it(name: string, body: () => void | Promise<void>): unknown
}

/**
 * The deck every check presents: a title slide, a long `##`-style heading,
 * build steps, Chinese text, notes, a segue and a running header and footer.
 */
export function contractSlides(): PresentableSlide[] {
  const base = { notes: '', classes: [] as string[], steps: 1, kind: 'content' }
  const slides: Omit<PresentableSlide, 'index'>[] = [
    {
      ...base,
      kind: 'title',
      title: 'Contract deck',
      header: '',
      content: '<p>Contract deck</p><p>for every theme</p>',
    },
    {
      ...base,
      title: 'A heading long enough to wrap twice in a narrow theme and still be one slide',
      header:
        '<h2>A heading long enough to wrap twice in a narrow theme and still be one slide</h2>',
      content: '<ul><li>one</li><li>two</li></ul>',
      notes: '<p>Say the second point slowly.</p>',
    },
    {
      ...base,
      title: 'Steps',
      header: '<h1>Steps</h1>',
      content:
        '<p>always</p><ul><li class="slidemark-step" data-step="1">first</li><li class="slidemark-step" data-step="2">second</li></ul>',
      steps: 3,
    },
    {
      ...base,
      title: '演示文稿',
      header: '<h1>演示文稿</h1>',
      content: '<p>每一页都有标题。</p>',
      running: { header: 'Running head', footer: 'Running foot', pageNumber: true },
    },
    { ...base, kind: 'segue', title: 'Segue', header: '<h1>Segue</h1>', content: '' },
  ]
  return slides.map((slide, index) => ({ ...slide, index }))
}

class ContractError extends Error {
  override name = 'ThemeContractError'
}

function check(condition: unknown, theme: string, message: string): asserts condition {
  if (!condition) throw new ContractError(`theme ${theme}: ${message}`)
}

/** The slide element shown as the current one in the deck's track (not in the overview). */
function currentSlide(deck: ThemedPresentation<PresentableSlide>): HTMLElement | null {
  const track = deck.element.querySelector(':scope > [data-slidemark-track]')
  return (
    track?.querySelector<HTMLElement>(
      `[aria-roledescription="slide"][data-index="${deck.state.slide}"]`,
    ) ?? null
  )
}

function text(html: string): string {
  const template = document.createElement('template')
  template.innerHTML = html
  return (template.content.textContent ?? '').trim()
}

function key(name: string, target: EventTarget = window) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }))
}

/** What `find` returns once it returns something, or `null` after `timeout` ms. */
async function waitFor<T>(find: () => T | null, timeout = 2000): Promise<T | null> {
  const end = Date.now() + timeout
  for (;;) {
    const found = find()
    if (found || Date.now() > end) return found
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/**
 * Register the theme contract: one `describe` block of `it` checks that the
 * theme mounts slides, draws every slide's heading, shows build steps,
 * opens the overview, lays slides out for print, works embedded (two decks
 * on a page, each independent) and leaves nothing behind on `destroy()`.
 */
export function runThemeContract(module: ThemeModule, { describe, it }: ContractRunner): void {
  const name = module.theme?.name ?? 'theme'
  /** Mount the contract deck in a fresh root, run `body`, then clean up whatever happens. */
  const present = async (
    options: MountOptions,
    body: (deck: ThemedPresentation<PresentableSlide>, root: HTMLElement) => void | Promise<void>,
  ) => {
    const root = document.createElement('div')
    document.body.append(root)
    const deck = module.mount(root, contractSlides(), { hash: false, sync: false, ...options })
    try {
      await body(deck, root)
    } finally {
      deck.destroy()
      root.remove()
    }
  }

  describe(`theme contract: ${name}`, () => {
    it('mounts one deck element in the root, showing the first slide', () =>
      present({}, (deck, root) => {
        check(deck.element.parentElement === root, name, 'the deck element is not a child of root')
        check(deck.element.classList.contains('slidemark'), name, 'the deck lacks .slidemark')
        const shown = currentSlide(deck)
        check(shown, name, 'no slide element for slide 1 in the [data-slidemark-track] element')
        check(!shown.inert, name, 'the current slide is inert')
        check(shown.textContent?.includes('Contract deck'), name, 'slide 1 does not show its text')
      }))

    it('draws every slide with its heading, running header and footer', () =>
      present({}, (deck) => {
        for (const slide of deck.slides) {
          deck.go(slide.index)
          const shown = currentSlide(deck)
          check(shown, name, `slide ${slide.index + 1} has no element when current`)
          const heading = text(slide.header) || slide.title
          check(
            shown.textContent?.includes(heading),
            name,
            `slide ${slide.index + 1} does not show its heading "${heading}"`,
          )
          for (const part of [slide.running?.header, slide.running?.footer]) {
            if (part) {
              check(
                shown.textContent?.includes(part),
                name,
                `slide ${slide.index + 1}: no "${part}"`,
              )
            }
          }
        }
      }))

    it('shows build steps one at a time, forwards and back', () =>
      present({}, (deck) => {
        const steps = deck.slides.findIndex((slide) => slide.steps > 1)
        deck.go(steps, 0)
        const hidden = () =>
          [...(currentSlide(deck)?.querySelectorAll('.slidemark-step') ?? [])].map((step) =>
            step.classList.contains(STEP_HIDDEN_CLASS),
          )
        check(hidden().join() === 'true,true', name, `at step 0 steps are hidden: ${hidden()}`)
        deck.next()
        check(hidden().join() === 'false,true', name, `at step 1 only the first shows: ${hidden()}`)
        check(deck.element.dataset.currentStep === '1', name, 'data-current-step is not 1')
        deck.next()
        check(hidden().join() === 'false,false', name, `at step 2 both show: ${hidden()}`)
        deck.prev()
        check(hidden().join() === 'false,true', name, `back at step 1: ${hidden()}`)
      }))

    it('opens the overview with every slide, and picks one', () =>
      present({}, async (deck) => {
        key('o')
        // The overview's code loads on first use: the key opens it once that is here.
        const grid = await waitFor(() =>
          deck.element.querySelector<HTMLElement>('.slidemark-overview:not([hidden])'),
        )
        check(grid, name, '`o` did not open the overview')
        const items = grid.querySelectorAll<HTMLElement>('.slidemark-overview-item')
        check(items.length === deck.slides.length, name, `the overview has ${items.length} items`)
        deck.slides.forEach((slide, index) => {
          check(
            items[index]?.textContent?.includes(slide.title),
            name,
            `overview item ${index + 1} does not name "${slide.title}"`,
          )
        })
        items[3]?.click()
        check(grid.hidden, name, 'picking a slide did not close the overview')
        check(deck.state.slide === 3, name, `picking item 4 went to slide ${deck.state.slide + 1}`)
      }))

    it('lays out every slide, every step shown, while printing', () =>
      present({}, async (deck) => {
        // The print code comes with the deck's late code, asked for at mount.
        await loadLate()
        window.dispatchEvent(new Event('beforeprint'))
        const pages = deck.element.querySelectorAll('.slidemark-print > .slidemark-print-page')
        check(pages.length === deck.slides.length, name, `print has ${pages.length} pages`)
        check(
          deck.element.querySelector(`.slidemark-print .${STEP_HIDDEN_CLASS}`) === null,
          name,
          'a build step is hidden in print',
        )
        window.dispatchEvent(new Event('afterprint'))
        check(
          deck.element.querySelector('.slidemark-print') === null,
          name,
          'the print layout stays after printing',
        )
      }))

    it(`keeps the print layout up with { print: true } (the ?${PRINT_PARAM} mode)`, () =>
      present({ print: true }, async (deck) => {
        check(deck.element.classList.contains('slidemark-print-mode'), name, 'no print mode class')
        const pages = await waitFor(() => {
          const found = deck.element.querySelectorAll('.slidemark-print-page')
          return found.length === deck.slides.length ? found : null
        })
        check(pages !== null, name, 'print mode has no page for every slide')
      }))

    it('runs two embedded decks on one page, each hearing keys only while focused', () =>
      present({ embedded: true }, (first) =>
        present({ embedded: true }, (second) => {
          const hash = location.hash
          check(first.element.tabIndex === 0, name, 'an embedded deck is not focusable')
          first.element.focus()
          key('ArrowRight', first.element)
          check(first.state.slide === 1, name, 'the focused deck did not move')
          check(second.state.slide === 0, name, 'the other deck moved too')
          key('ArrowRight')
          check(first.state.slide === 1, name, 'a key on the page (not the deck) moved it')
          check(location.hash === hash, name, 'an embedded deck changed the URL hash')
        }),
      ))

    it('leaves nothing behind on destroy()', () => {
      const root = document.createElement('div')
      document.body.append(root)
      const deck = module.mount(root, contractSlides(), { hash: false, sync: false })
      deck.overview.open()
      deck.destroy()
      try {
        check(root.childElementCount === 0, name, 'root still has children after destroy()')
        check(document.querySelector('.slidemark') === null, name, 'a deck element remains')
        key('ArrowRight')
        check(deck.state.slide === 0, name, 'a destroyed deck still hears keys')
        const again = module.mount(root, contractSlides(), { hash: false, sync: false })
        check(again.element.parentElement === root, name, 'mounting again into the root failed')
        again.destroy()
      } finally {
        root.remove()
      }
    })
  })
}
