import type { KeyMap } from '../lib/keys.js'
import {
  createPresentation,
  type Presentation,
  type PresentationOptions,
} from '../lib/presentation.js'
import type { PresentableSlide } from '../lib/types.js'
import type { DeckOverflow } from './deck-fit.js'
import { watchDeckFit } from './deck-fit.js'
import { DEFAULT_FIT_MARGIN, watchFit } from './fit.js'
import { createOverview, type Overview } from './overview.js'
import {
  createPresenterView,
  isPresenterUrl,
  openPresenterWindow,
  type PresenterView,
} from './presenter.js'
import { PRINT_PARAM, preparePrint } from './print.js'
import type { RenderSlide } from './slide.js'
import { createSlideWindow, DEFAULT_RADIUS } from './window.js'

/** Options every theme's `mount()` accepts. */
export interface MountOptions extends PresentationOptions {
  /** Show the presenter view. Default: the page URL has `?presenter`. */
  presenter?: boolean
  /** Lay every slide out for print on screen too. Default: the URL has `?print`. */
  print?: boolean
  /** Print notes below each slide. Default `false`. */
  printNotes?: boolean
  /** Start with notes shown on the slides. Default `false`. */
  notes?: boolean
  /**
   * Scale a slide's content down when it does not fit its box. Default: on,
   * unless the front matter says `fit: false`. `.fx: no-fit` turns it off for one slide.
   */
  fit?: boolean
  /**
   * Smallest scale fitting uses (0–1). Default: the front matter's `fit` when
   * it is a number, else {@link DEFAULT_FIT_FLOOR} (0.5).
   */
  fitFloor?: number
  /** Called once per slide that does not fit even at the floor. */
  onOverflow?: (overflow: DeckOverflow<PresentableSlide>) => void
  /**
   * Show a quiet notice in the page when a slide does not fit. Default: only
   * under a Vite dev server (the page loads `/@vite/client`).
   */
  fitNotice?: boolean
}

/** How a theme draws itself: names, design size and the HTML inside a slide. */
export interface ThemeDefinition<S extends PresentableSlide> {
  /** Written to `data-theme` on the root. */
  name: string
  /** Class of the root element (besides `slidemark`). */
  rootClass: string
  /** Class of the element that holds the slides and is scaled to fit. */
  trackClass: string
  /** Class of each slide element. */
  slideClass: string
  /** Design size of a slide in CSS px; scaled to fit the window. */
  width: number
  height: number
  /** Design px kept around the slide when fitting. Default 20. */
  margin?: number
  /** Slides kept in the DOM on each side of the current one. Default 2. */
  radius?: number
  /** HTML inside the slide element (notes are appended by the runtime). */
  render: RenderSlide<S>
  /** Theme keys, tried before the shared ones. */
  keys?: (deck: ThemedPresentation<S>) => KeyMap
}

/** What a theme's `mount()` returns: the runtime controller plus view controls. */
export interface ThemedPresentation<S extends PresentableSlide = PresentableSlide>
  extends Presentation<S> {
  /** The element the theme created inside the mount root. */
  readonly element: HTMLElement
  /** Whether this is the presenter view. */
  readonly presenter: boolean
  readonly overview: Overview
  /** Show or hide notes on the slides (`.with-notes` on the root). */
  toggleNotes(force?: boolean): boolean
  /** Open the presenter window (audience view only). */
  openPresenter(): Window | null
}

/**
 * Mount a themed deck into `root`: the shared machinery behind every theme's
 * `mount()`. It builds
 *
 * ```html
 * <div class="{rootClass} slidemark" data-theme data-current-slide data-current-step>
 *   <div class="{trackClass}"> …windowed slide elements… </div>
 *   <div class="slidemark-counter">3 / 25</div>
 *   <div class="slidemark-live" aria-live="polite"></div>
 *   <div class="slidemark-overview" hidden> … </div>
 * </div>
 * ```
 *
 * or the presenter view with `?presenter`, and binds `o`/Escape (overview),
 * `p` (presenter window) and `f` (full screen) on top of the runtime keys.
 */
