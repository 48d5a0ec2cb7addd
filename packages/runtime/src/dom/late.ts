/**
 * A mounted deck's code that is not needed to draw its first slide is a
 * chunk of its own (late-code.ts), asked for as the deck mounts: the first
 * slide does not wait for it, and it is here before anyone can swipe, print
 * or open a presenter window.
 */
export type Late = typeof import('./late-code.js')

let loaded: Late | undefined
let loading: Promise<Late> | undefined

/**
 * Load the late code now; resolves when it is here (at once if it is). A
 * failed load is reported on the console and asked for again on the next call.
 */
export function loadLate(): Promise<Late> {
  loading ??= import('./late-code.js').then(
    (late) => {
      loaded = late
      return late
    },
    (error: unknown) => {
      loading = undefined
      console.error(
        'slidemark: the code for swipes, presenter sync and printing could not be loaded',
        error,
      )
      throw error
    },
  )
  return loading
}

/** Runs `use` with the late code: at once if it is here, else once it arrives. */
export function withLate(use: (late: Late) => void): void {
  if (loaded) use(loaded)
  else loadLate().then(use, () => {})
}
