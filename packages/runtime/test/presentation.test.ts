import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { createPresentation, type PresentationOptions } from '../src/index.js'
import { deck, press } from './helpers.js'

function present(slides = deck(1, 3, 1, 2), options: PresentationOptions = {}) {
  const presentation = createPresentation(slides, { sync: false, ...options })
  onTestFinished(() => presentation.destroy())
  return presentation
}

afterEach(() => {
  history.replaceState(null, '', location.pathname)
  document.body.innerHTML = ''
})

describe('keyboard navigation', () => {
  it('ArrowRight walks through build steps, then to the next slide', () => {
    const p = present()
    press('ArrowRight')
    expect(p.state).toEqual({ slide: 1, step: 0 })
    press('ArrowRight')
    press('ArrowRight')
    expect(p.state).toEqual({ slide: 1, step: 2 })
    press('ArrowRight')
    expect(p.state).toEqual({ slide: 2, step: 0 })
  })

  it('ArrowLeft from a first step lands on the previous slide with every step shown', () => {
    const p = present()
    p.go(2)
    press('ArrowLeft')
    expect(p.state).toEqual({ slide: 1, step: 2 })
  })

  it('Space and PageDown go forward, Shift+Space and PageUp go back', () => {
    const p = present()
    press(' ')
    press('PageDown')
    expect(p.state).toEqual({ slide: 1, step: 1 })
    press(' ', { shiftKey: true })
    expect(p.state).toEqual({ slide: 1, step: 0 })
    press('PageUp')
    expect(p.state).toEqual({ slide: 0, step: 0 })
  })

  it('Home and End jump to the start and the end of the talk', () => {
    const p = present()
    press('End')
    expect(p.state).toEqual({ slide: 3, step: 1 })
    press('Home')
    expect(p.state).toEqual({ slide: 0, step: 0 })
  })

  it('navigation keys prevent the browser’s own scrolling', () => {
    present()
    expect(press(' ').defaultPrevented).toBe(true)
    expect(press('x').defaultPrevented).toBe(false)
  })

  it('stays in bounds at both ends', () => {
    const p = present(deck(1, 1))
    expect(p.prev()).toBe(false)
    press('ArrowLeft')
    expect(p.state).toEqual({ slide: 0, step: 0 })
    p.last()
    expect(p.next()).toBe(false)
    expect(p.state).toEqual({ slide: 1, step: 0 })
  })

  it('ignores keys typed into an input, a textarea or contenteditable', () => {
    const p = present()
    document.body.innerHTML =
      '<input id="i"><textarea id="t"></textarea><div id="e" contenteditable>x</div>'
    for (const id of ['i', 't', 'e']) {
      const field = document.getElementById(id) as HTMLElement
      field.focus()
      press('ArrowRight', {}, field)
      press(' ', {}, field)
    }
    expect(p.state).toEqual({ slide: 0, step: 0 })
  })

  it('ignores keys pressed with Ctrl, Meta or Alt', () => {
    const p = present()
    press('ArrowRight', { ctrlKey: true })
    press('ArrowRight', { metaKey: true })
    press('ArrowRight', { altKey: true })
    expect(p.state).toEqual({ slide: 0, step: 0 })
  })

  it('does nothing with keys when keyboard is off', () => {
    const p = present(undefined, { keyboard: false })
    press('ArrowRight')
    expect(p.state).toEqual({ slide: 0, step: 0 })
  })
})

describe('bound keys', () => {
  it('a bound key runs before the defaults and consumes the press', () => {
    const p = present()
    const seen: string[] = []
    p.bindKeys({ ArrowRight: () => void seen.push('right') })
    press('ArrowRight')
    expect(seen).toEqual(['right'])
    expect(p.state).toEqual({ slide: 0, step: 0 })
  })

  it('a handler returning false lets the default navigation run', () => {
    const p = present()
    p.bindKeys({ ArrowRight: () => false })
    press('ArrowRight')
    expect(p.state).toEqual({ slide: 1, step: 0 })
  })

  it('the unbind function removes the binding', () => {
    const p = present()
    let count = 0
    const unbind = p.bindKeys({ o: () => void count++ })
    press('o')
    unbind()
    press('o')
    expect(count).toBe(1)
  })

  it('options.keys are bound from the start', () => {
    const pressed: string[] = []
    present(undefined, { keys: { '?': () => void pressed.push('?') } })
    press('?', { shiftKey: true })
    expect(pressed).toEqual(['?'])
  })
})

