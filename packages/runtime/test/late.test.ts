import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import type { MountOptions } from '../src/dom/index.js'
import { deck, plainTheme, press, resetPage } from './helpers.js'

const plain = plainTheme()

/** A fresh copy of the runtime's DOM kit: the late code not loaded yet, as in a page just opened. */
async function fresh() {
  vi.resetModules()
  return import('../src/dom/index.js')
}

async function mountFresh(options: MountOptions = {}) {
  const kit = await fresh()
  const root = document.createElement('div')
  document.body.append(root)
  const presentation = kit.mountDeck(root, deck(1, 2, 1), { sync: false, ...options }, plain)
  onTestFinished(() => presentation.destroy())
  return { presentation, kit }
}

function swipeLeft() {
  const touch = (x: number) => ({ clientX: x, clientY: 100, identifier: 1, target: document.body })
  window.dispatchEvent(new TouchEvent('touchstart', { touches: [touch(600)] as never }))
  window.dispatchEvent(
    new TouchEvent('touchend', { touches: [], changedTouches: [touch(300)] as never }),
  )
}

/** Makes the next import of the late code fail, as a chunk missing after a redeploy would. */
function lateCodeOffline() {
  vi.doMock('../src/dom/late-code.js', () => {
    throw new Error('offline')
  })
  onTestFinished(() => {
    vi.doUnmock('../src/dom/late-code.js')
  })
}

afterEach(resetPage)

describe('late code (swipes, sync, print), loaded as the deck mounts', () => {
  it('the first slide is drawn before it arrives; swipes turn pages once it is here', async () => {
    const { presentation, kit } = await mountFresh()
    expect(presentation.element.querySelector('[data-index="0"]')).not.toBeNull()
    await kit.loadLate()
    swipeLeft()
    expect(presentation.state.slide).toBe(1)
  })

  it('keeps two mounted decks on one channel in step once it is here', async () => {
    const { presentation: audience, kit } = await mountFresh({ sync: 'late-test' })
    const root = document.createElement('div')
    document.body.append(root)
    const presenter = kit.mountDeck(root, deck(1, 2, 1), { sync: 'late-test', hash: false }, plain)
    onTestFinished(() => presenter.destroy())
    await kit.loadLate()
    presenter.go(2)
    await vi.waitFor(() => expect(audience.state.slide).toBe(2))
  })

  it('prints every slide when the browser prints', async () => {
    const { presentation, kit } = await mountFresh()
    await kit.loadLate()
    window.dispatchEvent(new Event('beforeprint'))
    expect(presentation.element.querySelectorAll('.slidemark-print-page')).toHaveLength(3)
    window.dispatchEvent(new Event('afterprint'))
    expect(presentation.element.querySelector('.slidemark-print')).toBeNull()
  })

  it('shows the ?print layout when it arrives', async () => {
    const { presentation } = await mountFresh({ print: true })
    await vi.waitFor(() =>
      expect(presentation.element.querySelectorAll('.slidemark-print-page')).toHaveLength(3),
    )
  })

  it('a failed load is reported on the console, the keys still work, and the next call tries again', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    onTestFinished(() => error.mockRestore())
    lateCodeOffline()
    const { presentation, kit } = await mountFresh()
    await vi.waitFor(() =>
      expect(error).toHaveBeenCalledWith(
        'slidemark: the code for swipes, presenter sync and printing could not be loaded',
        expect.anything(),
      ),
    )
    swipeLeft()
    expect(presentation.state.slide).toBe(0)
    press('ArrowRight')
    expect(presentation.state).toEqual({ slide: 1, step: 0 })
    vi.doUnmock('../src/dom/late-code.js')
    await expect(kit.loadLate()).resolves.toHaveProperty('preparePrint')
  })
})
