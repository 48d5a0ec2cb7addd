import { parseHash, withHashPart } from './hash.js'
import { hotHandle } from './hot.js'
import { followSlide } from './identity.js'
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
import type { listenForSwipes } from './swipe.js'
import type { Channel, channelName, openChannel } from './sync.js'
import type { Position, PresentableSlide, PresentationMeta } from './types.js'

/**
 * What a controller needs only once it is running: swipes and the channel to
 * other windows. {@link createPresentation} has them at once; a mounted deck
 * brings them in a chunk loaded while its first slide is drawn.
 */
export interface LateParts {
  listenForSwipes: typeof listenForSwipes
  openChannel: typeof openChannel
  channelName: typeof channelName
}

export interface PresentationOptions {
  /** Deck metadata; `title` names the sync channel. */
  meta?: PresentationMeta
  /** Window to listen on. Default: the global `window`; `null` for a headless controller. */
  window?: Window | null
  /**
   * Where keys and swipes are read. Default: the window. An element (an
   * embedded deck) hears keys only while focus is inside it, and swipes
   * measure against its width.
   */
  target?: HTMLElement | null
  /** Handle ←/→, Space, PageUp/PageDown, Home/End and bound keys. Default `true`. */
  keyboard?: boolean
  /** Turn pages on horizontal swipes. Default `true`. */
  touch?: boolean
  /**
   * Read `#slideN` on start, write it on every move, follow Back/Forward.
   * Default `true`. A string namespaces the hash (`#{name}-slideN`, one
   * `&`-separated part per deck), so several decks can share one URL.
   */
  hash?: boolean | string
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
  /**
   * Follow the hot updates announced by `slides` itself (a `*.slides.md`
   * import in Vite's dev server carries a hidden handle, see
   * {@link HOT_UPDATES}). Default `true`.
   */
  hot?: boolean
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
  /**
   * Replace the slides (hot reload): stays on the same slide, found by
   * identity (see `followSlide`), and on the same step if it still exists.
   */
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
 * The controller behind {@link createPresentation}, with swipes and sync
 * wired from `late` (at once, or when the promise settles; a rejected one
 * leaves them off, its loader reports why).
 */
export function createController<S extends PresentableSlide>(
  initialSlides: readonly S[],
  options: PresentationOptions,
  late: LateParts | Promise<LateParts>,
): Presentation<S> {
  const { keyboard = true, touch = true, hash = true, sync = true, hot = true, keys } = options
  const win = options.window === undefined ? (globalThis.window ?? null) : options.window
  const namespace = typeof hash === 'string' ? hash : ''
  let slides = initialSlides
  let meta: PresentationMeta = options.meta ?? {}
  const listeners: { [E in keyof PresentationEvents<S>]: Set<PresentationEvents<S>[E]> } = {
    change: new Set(),
    update: new Set(),
    destroy: new Set(),
  }
  const keyMaps: KeyMap[] = keys ? [keys] : []
  const cleanups: Array<() => void> = []
  let channel: Channel | null = null
  let destroyed = false

  const fromHash = hash !== false && win ? parseHash(win.location.hash, namespace) : null
  let position = clampPosition(slides, fromHash ?? { slide: 0, step: 0, ...options.start })
  // When this window last moved, for sync: a deep link counts from when the page began loading.
  const loadedAt = fromHash === null ? -Infinity : (win?.performance?.timeOrigin ?? Date.now())
  let movedAt = loadedAt

  const listen: Listen = (target, type, handler) => {
    target.addEventListener(type, handler as EventListener)
    cleanups.push(() => target.removeEventListener(type, handler as EventListener))
  }

  function move(target: Position, cause: ChangeCause): boolean {
    if (destroyed) return false
    const next = clampPosition(slides, target)
    if (samePosition(next, position)) return false
    const previous = position
    position = next
    if (hash !== false && win && cause !== 'hash') {
      writeHash(win, position, namespace, cause === 'update' ? 'replace' : 'push')
    }
    if (cause !== 'sync') {
      movedAt = Date.now()
      channel?.post(position, movedAt)
    }
    for (const listener of listeners.change) listener({ ...position, previous, cause })
    return true
  }

  const commands: Record<NavigationCommand, () => boolean> = {
    next: () => move(nextPosition(slides, position), 'navigate'),
    prev: () => move(prevPosition(slides, position), 'navigate'),
    first: () => move({ slide: 0, step: 0 }, 'navigate'),
    last: () => move(lastPosition(slides), 'navigate'),
  }

  function update(nextSlides: readonly S[], nextMeta?: PresentationMeta) {
    // The app's own onUpdate and the slides' hot handle may both deliver one edit.
    if (destroyed || (nextSlides === slides && (!nextMeta || nextMeta === meta))) return
    const target = { slide: followSlide(slides, nextSlides, position.slide), step: position.step }
    slides = nextSlides
    if (nextMeta) meta = nextMeta
    for (const listener of listeners.update) listener(slides, meta)
    move(target, 'update')
  }

  const input = options.target ?? win
  const wireLate = (parts: LateParts) => {
    if (destroyed || !win || !input) return
    if (touch) {
      const width = () => (options.target ? options.target.clientWidth : win.innerWidth)
      parts.listenForSwipes(input, width, listen, (direction) => commands[direction]())
    }
    if (sync !== false && typeof BroadcastChannel === 'function') {
      const name =
        typeof sync === 'string' ? sync : parts.channelName(win.location.pathname, meta.title)
      channel = parts.openChannel(name, listen, cleanups, {
        since: movedAt,
        position: () => position,
        onPosition: (target) => move(target, 'sync'),
      })
      // A move made before the channel opened reaches the other windows now.
      if (movedAt !== loadedAt) channel.post(position, movedAt)
    }
  }
  if (win && input) {
    if (keyboard)
      listen(input, 'keydown', (event: KeyboardEvent) => onKey(event, keyMaps, commands))
    if (hash !== false) {
      writeHash(win, position, namespace, 'replace')
      const onHash = () => {
        const target = parseHash(win.location.hash, namespace)
        if (target) move(target, 'hash')
      }
      listen(win, 'hashchange', onHash)
      listen(win, 'popstate', onHash)
    }
  }
  if (late instanceof Promise) late.then(wireLate, () => {})
  else wireLate(late)
  const handle = hot ? hotHandle(initialSlides) : undefined
  if (handle) cleanups.push(handle.onUpdate(update))

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
    update,
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

/** Bound keys first (latest map first), then the default navigation. */
function onKey(
  event: KeyboardEvent,
  keyMaps: readonly KeyMap[],
  commands: Record<NavigationCommand, () => boolean>,
) {
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

function writeHash(win: Window, position: Position, namespace: string, mode: 'push' | 'replace') {
  const next = withHashPart(win.location.hash, position, namespace)
  if (win.location.hash === next) return
  if (mode === 'push') win.history.pushState(win.history.state, '', next)
  else win.history.replaceState(win.history.state, '', next)
}

/** Adds a listener that the controller's `destroy()` removes. */
export type Listen = (target: EventTarget, type: string, handler: (event: never) => void) => void
