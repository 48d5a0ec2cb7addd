import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { deck, plainTheme, press, resetPage } from './helpers.js'

const plain = plainTheme()

/** A fresh copy of the runtime's DOM kit: the views' code not loaded yet, as in a page just opened. */
async function mountFresh(options = {}) {
  vi.resetModules()
  const { mountDeck } = await import('../src/dom/index.js')
  const root = document.createElement('div')
  document.body.append(root)
  const presentation = mountDeck(root, deck(1, 2, 1), { sync: false, ...options }, plain)
  onTestFinished(() => presentation.destroy())
  return presentation
}

afterEach(resetPage)

describe('views loaded on first use', () => {
  it('the deck starts without the overview grid', async () => {
    const presentation = await mountFresh()
    expect(presentation.element.querySelector('[data-slidemark-overview]')).toBeNull()
    expect(presentation.overview.isOpen).toBe(false)
  })

  it('o opens the overview on the first press, once its code is here', async () => {
    const presentation = await mountFresh()
    press('o')
    await vi.waitFor(() => expect(presentation.overview.isOpen).toBe(true))
    const grid = presentation.element.querySelector<HTMLElement>('[data-slidemark-overview]')
    expect(grid?.hidden).toBe(false)
    expect(grid?.querySelectorAll('[data-slide]')).toHaveLength(3)
  })

  it('o pressed twice before the code arrives leaves the overview closed', async () => {
    const presentation = await mountFresh()
    press('o')
    press('o')
    await vi.waitFor(() =>
      expect(presentation.element.querySelector('[data-slidemark-overview]')).not.toBeNull(),
    )
    expect(presentation.overview.isOpen).toBe(false)
  })

  it('the deck destroyed before the code arrives draws no overview', async () => {
    const presentation = await mountFresh()
    press('o')
    const element = presentation.element
    presentation.destroy()
    const { loadViews } = await import('../src/dom/index.js')
    await loadViews()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(element.querySelector('[data-slidemark-overview]')).toBeNull()
  })

  it('p shows the presenter view on the first press (embedded: in place)', async () => {
    const presentation = await mountFresh({ embedded: true })
    presentation.element.focus()
    press('p', {}, presentation.element)
    expect(presentation.presenter).toBe(true)
    await vi.waitFor(() =>
      expect(
        presentation.element.querySelector('[data-slidemark-presenter-current]'),
      ).not.toBeNull(),
    )
  })

  it('?presenter draws the presenter view once its code is here', async () => {
    history.replaceState(null, '', '?presenter')
    const presentation = await mountFresh()
    expect(presentation.presenter).toBe(true)
    await vi.waitFor(() =>
      expect(presentation.element.querySelector('[data-slidemark-presenter-notes]')).not.toBeNull(),
    )
  })
})