export function mountDeck<S extends PresentableSlide>(
  root: HTMLElement,
  slides: readonly S[],
  options: MountOptions,
  theme: ThemeDefinition<S>,
): ThemedPresentation<S> {
  const doc = root.ownerDocument
  const win = options.window === undefined ? doc.defaultView : options.window
  const search = win?.location.search ?? ''
  const presenter = options.presenter ?? (win ? isPresenterUrl(win.location) : false)
  const printAlways = options.print ?? new URLSearchParams(search).has(PRINT_PARAM)
  const { rootClass, trackClass, slideClass, render, width, height } = theme
  const controller = createPresentation(slides, { ...options, window: win })

  const element = doc.createElement('div')
  element.className = `${rootClass} slidemark${presenter ? ' slidemark-presenter' : ''}`
  element.dataset.theme = theme.name
  element.style.setProperty('--slidemark-width', `${width}px`)
  element.style.setProperty('--slidemark-height', `${height}px`)
  element.setAttribute(presenter ? 'data-slidemark-presenter' : 'data-slidemark-deck', '')
  element.setAttribute('role', 'region')
  element.classList.toggle('with-notes', options.notes === true)
  element.classList.toggle('slidemark-print-mode', printAlways)
  root.append(element)
  const cleanups: Array<() => void> = []

  const track = doc.createElement('div')
  const counter = doc.createElement('div')
  const live = doc.createElement('div')
  let presenterView: PresenterView | null = null
  const slideWindow = createSlideWindow({
    track,
    slideClass,
    render,
    radius: theme.radius ?? DEFAULT_RADIUS,
  })
  if (presenter) {
    presenterView = createPresenterView({
      host: element,
      deck: controller,
      trackClass,
      slideClass,
      render,
      width,
      height,
    })
  } else {
    track.className = trackClass
    track.setAttribute('data-slidemark-track', '')
    counter.className = 'slidemark-counter'
    counter.setAttribute('data-slidemark-counter', '')
    counter.setAttribute('aria-hidden', 'true')
    live.className = 'slidemark-live'
    live.setAttribute('aria-live', 'polite')
    live.setAttribute('aria-atomic', 'true')
    live.style.cssText =
      'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap'
    element.append(track, counter, live)
    cleanups.push(watchFit(element, width, height, theme.margin ?? DEFAULT_FIT_MARGIN))
  }
  const overview = createOverview({
    host: element,
    deck: controller,
    slideClass,
    render,
    onToggle(open) {
      element.classList.toggle('overview', open)
      track.inert = open
      if (!open) element.focus({ preventScroll: true })
    },
  })
  element.tabIndex = -1

  const draw = (announce: boolean) => {
    const { slide, step } = controller.state
    const total = controller.slides.length
    element.dataset.currentSlide = String(slide)
    element.dataset.currentStep = String(step)
    element.setAttribute('aria-label', controller.meta.title || 'Presentation')
    const lang = controller.meta.lang
    if (typeof lang === 'string' && lang) element.lang = lang
    if (presenterView) return presenterView.render()
    slideWindow.render(controller.slides, controller.state)
    counter.textContent = total ? `${slide + 1} / ${total}` : '0 / 0'
    if (announce) {
      const label = slideWindow.element(slide)?.getAttribute('aria-label')
      live.textContent = label ? `Slide ${label}` : ''
    }
  }

  let stopPrint = () => {}
  const printLayout = () => {
    stopPrint()
    stopPrint = preparePrint({
      host: element,
      slides: () => controller.slides,
      slideClass,
      render,
      notes: options.printNotes === true,
      always: printAlways,
    })
  }
  if (!presenter) printLayout()

  const deck: ThemedPresentation<S> = Object.assign(Object.create(null), controller, {
    element,
    presenter,
    overview,
    toggleNotes(force?: boolean) {
      return element.classList.toggle('with-notes', force)
    },
    openPresenter: () => (win && !presenter ? openPresenterWindow(win) : null),
  })
  for (const name of ['state', 'slides', 'meta'] as const) {
    Object.defineProperty(deck, name, { get: () => controller[name], enumerable: true })
  }

  const whenOpen = (action: () => void) => () => {
    if (!overview.isOpen) return false
    action()
    return undefined
  }
  cleanups.push(
    controller.bindKeys({
      o: () => overview.toggle(),
      Escape: () => overview.toggle(),
      p: () => void deck.openPresenter(),
      f: () => {
        if (doc.fullscreenElement) void doc.exitFullscreen?.()
        else void doc.documentElement.requestFullscreen?.()
      },
      ArrowRight: whenOpen(() => overview.move(1)),
      ArrowLeft: whenOpen(() => overview.move(-1)),
      ArrowDown: whenOpen(() => overview.moveRow(1)),
      ArrowUp: whenOpen(() => overview.moveRow(-1)),
      Home: whenOpen(() => overview.move(-Infinity)),
      End: whenOpen(() => overview.move(Infinity)),
      Enter: whenOpen(() => overview.pick()),
      Space: whenOpen(() => overview.pick()),
      PageDown: whenOpen(() => overview.moveRow(1)),
      PageUp: whenOpen(() => overview.moveRow(-1)),
    }),
  )
  if (theme.keys) cleanups.push(controller.bindKeys(theme.keys(deck)))

  cleanups.push(
    controller.on('change', () => draw(true)),
    controller.on('update', () => {
      overview.invalidate()
      if (printAlways) printLayout()
      draw(false)
    }),
  )
  controller.on('destroy', () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    stopPrint()
    presenterView?.destroy()
    overview.destroy()
    slideWindow.clear()
    element.remove()
  })
  cleanups.push(watchDeckFit(element, controller, options))
  draw(false)
  return deck
}
