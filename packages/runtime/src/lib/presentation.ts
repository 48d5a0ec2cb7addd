import { formatHash, parseHash } from './hash.js'
import {
  DEFAULT_KEYS,
  type KeyHandler,
  type KeyMap,
  keyName,
  type NavigationCommand,
  shouldIgnoreKey,
} from './keys.js'
import {
  clampPosition,
  lastPosition,
  nextPosition,
  prevPosition,
  samePosition,
} from './navigation.js'
import {
  channelName,
  createSyncId,
  helloMessage,
  positionMessage,
  readSyncMessage,
} from './sync.js'
import type { Position, PresentableSlide, PresentationMeta } from './types.js'

/** A horizontal swipe longer than this (px) turns the page, as in the original. */
export const SWIPE_THRESHOLD = 150

/** On narrow screens a swipe across this fraction of the width is enough. */
export const SWIPE_THRESHOLD_FRACTION = 0.25

export interface PresentationOptions {
  /** Deck metadata; `title` names the sync channel. */
  meta?: PresentationMeta
  /** Window to listen on. Default: the global `window`; `null` for a headless controller. */
  window?: Window | null
  /** Handle ←/→, Space, PageUp/PageDown, Home/End and bound keys. Default `true`. */
  keyboard?: boolean
  /** Turn pages on horizontal swipes. Default `true`. */
  touch?: boolean
  /** Read `#slideN` on start, write it on every move, follow Back/Forward. Default `true`. */
  hash?: boolean
  /**
   * Keep other windows of the same deck (a presenter window) in step over a
   * `BroadcastChannel`. `true` (default) derives the channel name from the
   * path and deck title; a string is used as the channel name.
   */
  sync?: boolean | string
  /** Where to start when the URL has no `#slideN`. Default the first slide. */
  start?: Partial<Position>
  /** Extra keys, tried before the defaults (see {@link Presentation.bindKeys}). */
  keys?: KeyMap
}

/** Why the position changed. */
export type ChangeCause = 'navigate' | 'hash' | 'sync' | 'update'

export interface ChangeEvent extends Position {
  previous: Position
  cause: ChangeCause
}

export interface PresentationEvents<S extends PresentableSlide> {
  /** The position moved. */
  change: (event: ChangeEvent) => void
  /** `update()` replaced the slides (fired before any `change` it causes). */
  update: (slides: readonly S[], meta: PresentationMeta) => void
  /** `destroy()` ran. */
  destroy: () => void
}

export interface Presentation<S extends PresentableSlide = PresentableSlide> {
  /** Current position (a copy). */
  readonly state: Position
  readonly slides: readonly S[]
  readonly meta: PresentationMeta
  /** The window it listens on, if any. */
  readonly window: Window | null
  /** Next build step, else next slide. Returns whether it moved. */
  next(): boolean
  /** Previous build step, else previous slide with all its steps shown. */
  prev(): boolean
  /** Go to a slide (0-based) and step (default 0), clamped into the deck. */
  go(slide: number, step?: number): boolean
  first(): boolean
  last(): boolean
  /** Replace the slides (hot reload): keeps the position, clamps it if the deck shrank. */
  update(slides: readonly S[], meta?: PresentationMeta): void
  on<E extends keyof PresentationEvents<S>>(
    event: E,
    listener: PresentationEvents<S>[E],
  ): () => void
  /** Add key bindings tried before earlier ones and the defaults. Returns an unbind function. */
  bindKeys(keys: KeyMap): () => void
  /** Remove every listener, close the channel, stop emitting. */
  destroy(): void
}

/**
 * Create the headless controller for a slide array: state, navigation,
 * keyboard, touch, URL hash, history and cross-window sync.
 */
