/**
 * The presenter window's address, apart from the view itself: `mountDeck`
 * needs these at start, the view's code only once it is shown.
 */

/** Query parameter that turns a deck page into its presenter view. */
export const PRESENTER_PARAM = 'presenter'

/** Whether this page was opened as a presenter window (`?presenter`). */
export function isPresenterUrl(location: Pick<Location, 'search'>): boolean {
  return new URLSearchParams(location.search).has(PRESENTER_PARAM)
}

/** The presenter window's URL: the same page and hash with `?presenter`. */
export function presenterUrl(href: string): string {
  const url = new URL(href)
  url.searchParams.set(PRESENTER_PARAM, '')
  return url.href
}

/**
 * Open (or focus) the presenter window for this page. Both windows then drive
 * each other through the runtime's BroadcastChannel sync.
 */
export function openPresenterWindow(win: Window): Window | null {
  return win.open(
    presenterUrl(win.location.href),
    'slidemark-presenter',
    'popup,width=1280,height=800',
  )
}
