import { createController, type Presentation, type PresentationOptions } from '../lib/controller.js'
import type { KeyMap } from '../lib/keys.js'
import { lazySlides, loadAroundCurrent } from '../lib/lazy.js'
import { slideCounter } from '../lib/numbering.js'
import type { PresentableSlide } from '../lib/types.js'
import type { DeckOverflow } from './deck-fit.js'
import { watchDeckFit } from './deck-fit.js'
import { DIAGRAM_SELECTOR } from './diagram-selector.js'
import type { DiagramProblem } from './diagrams.js'
import { DEFAULT_FIT_MARGIN, watchFit } from './fit.js'
import { type Late, loadLate, withLate } from './late.js'
import type { Overview } from './overview.js'
import type { PresenterView } from './presenter.js'
import { isPresenterUrl, openPresenterWindow } from './presenter-url.js'
import { PRINT_PARAM } from './print-param.js'
import {
  isNarrowPortrait,
  READING_CLASS,
  readingFromSearch,
  trackReadingSlide,
  watchNarrowPortrait,
} from './reading.js'
import type { RenderSlide } from './slide.js'
import { deferredOverview, loadedViews, withViews } from './views.js'
import { createSlideWindow, DEFAULT_RADIUS } from './window.js'

/** Options every theme's `mount()` accepts. */
export interface MountOptions extends PresentationOptions {
  /**
   * Present inside `root` as one part of a page: the deck fills `root`'s box
   * (or, if `root` has no height, takes the slide's aspect ratio) and scales
   * into it; it is focusable and hears keys and swipes only while it has
   * focus; `hash` and `sync` default to `false`; `f` takes only this deck
   * full screen; `p` shows the presenter view in place. Default `false`:
   * the deck fills the window and owns the keyboard.
   */
  embedded?: boolean
  /** Show the presenter view. Default: the page URL has `?presenter` (never when embedded). */
  presenter?: boolean
  /** Lay every slide out for print on screen too. Default: the URL has `?print` (never when embedded). */
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
  /**
   * Reading view: slides stacked in the page, each at a readable width, every
   * step shown, no notes, no auto-fit; keys and the hash scroll to a slide.
   * Default: the URL's `?reading` (`?reading=0` turns it off), else on while
   * the window is narrower than 600 px and portrait (a phone held upright):
   * turning the phone switches between reading view and slides, on the same
   * slide. Never when embedded, printing (`?print`) or in the presenter view.
   */
  reading?: boolean
  /**
   * Called once per Mermaid diagram that cannot be drawn (it stays on the
   * slide as written). Default: a `console.warn` with its line and column.
   */
  onDiagramError?: (problem: DiagramProblem) => void
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
  /** Whether the presenter view is shown (a `?presenter` window, or in place). */
  readonly presenter: boolean
  /** Whether the deck was mounted with `embedded: true`. */
  readonly embedded: boolean
  readonly overview: Overview
  /** Show or hide notes on the slides (`.with-notes` on the root). */
  toggleNotes(force?: boolean): boolean
  /**
   * Open the presenter window (a full-window audience view). When the browser
   * blocks the pop-up, or the deck is embedded, the presenter view is shown
   * in place instead (with a notice when blocked); called again, it goes back.
   * Returns the window, if one opened.
   */
  openPresenter(): Window | null
  /** Show (or, with `false`, leave) the presenter view in this element. Returns whether it is shown. */
  showPresenter(on?: boolean): boolean
}

/** Text of the notice shown when the presenter window could not open. */
export const POPUP_BLOCKED_NOTICE =
  'The browser blocked the presenter window, so the presenter view is shown here. Press P to go back.'

function warnDiagram({ line, column, reason, ruleId }: DiagramProblem) {
  console.warn(`slidemark: ${line}:${column}: ${reason} [${ruleId}]`)
}

/**
 * `watchDiagrams` from the first diagram under `host` on: the drawing code is
 * a chunk of its own, which decks without diagrams never load. Returns a
 * function that stops watching (or stops it from starting).
 */
function watchDiagramsOnceSeen(
  host: HTMLElement,
  onProblem: (problem: DiagramProblem) => void,
  describe: (problem: DiagramProblem) => Record<string, unknown>,
): () => void {
  let stop: (() => void) | undefined
  let stopped = false
  const start = () => {
    if (stop || !host.querySelector(DIAGRAM_SELECTOR)) return
    stop = () => {}
    observer?.disconnect()
    void import('./diagrams.js').then(({ watchDiagrams }) => {
      if (!stopped) stop = watchDiagrams(host, onProblem, describe)
    })
  }
  const observer = typeof MutationObserver === 'function' ? new MutationObserver(start) : null
  observer?.observe(host, { childList: true, subtree: true })
  start()
  return () => {
    stopped = true
    observer?.disconnect()
    stop?.()
  }
}

