import { pendingSlide } from '../lib/lazy.js'
import { nextPosition, samePosition } from '../lib/navigation.js'
import { slideCounter } from '../lib/numbering.js'
import type { Presentation } from '../lib/presentation.js'
import type { PresentableSlide } from '../lib/types.js'
import { watchFit } from './fit.js'
import { createSlideElement, placeSlide, type RenderSlide } from './slide.js'

export {
  isPresenterUrl,
  openPresenterWindow,
  PRESENTER_PARAM,
  presenterUrl,
} from './presenter-url.js'

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
  /** A line shown above the panes (why the view is in this tab), `''` for none. */
  notice?: string
  /** Clock for the timer; default `Date.now`. */
  now?: () => number
}

export interface PresenterView {
  /** Redraw the panes for the deck's current position. */
  render(): void
  /** Restart the elapsed timer from zero, counting from now. */
  resetTimer(): void
  /** Remove the panes (the host keeps everything else) and stop the timer. */
  destroy(): void
}

/** Height of the label above the next slide; the slide is fitted below it, never over it. */
const LABEL_HEIGHT = '1.75em'

/** The notice floats over the top of the view, readable on any theme. */
const NOTICE_STYLE =
  'position:absolute;z-index:3;top:8px;left:50%;transform:translateX(-50%);max-width:90%;' +
  'padding:6px 14px;border-radius:8px;background:rgba(0,0,0,.8);color:#fff;font:14px/1.4 system-ui,sans-serif'

/** What the label above the "next" pane says, by `data-next`. */
export const NEXT_LABELS = { step: 'Next step', slide: 'Next slide', end: 'End of deck' } as const

/**
 * The presenter's screen: `.slidemark-presenter-current` (the slide as the
 * audience sees it), `.slidemark-presenter-next` (a
 * `.slidemark-presenter-label` above the next step or slide),
 * `.slidemark-presenter-notes`, and a bar with `.slidemark-timer` (elapsed
 * time from the first move; click or `r` restarts it) and `.slidemark-counter`.
 */
export function createPresenterView<S extends PresentableSlide>(
  options: PresenterViewOptions<S>,
): PresenterView {
  const { host, deck, trackClass, slideClass, render, width, height, now = Date.now } = options
  const doc = host.ownerDocument
  const added: HTMLElement[] = []
  const pane = (name: string, label: string) => {
    const element = doc.createElement('section')
    element.className = `slidemark-presenter-${name}`
    element.setAttribute(`data-slidemark-presenter-${name}`, '')
    element.setAttribute('aria-label', label)
    added.push(element)
    return element
  }
  // Layout only (a theme styles the look): the stage fills its pane below the label.
  const stage = (parent: HTMLElement, top: string) => {
    const box = doc.createElement('div')
    box.className = 'slidemark-presenter-stage'
    box.style.cssText = `position:absolute;inset:${top} 0 0 0`
    const track = doc.createElement('div')
    track.className = trackClass
    box.append(track)
    parent.append(box)
    return { box, track }
  }
  const notice = options.notice ? pane('notice', 'Notice') : null
  if (notice) {
    notice.setAttribute('role', 'status')
    notice.textContent = options.notice ?? ''
    notice.style.cssText = NOTICE_STYLE
  }
  const current = pane('current', 'Current slide')
  const next = pane('next', 'Next')
  const notes = pane('notes', 'Notes')
  const bar = pane('bar', 'Timer')
  const label = doc.createElement('div')
  label.className = 'slidemark-presenter-label'
  label.style.cssText = `position:absolute;top:0;left:4px;line-height:${LABEL_HEIGHT}`
  next.append(label)
  const currentStage = stage(current, '0')
  const nextStage = stage(next, LABEL_HEIGHT)
  const timer = doc.createElement('button')
  timer.type = 'button'
  timer.className = 'slidemark-timer'
  timer.setAttribute('data-slidemark-presenter-timer', '')
  timer.title = 'Elapsed time since the first move (click or press R to restart)'
  timer.setAttribute('role', 'timer')
  const counter = doc.createElement('span')
  counter.className = 'slidemark-counter'
  counter.setAttribute('data-slidemark-counter', '')
  bar.append(timer, counter)
  host.prepend(...added)
  const stops = [
    watchFit(currentStage.box, width, height),
    watchFit(nextStage.box, width, height, 10),
  ]
  /** When the talk started: the first move after the view opened. */
  let started: number | null = null
  const tick = () => {
    timer.textContent = formatElapsed(started === null ? 0 : now() - started)
  }
  timer.addEventListener('click', () => view.resetTimer())
  const interval = setInterval(tick, 1000)
  const stopWatching = deck.on('change', ({ cause }) => {
    if (cause !== 'update') started ??= now()
  })

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
      draw(currentStage.track, slide, step)
      const atEnd = samePosition(ahead, deck.state)
      if (atEnd) nextStage.track.textContent = ''
      else draw(nextStage.track, ahead.slide, ahead.step)
      const kind = atEnd ? 'end' : ahead.slide === slide ? 'step' : 'slide'
      next.dataset.next = kind
      label.textContent = NEXT_LABELS[kind]
      notes.innerHTML = notesOf(deck.slides[slide])
      counter.textContent = slideCounter(deck.slides, slide)
      tick()
    },
    resetTimer() {
      started = now()
      tick()
    },
    destroy() {
      clearInterval(interval)
      stopWatching()
      for (const stop of stops) stop()
      for (const element of added) element.remove()
    },
  }
  return view
}

/** The notes pane's HTML for `slide`: its notes, "No notes.", or "Loading…" while its chunk loads. */
function notesOf(slide: PresentableSlide | undefined): string {
  if (slide && pendingSlide(slide)) return '<p class="slidemark-no-notes">Loading notes…</p>'
  return slide?.notes || '<p class="slidemark-no-notes">No notes.</p>'
}