export function createPresentation<S extends PresentableSlide>(
  initialSlides: readonly S[],
  options: PresentationOptions = {},
): Presentation<S> {
  const { keyboard = true, touch = true, hash = true, sync = true, keys } = options
  const win = options.window === undefined ? (globalThis.window ?? null) : options.window
  let slides = initialSlides
  let meta: PresentationMeta = options.meta ?? {}
  const listeners: { [E in keyof PresentationEvents<S>]: Set<PresentationEvents<S>[E]> } = {
    change: new Set(),
    update: new Set(),
    destroy: new Set(),
  }
  const keyMaps: KeyMap[] = keys ? [keys] : []
  const cleanups: Array<() => void> = []
  const syncId = createSyncId()
  let channel: BroadcastChannel | null = null
  let destroyed = false

  const fromHash = hash && win ? parseHash(win.location.hash) : null
  let position = clampPosition(slides, fromHash ?? { slide: 0, step: 0, ...options.start })

  function listen(target: EventTarget, type: string, handler: (event: never) => void) {
    target.addEventListener(type, handler as EventListener)
    cleanups.push(() => target.removeEventListener(type, handler as EventListener))
  }

  function move(target: Position, cause: ChangeCause): boolean {
    if (destroyed) return false
    const next = clampPosition(slides, target)
    if (samePosition(next, position)) return false
    const previous = position
    position = next
    if (hash && win && cause !== 'hash') writeHash(win, position, 'push')
    if (channel && cause !== 'sync') channel.postMessage(positionMessage(syncId, position))
    for (const listener of listeners.change) listener({ ...position, previous, cause })
    return true
  }

  const commands: Record<NavigationCommand, () => boolean> = {
    next: () => move(nextPosition(slides, position), 'navigate'),
    prev: () => move(prevPosition(slides, position), 'navigate'),
    first: () => move({ slide: 0, step: 0 }, 'navigate'),
    last: () => move(lastPosition(slides), 'navigate'),
  }

  function onKey(event: KeyboardEvent) {
    if (shouldIgnoreKey(event)) return
    const name = keyName(event)
    for (let i = keyMaps.length - 1; i >= 0; i--) {
      const handler: KeyHandler | undefined = keyMaps[i]?.[name]
      if (handler && handler(event) !== false) {
        event.preventDefault()
        return
      }
    }
    const command = DEFAULT_KEYS[name]
    if (command) {
      event.preventDefault()
      commands[command]()
    }
  }

  if (win) {
    if (keyboard) listen(win, 'keydown', onKey)
    if (touch) listenForSwipes(win, listen, (direction) => commands[direction]())
    if (hash) {
      writeHash(win, position, 'replace')
      const onHash = () => {
        const target = parseHash(win.location.hash)
        if (target) move(target, 'hash')
      }
      listen(win, 'hashchange', onHash)
      listen(win, 'popstate', onHash)
    }
    if (sync && typeof BroadcastChannel === 'function') {
      const name = typeof sync === 'string' ? sync : channelName(win.location.pathname, meta.title)
      const open = new BroadcastChannel(name)
      channel = open
      listen(open, 'message', (event: MessageEvent) => {
        const message = readSyncMessage(event.data, syncId)
        if (message?.kind === 'position') move(message.position, 'sync')
        else if (message?.kind === 'hello') open.postMessage(positionMessage(syncId, position))
      })
      cleanups.push(() => open.close())
      open.postMessage(helloMessage(syncId))
    }
  }

  return {
    get state() {
      return { ...position }
    },
    get slides() {
      return slides
    },
    get meta() {
      return meta
    },
    window: win,
    next: commands.next,
    prev: commands.prev,
    first: commands.first,
    last: commands.last,
    go: (slide, step = 0) => move({ slide, step }, 'navigate'),
    update(nextSlides, nextMeta) {
      if (destroyed) return
      slides = nextSlides
      if (nextMeta) meta = nextMeta
      for (const listener of listeners.update) listener(slides, meta)
      move(position, 'update')
    },
    on(event, listener) {
      const set = listeners[event] as Set<typeof listener>
      set.add(listener)
      return () => set.delete(listener)
    },
    bindKeys(map) {
      keyMaps.push(map)
      return () => {
        const index = keyMaps.indexOf(map)
        if (index >= 0) keyMaps.splice(index, 1)
      }
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      for (const cleanup of cleanups.splice(0)) cleanup()
      channel = null
      for (const listener of listeners.destroy) listener()
      for (const set of Object.values(listeners)) set.clear()
      keyMaps.length = 0
    },
  }
}

function writeHash(win: Window, position: Position, mode: 'push' | 'replace') {
  const next = formatHash(position)
  if (win.location.hash === next) return
  if (mode === 'push') win.history.pushState(win.history.state, '', next)
  else win.history.replaceState(win.history.state, '', next)
}

type Listen = (target: EventTarget, type: string, handler: (event: never) => void) => void

/**
 * Turn a one-finger horizontal swipe into next/prev. The distance needed is
 * {@link SWIPE_THRESHOLD}, or {@link SWIPE_THRESHOLD_FRACTION} of a narrow window.
 */
function listenForSwipes(win: Window, listen: Listen, go: (command: 'next' | 'prev') => void) {
  let start: { x: number; y: number } | null = null
  listen(win, 'touchstart', (event: TouchEvent) => {
    const touch = event.touches.length === 1 ? event.touches[0] : undefined
    start = touch ? { x: touch.clientX, y: touch.clientY } : null
  })
  listen(win, 'touchend', (event: TouchEvent) => {
    const touch = event.changedTouches[0]
    if (!start || !touch) return
    const dx = touch.clientX - start.x
    const dy = touch.clientY - start.y
    start = null
    const threshold = Math.min(SWIPE_THRESHOLD, win.innerWidth * SWIPE_THRESHOLD_FRACTION)
    if (Math.abs(dx) > threshold && Math.abs(dx) > Math.abs(dy)) go(dx < 0 ? 'next' : 'prev')
  })
}
