import type { PresentableSlide } from '@slidemark/runtime'
import { HOT_UPDATES, type HotListener } from '@slidemark/runtime'

/** A small deck whose slides have the given titles; slide i has `steps[i]` build steps (default 1). */
export function deck(titles: string[], steps: number[] = []): PresentableSlide[] {
  return titles.map((title, index) => ({
    index,
    title,
    header: `<h2>${title}</h2>`,
    content: `<p>About ${title}</p>`,
    kind: 'content',
    steps: steps[index] ?? 1,
    notes: '',
    classes: [],
  }))
}

/** `slides` with a hidden hot handle like the one a `*.slides.md` module carries in the dev server. */
export function withHotHandle<S>(slides: S[]): { slides: S[]; listeners: Set<HotListener<S>> } {
  const listeners = new Set<HotListener<S>>()
  Object.defineProperty(slides, HOT_UPDATES, {
    value: {
      onUpdate(listener: HotListener<S>) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    },
  })
  return { slides, listeners }
}

/**
 * Counts the listeners added to and not yet removed from `targets`, by
 * wrapping their add/removeEventListener. Returns the live count and a restore function.
 */
export function trackListeners(...targets: EventTarget[]) {
  const live = new Set<string>()
  const restores = targets.map((target, n) => {
    const add = target.addEventListener
    const remove = target.removeEventListener
    const ids = new WeakMap<object, number>()
    let next = 0
    const key = (type: string, listener: unknown, options: unknown) => {
      if (typeof listener !== 'object' && typeof listener !== 'function') return ''
      const fn = listener as object
      if (!ids.has(fn)) ids.set(fn, next++)
      const capture =
        typeof options === 'boolean'
          ? options
          : Boolean((options as { capture?: boolean })?.capture)
      return `${n}:${type}:${ids.get(fn)}:${capture}`
    }
    target.addEventListener = function (type, listener, options) {
      live.add(key(type, listener, options))
      return add.call(this, type, listener, options)
    }
    target.removeEventListener = function (type, listener, options) {
      live.delete(key(type, listener, options))
      return remove.call(this, type, listener, options)
    }
    return () => {
      target.addEventListener = add
      target.removeEventListener = remove
    }
  })
  return {
    get count() {
      return live.size
    },
    restore: () => {
      for (const restore of restores) restore()
    },
  }
}

export function press(target: EventTarget, key: string) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
}