/** What draws the deck element's inside: the audience view or the presenter view. */
interface View {
  draw(announce: boolean): void
  /** After a hot update. */
  refresh(): void
  resetTimer(): void
  destroy(): void
}

interface ViewContext<S extends PresentableSlide> {
  element: HTMLElement
  controller: Presentation<S>
  theme: ThemeDefinition<S>
  options: MountOptions
  /** `?print` or the reading view: the print layout stays up. */
  printAlways: boolean
  embedded: boolean
  reading: boolean
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
 *   <div class="slidemark-overview" hidden> … </div>  (from the first time it opens)
 * </div>
 * ```
 *
 * or the presenter view with `?presenter`, and binds `o`/Escape (overview),
 * `p` (presenter window), `f` (full screen) and `r` (restart the presenter
 * timer) on top of the runtime keys.
 */
export function mountDeck<S extends PresentableSlide>(
  root: HTMLElement,
  slides: readonly S[],
  options: MountOptions,
  theme: ThemeDefinition<S>,
): ThemedPresentation<S> {
  const doc = root.ownerDocument
  const win = options.window === undefined ? doc.defaultView : options.window
  const embedded = options.embedded === true
  const fromUrl = (has: (search: string) => boolean) =>
    !embedded && win !== null && has(win.location.search)
  const presenterWindow = options.presenter ?? fromUrl((search) => isPresenterUrl({ search }))
  const printAlways =
    options.print ?? fromUrl((search) => new URLSearchParams(search).has(PRINT_PARAM))
  const readingAllowed = !embedded && !presenterWindow && !printAlways
  const readingAsked = options.reading ?? (win ? readingFromSearch(win.location.search) : undefined)
  /** No option and no `?reading`: the view follows the window's shape. */
  const readingFollowsWindow = readingAllowed && readingAsked === undefined && win !== null
  const reading = readingAllowed && (readingAsked ?? (win ? isNarrowPortrait(win) : false))
  const element = createDeckElement(doc, theme, embedded)
  markReading(element, reading, printAlways, options)
  root.append(element)
  // Swipes and sync come with the late code, asked for now (late.ts).
  const controller = createController(
    slides,
    {
      ...options,
      window: win,
      hash: options.hash ?? !embedded,
      sync: options.sync ?? !embedded,
      target: options.target ?? (embedded ? element : null),
    },
    loadLate(),
  )
  const context: ViewContext<S> = {
    element,
    controller,
    theme,
    options,
    printAlways: printAlways || reading,
    embedded,
    reading,
  }
  const cleanups: Array<() => void> = []

  let presenter = presenterWindow
  markView(element, presenter)
  let view: View = presenter ? presenterView(context) : audienceView(context)
  const overview = deferredOverview({
    host: element,
    deck: controller,
    slideClass: theme.slideClass,
    render: theme.render,
    onToggle(open) {
      element.classList.toggle('overview', open)
      const track = element.querySelector<HTMLElement>(':scope > [data-slidemark-track]')
      if (track) track.inert = open
      if (!open) element.focus({ preventScroll: true })
    },
  })

  const draw = (announce: boolean) => {
    const { slide, step } = controller.state
    element.dataset.currentSlide = String(slide)
    element.dataset.currentStep = String(step)
    element.setAttribute('aria-label', controller.meta.title || 'Presentation')
    const lang = controller.meta.lang
    if (typeof lang === 'string' && lang) element.lang = lang
    view.draw(announce)
  }

  const showPresenter = (on = !presenter, notice = '') => {
    if (presenterWindow || on === presenter) return presenter
    overview.close()
    view.destroy()
    presenter = on
    markView(element, on)
    view = on ? presenterView(context, notice) : audienceView(context)
    draw(false)
    return presenter
  }

  const readingSlide = trackReadingSlide(element)
  /** Between reading view and slides (a phone turned), on the slide the reader is on. */
  const setReading = (on: boolean) => {
    if (on === context.reading) return
    const inView = on ? undefined : readingSlide.current()
    readingSlide.forget()
    context.reading = on
    context.printAlways = printAlways || on
    overview.close()
    markReading(element, on, printAlways, options)
    if (!presenter) {
      view.destroy()
      view = audienceView(context)
    }
    if (inView !== undefined && inView !== controller.state.slide) controller.go(inView)
    else draw(false)
    if (!on && win) win.scrollTo(0, 0)
  }

  const deck: ThemedPresentation<S> = Object.assign(Object.create(null), controller, {
    element,
    embedded,
    overview,
    toggleNotes(force?: boolean) {
      return element.classList.toggle('with-notes', force)
    },
    openPresenter() {
      if (presenterWindow) return null
      if (presenter) {
        showPresenter(false)
        return null
      }
      const opened = !embedded && win ? openPresenterWindow(win) : null
      if (!opened) showPresenter(true, embedded ? '' : POPUP_BLOCKED_NOTICE)
      return opened
    },
    showPresenter: (on?: boolean) => showPresenter(on),
  })
  for (const name of ['state', 'slides', 'meta'] as const) {
    Object.defineProperty(deck, name, { get: () => controller[name], enumerable: true })
  }
  Object.defineProperty(deck, 'presenter', { get: () => presenter, enumerable: true })

  const overlay = watchEscapeForOverlay(win, doc)
  cleanups.push(
    overlay.stop,
    controller.bindKeys(sharedKeys(deck, overview, () => view, overlay.closedOne)),
    ...(theme.keys ? [controller.bindKeys(theme.keys(deck))] : []),
    controller.on('change', () => draw(true)),
    controller.on('update', () => {
      overview.invalidate()
      view.refresh()
      draw(false)
    }),
  )
  controller.on('destroy', () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    view.destroy()
    overview.destroy()
    element.remove()
  })
  cleanups.push(readingSlide.stop)
  if (readingFollowsWindow && win) cleanups.push(watchNarrowPortrait(win, setReading))
  const lazy = lazySlides(slides)
  if (lazy) {
    cleanups.push(
      loadAroundCurrent(lazy, {
        position: () => controller.state.slide,
        onMove: (listener) => controller.on('change', listener),
        onLoad: () => draw(false),
        all: printAlways || reading,
        window: win,
      }),
    )
  }
  cleanups.push(watchDeckFit(element, controller, options))
  // The event names the slide object too: the Vite plugin's dev client tells its deck's slides by it.
  cleanups.push(
    watchDiagramsOnceSeen(element, options.onDiagramError ?? warnDiagram, ({ index }) =>
      index === undefined ? {} : { slide: deck.slides[index] },
    ),
  )
  draw(false)
  return deck
}

/**
 * The deck element. An embedded deck gets its box from inline styles (they
 * beat a theme's full-window `position: fixed`, and a theme may still
 * override them with `!important`) and is focusable with Tab or a click.
 */
function createDeckElement<S extends PresentableSlide>(
  doc: Document,
  theme: ThemeDefinition<S>,
  embedded: boolean,
): HTMLElement {
  const element = doc.createElement('div')
  element.className = `${theme.rootClass} slidemark`
  element.dataset.theme = theme.name
  element.style.setProperty('--slidemark-width', `${theme.width}px`)
  element.style.setProperty('--slidemark-height', `${theme.height}px`)
  element.setAttribute('role', 'region')
  element.tabIndex = embedded ? 0 : -1
  if (embedded) {
    element.classList.add('slidemark-embedded')
    element.setAttribute('aria-roledescription', 'slide deck')
    const style = element.style
    style.position = 'relative'
    style.inset = 'auto'
    style.width = '100%'
    style.height = '100%'
    // Used only when the root's height is auto: then the deck takes the slide's shape.
    style.aspectRatio = `${theme.width} / ${theme.height}`
  }
  return element
}

/** The classes of reading view on or off; notes (`notes: true`) only show outside it. */
function markReading(
  element: HTMLElement,
  reading: boolean,
  printAlways: boolean,
  options: MountOptions,
) {
  element.classList.toggle('with-notes', options.notes === true && !reading)
  element.classList.toggle('slidemark-print-mode', printAlways || reading)
  element.classList.toggle(READING_CLASS, reading)
}

/** `.slidemark-presenter` and `[data-slidemark-presenter]`, or `[data-slidemark-deck]`. */
function markView(element: HTMLElement, presenter: boolean) {
  element.classList.toggle('slidemark-presenter', presenter)
  element.toggleAttribute('data-slidemark-presenter', presenter)
  element.toggleAttribute('data-slidemark-deck', !presenter)
}

/** The shared keys: overview, presenter, full screen, timer. */
function sharedKeys<S extends PresentableSlide>(
  deck: ThemedPresentation<S>,
  overview: Overview,
  view: () => View,
  overlayClosed: () => boolean,
): KeyMap {
  const doc = deck.element.ownerDocument
  const whenOpen = (action: () => void) => () => {
    if (!overview.isOpen) return false
    action()
    return undefined
  }
  return {
    o: () => overview.toggle(),
    Escape: () => (overlayClosed() ? false : overview.toggle()),
    p: () => void deck.openPresenter(),
    r: () => (deck.presenter ? view().resetTimer() : false),
    f: () => {
      if (doc.fullscreenElement) void doc.exitFullscreen?.()
      else void (deck.embedded ? deck.element : doc.documentElement).requestFullscreen?.()
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
  }
}

/**
 * Vite's error overlay closes on Escape from a document listener, which runs
 * before the deck's window listener and removes the overlay: so whether an
 * overlay was open is noted in the capture phase, before anyone reacts.
 */
function watchEscapeForOverlay(win: Window | null, doc: Document) {
  let overlayOpen = false
  const note = (event: KeyboardEvent) => {
    overlayOpen = event.key === 'Escape' && doc.querySelector(VITE_OVERLAY) !== null
  }
  win?.addEventListener('keydown', note, { capture: true })
  return {
    closedOne: () => overlayOpen,
    stop: () => win?.removeEventListener('keydown', note, { capture: true }),
  }
}

/** The element Vite's dev server shows a compile error in. */
const VITE_OVERLAY = 'vite-error-overlay'

/** The slides, counter, live region and print layout of the audience. */
function audienceView<S extends PresentableSlide>(context: ViewContext<S>): View {
  const { element, controller, theme, options, printAlways, embedded, reading } = context
  const doc = element.ownerDocument
  const track = doc.createElement('div')
  track.className = theme.trackClass
  track.setAttribute('data-slidemark-track', '')
  const counter = doc.createElement('div')
  counter.className = 'slidemark-counter'
  counter.setAttribute('data-slidemark-counter', '')
  counter.setAttribute('aria-hidden', 'true')
  const live = doc.createElement('div')
  live.className = 'slidemark-live'
  live.setAttribute('aria-live', 'polite')
  live.setAttribute('aria-atomic', 'true')
  live.style.cssText =
    'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap'
  element.prepend(track, counter, live)
  const slideWindow = createSlideWindow({
    track,
    slideClass: theme.slideClass,
    render: theme.render,
    radius: theme.radius ?? DEFAULT_RADIUS,
  })
  const stopFit = watchFit(element, theme.width, theme.height, theme.margin ?? DEFAULT_FIT_MARGIN)
  // An embedded deck is part of a page: the page prints as a page, unless asked otherwise.
  const printing = !embedded || options.print === true
  let stopPrint = () => {}
  let stopReading = () => {}
  /** The late code (late.ts), once this view has it: it draws the print layout and sizes and scrolls reading view's pages. */
  let late: Late | undefined
  let drawn = false
  let destroyed = false
  const printLayout = () => {
    if (!printing) return
    withLate((arrived) => {
      if (destroyed) return
      stopPrint()
      stopPrint = arrived.preparePrint({
        host: element,
        slides: () => controller.slides,
        slideClass: theme.slideClass,
        render: theme.render,
        notes: options.printNotes === true,
        always: printAlways,
      })
      if (late) return
      late = arrived
      if (!reading) return
      stopReading = arrived.watchReadingSize(element, theme.width, theme.height)
      // Pages that arrive after the first draw: now scroll to its slide.
      if (drawn) view.draw(false)
    })
  }
  let scrolled = -1
  const view: View = {
    draw(announce) {
      const { slide } = controller.state
      // Reading view: a move (key, hash) scrolls to its slide; steps of the same slide do not.
      if (reading && late && slide !== scrolled) {
        late.scrollToReadingSlide(element, slide, scrolled !== -1)
        scrolled = slide
      }
      drawn = true
      slideWindow.render(controller.slides, controller.state)
      counter.textContent = slideCounter(controller.slides, slide)
      if (announce) {
        const label = slideWindow.element(slide)?.getAttribute('aria-label')
        live.textContent = label ? `Slide ${label}` : ''
      }
    },
    refresh() {
      if (printAlways) printLayout()
    },
    resetTimer() {},
    destroy() {
      destroyed = true
      stopFit()
      stopReading()
      stopPrint()
      slideWindow.clear()
      track.remove()
      counter.remove()
      live.remove()
    },
  }
  printLayout()
  return view
}

/**
 * The presenter's panes; `notice` says why they are shown in this tab. Their
 * code is loaded on first use (see views.ts): until it is here the element
 * stays empty, then the panes are drawn.
 */
function presenterView<S extends PresentableSlide>(context: ViewContext<S>, notice = ''): View {
  const { element, controller, theme } = context
  let panes: PresenterView | undefined
  let destroyed = false
  const create = (views: NonNullable<ReturnType<typeof loadedViews>>) => {
    panes = views.createPresenterView({
      host: element,
      deck: controller,
      trackClass: theme.trackClass,
      slideClass: theme.slideClass,
      render: theme.render,
      width: theme.width,
      height: theme.height,
      notice,
    })
  }
  const views = loadedViews()
  if (views) create(views)
  else
    withViews((arrived) => {
      if (destroyed) return
      create(arrived)
      panes?.render()
    })
  return {
    draw: () => panes?.render(),
    refresh() {},
    resetTimer: () => panes?.resetTimer(),
    destroy() {
      destroyed = true
      panes?.destroy()
    },
  }
}
