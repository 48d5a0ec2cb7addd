import { nextPosition, samePosition } from '../lib/navigation.js'
import type { Presentation } from '../lib/presentation.js'
import type { PresentableSlide } from '../lib/types.js'
import { watchFit } from './fit.js'
import { createSlideElement, placeSlide, type RenderSlide } from './slide.js'

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

/** `m:ss`, or `h:mm:ss` from one hour on. */
export function formatElapsed(milliseconds: number): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

export interface PresenterViewOptions<S extends PresentableSlide> {
  host: HTMLElement
  deck: Presentation<S>
  trackClass: string
  slideClass: string
  render: RenderSlide<S>
  width: number
  height: number
  /** Clock for the timer; default `Date.now`. */
  now?: () => number
}

export interface PresenterView {
  /** Redraw the panes for the deck's current position. */
  render(): void
  /** Restart the elapsed timer from zero. */
  resetTimer(): void
  destroy(): void
}

/**
 * The presenter's screen: `.slidemark-presenter-current` (the slide as the
 * audience sees it), `.slidemark-presenter-next` (the next step or slide),
 * `.slidemark-presenter-notes`, and a bar with `.slidemark-timer` (elapsed
 * time; click to restart) and `.slidemark-counter`.
 */
export function createPresenterView<S extends PresentableSlide>(
  options: PresenterViewOptions<S>,
): PresenterView {
  const { host, deck, trackClass, slideClass, render, width, height, now = Date.now } = options
  const doc = host.ownerDocument
  const pane = (name: string, label: string) => {
    const element = doc.createElement('section')
    element.className = `slidemark-presenter-${name}`
    element.setAttribute(`data-slidemark-presenter-${name}`, '')
    element.setAttribute('aria-label', label)
    host.append(element)
    return element
  }
  const stage = (parent: HTMLElement) => {
    const track = doc.createElement('div')
    track.className = trackClass
    parent.append(track)
    return track
  }
  const current = pane('current', 'Current slide')
  const next = pane('next', 'Next')
  const notes = pane('notes', 'Notes')
  const bar = pane('bar', 'Timer')
  const currentTrack = stage(current)
  const nextTrack = stage(next)
  const timer = doc.createElement('button')
  timer.type = 'button'
  timer.className = 'slidemark-timer'
  timer.setAttribute('data-slidemark-presenter-timer', '')
  timer.title = 'Elapsed time (click to restart)'
  timer.setAttribute('role', 'timer')
  const counter = doc.createElement('span')
  counter.className = 'slidemark-counter'
  counter.setAttribute('data-slidemark-counter', '')
  bar.append(timer, counter)
  const stops = [watchFit(current, width, height), watchFit(next, width, height, 10)]
  let started = now()
  const tick = () => {
    timer.textContent = formatElapsed(now() - started)
  }
  timer.addEventListener('click', () => view.resetTimer())
  const interval = setInterval(tick, 1000)

  const draw = (track: HTMLElement, index: number, step: number) => {
    track.textContent = ''
    const slide = deck.slides[index]
    if (!slide) return
    const element = createSlideElement(doc, slide, slideClass, render)
    placeSlide(element, 0, step)
    element.removeAttribute('role')
    track.append(element)
  }

  const view: PresenterView = {
    render() {
      const { slide, step } = deck.state
      const ahead = nextPosition(deck.slides, deck.state)
      draw(currentTrack, slide, step)
      const atEnd = samePosition(ahead, deck.state)
      if (atEnd) nextTrack.textContent = 'End of deck'
      else draw(nextTrack, ahead.slide, ahead.step)
      next.dataset.next = atEnd ? 'end' : ahead.slide === slide ? 'step' : 'slide'
      notes.innerHTML = deck.slides[slide]?.notes || '<p class="slidemark-no-notes">No notes.</p>'
      counter.textContent = `${slide + 1} / ${deck.slides.length}`
      tick()
    },
    resetTimer() {
      started = now()
      tick()
    },
    destroy() {
      clearInterval(interval)
      for (const stop of stops) stop()
      host.textContent = ''
    },
  }
  return view
}