describe('URL hash and history', () => {
  it('starts on the slide named in the hash', () => {
    history.replaceState(null, '', '#slide3')
    expect(present().state).toEqual({ slide: 2, step: 0 })
  })

  it('starts on the step named in #slideN.M', () => {
    history.replaceState(null, '', '#slide2.3')
    expect(present().state).toEqual({ slide: 1, step: 2 })
  })

  it('clamps a hash past the end of the deck', () => {
    history.replaceState(null, '', '#slide99')
    expect(present().state).toEqual({ slide: 3, step: 0 })
  })

  it('writes #slide1 on start and the new hash on every move', () => {
    const p = present()
    expect(location.hash).toBe('#slide1')
    p.next()
    expect(location.hash).toBe('#slide2')
    p.next()
    expect(location.hash).toBe('#slide2.2')
  })

  it('adds one history entry per move', () => {
    const p = present()
    const before = history.length
    p.next()
    p.next()
    expect(history.length).toBe(before + 2)
  })

  it('follows a hash changed from outside (Back/Forward, edited URL)', () => {
    const p = present()
    history.replaceState(null, '', '#slide4')
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    expect(p.state).toEqual({ slide: 3, step: 0 })
    history.replaceState(null, '', '#slide2.2')
    window.dispatchEvent(new PopStateEvent('popstate'))
    expect(p.state).toEqual({ slide: 1, step: 1 })
  })

  it('Back walks to the previous slide', async () => {
    const p = present()
    p.next()
    p.next()
    const popped = new Promise((resolve) =>
      window.addEventListener('popstate', resolve, { once: true }),
    )
    history.back()
    await popped
    expect(p.state).toEqual({ slide: 1, step: 0 })
  })

  it('leaves the hash alone when hash is off', () => {
    const p = present(undefined, { hash: false })
    p.next()
    expect(location.hash).toBe('')
  })
})

describe('update (hot reload)', () => {
  it('keeps the position when the deck still has it', () => {
    const p = present()
    p.go(1, 2)
    p.update(deck(1, 3, 1, 2, 1))
    expect(p.state).toEqual({ slide: 1, step: 2 })
    expect(p.slides).toHaveLength(5)
  })

  it('clamps the slide when the deck shrank', () => {
    const p = present()
    p.go(3, 1)
    const causes: string[] = []
    p.on('change', (event) => causes.push(event.cause))
    p.update(deck(1, 2))
    expect(p.state).toEqual({ slide: 1, step: 1 })
    expect(causes).toEqual(['update'])
  })

  it('clamps the step when the slide lost build steps', () => {
    const p = present()
    p.go(1, 2)
    p.update(deck(1, 2, 1, 2))
    expect(p.state).toEqual({ slide: 1, step: 1 })
  })

  it('emits update with the new slides and meta', () => {
    const p = present()
    const seen: unknown[] = []
    p.on('update', (slides, meta) => seen.push(slides.length, meta.title))
    p.update(deck(1), { title: 'New' })
    expect(seen).toEqual([1, 'New'])
    expect(p.meta).toEqual({ title: 'New' })
  })
})

describe('events', () => {
  it('change carries the new position, the previous one and the cause', () => {
    const p = present()
    const events: unknown[] = []
    p.on('change', (event) => events.push(event))
    p.next()
    expect(events).toEqual([
      { slide: 1, step: 0, previous: { slide: 0, step: 0 }, cause: 'navigate' },
    ])
  })

  it('does not emit change when nothing moved', () => {
    const p = present()
    let count = 0
    p.on('change', () => count++)
    p.go(0)
    p.prev()
    expect(count).toBe(0)
  })

  it('the function returned by on() unsubscribes', () => {
    const p = present()
    let count = 0
    const off = p.on('change', () => count++)
    p.next()
    off()
    p.next()
    expect(count).toBe(1)
  })
})

describe('touch', () => {
  function swipe(fromX: number, toX: number, y = 100) {
    const touch = (x: number) => ({ clientX: x, clientY: y, identifier: 1, target: document.body })
    window.dispatchEvent(new TouchEvent('touchstart', { touches: [touch(fromX)] as never }))
    window.dispatchEvent(
      new TouchEvent('touchend', { touches: [], changedTouches: [touch(toX)] as never }),
    )
  }

  it('a long swipe to the left goes forward, to the right goes back', () => {
    const p = present()
    swipe(600, 300)
    expect(p.state).toEqual({ slide: 1, step: 0 })
    swipe(300, 600)
    expect(p.state).toEqual({ slide: 0, step: 0 })
  })

  it('a short swipe does nothing', () => {
    const p = present()
    swipe(600, 560)
    expect(p.state).toEqual({ slide: 0, step: 0 })
  })
})

describe('destroy', () => {
  it('removes key, hash and touch listeners and stops events', () => {
    const p = present()
    let changes = 0
    p.on('change', () => changes++)
    p.destroy()
    press('ArrowRight')
    history.replaceState(null, '', '#slide3')
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    expect(p.state).toEqual({ slide: 0, step: 0 })
    expect(p.next()).toBe(false)
    expect(changes).toBe(0)
  })

  it('removes exactly the listeners it added', () => {
    const add = vi.spyOn(window, 'addEventListener')
    const remove = vi.spyOn(window, 'removeEventListener')
    onTestFinished(() => {
      vi.restoreAllMocks()
    })
    createPresentation(deck(1, 1), { sync: false }).destroy()
    const added = add.mock.calls.map((call) => call[0]).sort()
    expect(added.length).toBeGreaterThan(0)
    expect(remove.mock.calls.map((call) => call[0]).sort()).toEqual(added)
  })
})

describe('headless', () => {
  it('works without a window', () => {
    const p = createPresentation(deck(2, 1), { window: null })
    p.next()
    p.next()
    expect(p.state).toEqual({ slide: 1, step: 0 })
    p.destroy()
  })
})
