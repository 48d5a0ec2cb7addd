import type { Listen } from './controller.js'

/** A horizontal swipe longer than this (px) turns the page, as in the original. */
export const SWIPE_THRESHOLD = 150

/** On narrow screens a swipe across this fraction of the width is enough. */
export const SWIPE_THRESHOLD_FRACTION = 0.25

/**
 * Turn a one-finger horizontal swipe on `target` into next/prev. The distance
 * needed is {@link SWIPE_THRESHOLD}, or {@link SWIPE_THRESHOLD_FRACTION} of a
 * narrow target.
 */
export function listenForSwipes(
  target: EventTarget,
  width: () => number,
  listen: Listen,
  go: (command: 'next' | 'prev') => void,
) {
  let start: { x: number; y: number } | null = null
  listen(target, 'touchstart', (event: TouchEvent) => {
    const touch = event.touches.length === 1 ? event.touches[0] : undefined
    start = touch ? { x: touch.clientX, y: touch.clientY } : null
  })
  listen(target, 'touchend', (event: TouchEvent) => {
    const touch = event.changedTouches[0]
    if (!start || !touch) return
    const dx = touch.clientX - start.x
    const dy = touch.clientY - start.y
    start = null
    const threshold = Math.min(SWIPE_THRESHOLD, width() * SWIPE_THRESHOLD_FRACTION)
    if (Math.abs(dx) > threshold && Math.abs(dx) > Math.abs(dy)) go(dx < 0 ? 'next' : 'prev')
  })
}
