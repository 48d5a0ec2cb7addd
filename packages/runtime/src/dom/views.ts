/**
 * The views a key opens (the overview, the presenter view) are a chunk of
 * their own: most of a talk never opens them, so the first slide does not
 * wait for their code. It loads on first use (the key then acts once it is
 * here), or ahead of time with {@link loadViews}.
 */
import type { PresentableSlide } from '../lib/types.js'
import type { Overview, OverviewOptions } from './overview.js'

type Views = typeof import('./views-code.js')

let loaded: Views | undefined
let loading: Promise<Views> | undefined

/**
 * Load the overview and presenter view code now; resolves when it is here
 * (at once if it is). A failed load is asked for again on the next call.
 */
export function loadViews(): Promise<Views> {
  loading ??= import('./views-code.js').then(
    (views) => {
      loaded = views
      return views
    },
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/**
 * Runs `use` with the views' code: at once if it is here, else once it
 * arrives. A load that fails is reported on the console (the key did
 * nothing, and says why); the next use tries again.
 */
export function withViews(use: (views: Views) => void): void {
  const views = loadedViews()
  if (views) {
    use(views)
    return
  }
  loadViews().then(use, (error: unknown) => {
    console.error('slidemark: the overview and presenter view code could not be loaded', error)
  })
}

/** The views' code if it has arrived, else `undefined` (without asking for it). */
export function loadedViews(): Views | undefined {
  return loaded
}

/**
 * An {@link Overview} whose grid is built when it is first opened: `open()`
 * and `toggle()` load the code, then act; the other calls only act on a grid
 * that was asked for (before then the overview is closed, and they have
 * nothing to do). Calls keep their order across the load.
 */
export function deferredOverview<S extends PresentableSlide>(
  options: OverviewOptions<S>,
): Overview {
  let real: Overview | undefined
  let asked = false
  let destroyed = false
  const create = (views: Views) => {
    if (destroyed) return undefined
    real ??= views.createOverview(options)
    return real
  }
  const act = (action: (overview: Overview) => void, load: boolean) => {
    if (load) asked = true
    if (!asked) return
    withViews((views) => {
      const overview = create(views)
      if (overview) action(overview)
    })
  }
  return {
    get isOpen() {
      return real?.isOpen ?? false
    },
    get selected() {
      return real?.selected ?? 0
    },
    open: () => act((overview) => overview.open(), true),
    toggle: () => act((overview) => overview.toggle(), true),
    close: () => act((overview) => overview.close(), false),
    move: (delta) => act((overview) => overview.move(delta), false),
    moveRow: (direction) => act((overview) => overview.moveRow(direction), false),
    pick: (index) => act((overview) => overview.pick(index), false),
    invalidate: () => act((overview) => overview.invalidate(), false),
    destroy() {
      destroyed = true
      real?.destroy()
    },
  }
}
