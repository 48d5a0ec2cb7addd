/**
 * Auto-fit: a slide whose content is taller or wider than its box is scaled
 * down (CSS `zoom` on the slide's children, so text re-wraps at the smaller
 * size) until it fits, but never below a floor. A slide that does not fit
 * even at the floor is reported.
 */

/** Smallest scale auto-fit uses by default (half the design size). */
export const DEFAULT_FIT_FLOOR = 0.5
/** Attribute on a fitted slide element: the scale in use (`1` when it fits as is). */
export const FIT_ATTRIBUTE = 'data-slidemark-fit'
/**
 * Attribute on a slide that does not fit even at the floor:
 * `"<width> <height>"`, design px beyond its box at the floor.
 */
export const OVERFLOW_ATTRIBUTE = 'data-slidemark-overflow'
/** Class (`.fx: no-fit`) that turns fitting off for one slide. */
export const NO_FIT_CLASS = 'no-fit'
/** Slack (design px) below which content counts as fitting: sub-pixel rounding. */
const TOLERANCE = 0.5
/** Binary-search rounds between the first fitting scale and 1. */
const SEARCH_ROUNDS = 6

/** How far content reaches beyond its box, in design px (0 when it fits on that side). */
export interface Excess {
  width: number
  height: number
}

/** Content extent against its box, in design px: `need` is the size the content needs. */
export interface Measure {
  box: { width: number; height: number }
  need: { width: number; height: number }
}

export interface FitResult {
  /** The scale applied, from `floor` to 1. */
  scale: number
  /** Overflow left at `scale` (only non-zero when `scale` is the floor). */
  excess: Excess
}

function excessOf({ box, need }: Measure): Excess {
  return {
    width: Math.max(0, need.width - box.width - TOLERANCE),
    height: Math.max(0, need.height - box.height - TOLERANCE),
  }
}

function fits(measure: Measure): boolean {
  const excess = excessOf(measure)
  return excess.width === 0 && excess.height === 0
}

const round = (scale: number) => Math.floor(scale * 1000) / 1000

/**
 * The largest scale in [floor, 1] at which `measureAt(scale)` fits, found by
 * a first guess (the ratio of box to content, exact when nothing re-wraps),
 * shrinking until it fits, then a binary search back up (re-wrapped text
 * needs less room, so the guess is often too small). The last call of
 * `measureAt` is always with the returned scale, so the DOM is left at it.
 * Pure: `measureAt` does the applying and measuring.
 */
export function searchFitScale(measureAt: (scale: number) => Measure, floor: number): FitResult {
  const none = { width: 0, height: 0 }
  const full = measureAt(1)
  if (fits(full)) return { scale: 1, excess: none }
  const ratio = (box: number, need: number) => (need > box ? box / need : 1)
  let low = round(
    Math.max(
      floor,
      Math.min(ratio(full.box.width, full.need.width), ratio(full.box.height, full.need.height)),
    ),
  )
  let atLow = measureAt(low)
  while (!fits(atLow) && low > floor) {
    low = round(Math.max(floor, low * 0.92))
    atLow = measureAt(low)
  }
  if (!fits(atLow)) return { scale: low, excess: excessOf(atLow) }
  let high = 1
  let last = low
  for (let round_ = 0; round_ < SEARCH_ROUNDS && high - low > 0.004; round_++) {
    const middle = round((low + high) / 2)
    last = middle
    if (fits(measureAt(middle))) low = middle
    else high = middle
  }
  if (last !== low) measureAt(low)
  return { scale: low, excess: none }
}

/** Children of a slide that are not its content: notes, running header, footer, number. */
const NOT_CONTENT =
  '.notes, aside, .slidemark-running-header, .slidemark-running-footer, .slidemark-page-number'

/** The children of a slide element that are scaled: its content, not notes or running parts. */
function fitted(slide: HTMLElement): HTMLElement[] {
  return [...slide.children].filter(
    (child): child is HTMLElement => 'style' in child && !child.matches(NOT_CONTENT),
  )
}

/** Apply `scale` to the slide's content (CSS zoom on each child but the notes). */
export function applyFitScale(slide: HTMLElement, scale: number): void {
  for (const child of fitted(slide)) {
    if (scale === 1) child.style.removeProperty('zoom')
    else child.style.setProperty('zoom', String(scale))
  }
}

/**
 * Measure the slide's content against its content box (the box inside its
 * padding), in design px. Every rectangle of every descendant counts, clipped
 * or not (a long code line inside a scrolling `pre`, an item below the
 * slide's edge); the boxes of the children themselves do not (a body that
 * stretches to the bottom of the slide is not content). `null` when the slide has no layout (hidden, not in a page).
 */
export function measureSlide(slide: HTMLElement): Measure | null {
  const rect = slide.getBoundingClientRect()
  if (rect.width === 0 || rect.height === 0 || slide.offsetWidth === 0) return null
  const ratio = rect.width / slide.offsetWidth
  const style = getComputedStyle(slide)
  const px = (value: string) => Number.parseFloat(value) || 0
  const top = rect.top + (px(style.borderTopWidth) + px(style.paddingTop)) * ratio
  const left = rect.left + (px(style.borderLeftWidth) + px(style.paddingLeft)) * ratio
  const bottom = rect.bottom - (px(style.borderBottomWidth) + px(style.paddingBottom)) * ratio
  const right = rect.right - (px(style.borderRightWidth) + px(style.paddingRight)) * ratio
  let minTop = top
  let minLeft = left
  let maxBottom = top
  let maxRight = left
  const range = slide.ownerDocument.createRange()
  for (const child of fitted(slide)) {
    range.selectNodeContents(child)
    for (const box of range.getClientRects()) {
      if (box.width === 0 && box.height === 0) continue
      minTop = Math.min(minTop, box.top)
      minLeft = Math.min(minLeft, box.left)
      maxBottom = Math.max(maxBottom, box.bottom)
      maxRight = Math.max(maxRight, box.right)
    }
  }
  range.detach()
  return {
    box: { width: (right - left) / ratio, height: (bottom - top) / ratio },
    need: { width: (maxRight - minLeft) / ratio, height: (maxBottom - minTop) / ratio },
  }
}

/** A scale at which a long list is read comfortably: columns are tried until one reaches it. */
const COMFORTABLE_SCALE = 0.8
/** A list needs this many items before auto-fit flows it into columns. */
const COLUMN_MIN_ITEMS = 8
/** Attribute on a list that auto-fit flowed into columns: the column count. */
export const COLUMNS_ATTRIBUTE = 'data-slidemark-columns'

/** The top-level list with the most items, when it has enough to flow into columns. */
function longestList(slide: HTMLElement): HTMLElement | null {
  let best: HTMLElement | null = null
  for (const list of slide.querySelectorAll<HTMLElement>('ul, ol')) {
    if (list.parentElement?.closest('li')) continue
    if (
      list.children.length >= COLUMN_MIN_ITEMS &&
      list.children.length > (best?.children.length ?? 0)
    )
      best = list
  }
  return best
}

function setColumns(list: HTMLElement | null, columns: number): void {
  if (!list) return
  if (columns > 1) {
    list.style.setProperty('columns', String(columns))
    // Room for the next column's markers (list markers sit outside their item).
    list.style.setProperty('column-gap', '2.5em')
    list.setAttribute(COLUMNS_ATTRIBUTE, String(columns))
    for (const item of list.children)
      (item as HTMLElement).style?.setProperty('break-inside', 'avoid')
  } else {
    list.style.removeProperty('columns')
    list.style.removeProperty('column-gap')
    list.removeAttribute(COLUMNS_ATTRIBUTE)
    for (const item of list.children) (item as HTMLElement).style?.removeProperty('break-inside')
  }
}

const better = (a: FitResult, b: FitResult) => {
  const overA = a.excess.width + a.excess.height
  const overB = b.excess.width + b.excess.height
  return overA !== overB ? overA < overB : a.scale > b.scale
}

/**
 * Fit one slide element (already in the page) into its box: scale its content
 * down as little as needed, not below `floor`. A slide too tall because of a
 * long list (8 items or more) first tries that list in 2, then 3 columns, and
 * keeps the layout that needs the least scaling. Sets {@link FIT_ATTRIBUTE}
 * and, when it does not fit at the floor, {@link OVERFLOW_ATTRIBUTE}. A slide
 * with `.no-fit`, or `enabled: false`, is reset to scale 1 and only measured.
 * Returns `null` when the slide has no layout to measure.
 */
export function fitSlide(
  slide: HTMLElement,
  { floor = DEFAULT_FIT_FLOOR, enabled = true }: { floor?: number; enabled?: boolean } = {},
): FitResult | null {
  const on = enabled && !slide.classList.contains(NO_FIT_CLASS)
  const bottom = Math.min(1, Math.max(0.05, floor))
  const list = longestList(slide)
  setColumns(list, 1)
  applyFitScale(slide, 1)
  fitHeadings(slide)
  const first = measureSlide(slide)
  if (!first) return null
  const search = () =>
    searchFitScale((scale) => {
      applyFitScale(slide, scale)
      return measureSlide(slide) ?? first
    }, bottom)
  // A deck with fitting off is measured and reported; a slide marked `.no-fit` is
  // deliberately drawn as it is, and not reported.
  const optedOut = slide.classList.contains(NO_FIT_CLASS)
  const none = { width: 0, height: 0 }
  let result: FitResult = on ? search() : { scale: 1, excess: optedOut ? none : excessOf(first) }
  const tooTall = first.need.height > first.box.height && first.need.width <= first.box.width
  if (on && list && tooTall && result.scale < COMFORTABLE_SCALE) {
    let columns = 1
    for (const count of [2, 3]) {
      setColumns(list, count)
      const tried = search()
      if (better(tried, result)) {
        result = tried
        columns = count
      }
      if (result.scale >= COMFORTABLE_SCALE) break
    }
    setColumns(list, columns)
    applyFitScale(slide, result.scale)
  }
  slide.setAttribute(FIT_ATTRIBUTE, String(result.scale))
  const { width, height } = result.excess
  if (width > 0 || height > 0) {
    slide.setAttribute(OVERFLOW_ATTRIBUTE, `${Math.ceil(width)} ${Math.ceil(height)}`)
  } else slide.removeAttribute(OVERFLOW_ATTRIBUTE)
  return result
}

/** Class of a heading that fills its line (Marp's `<!-- fit -->`). */
export const FIT_HEADING_CLASS = 'slidemark-fit'
/** How far a fitted heading may grow beyond its theme's size. */
const FIT_HEADING_MAX = 4

/**
 * Marp's fitting headings: each `.slidemark-fit` heading is set on one line
 * and its font size scaled so the text fills the heading's width (smaller
 * when too long, larger when short, up to {@link FIT_HEADING_MAX}×), before
 * the slide itself is fitted. Headings with no layout are left alone.
 */
export function fitHeadings(slide: HTMLElement): void {
  for (const heading of slide.querySelectorAll<HTMLElement>(`.${FIT_HEADING_CLASS}`)) {
    heading.style.removeProperty('font-size')
    heading.style.setProperty('white-space', 'nowrap')
    const rect = heading.getBoundingClientRect()
    if (rect.width === 0 || heading.offsetWidth === 0) continue
    const ratio = rect.width / heading.offsetWidth
    const style = getComputedStyle(heading)
    const px = (value: string) => Number.parseFloat(value) || 0
    const room = heading.clientWidth - px(style.paddingLeft) - px(style.paddingRight)
    const range = heading.ownerDocument.createRange()
    range.selectNodeContents(heading)
    const text = range.getBoundingClientRect().width / ratio
    range.detach()
    const size = px(style.fontSize)
    if (text <= 0 || room <= 0 || size <= 0) continue
    const scale = Math.min(FIT_HEADING_MAX, room / text)
    heading.style.setProperty('font-size', `${Math.floor(size * scale * 10) / 10}px`)
  }
}

/** A slide that does not fit even at the floor (or with fitting off). */
export interface SlideOverflow {
  /** 0-based index of the slide in the deck. */
  index: number
  /** Design px beyond the box, at `scale`. */
  excess: Excess
  scale: number
  element: HTMLElement
}

export interface AutoFitOptions {
  /** `false` turns fitting off (slides are still measured and reported). */
  enabled: () => boolean
  floor: () => number
  /** Called once per slide (index) and deck version that overflows. */
  onOverflow?: (overflow: SlideOverflow) => void
}

/** Deck element in reading view (`READING_CLASS`): its slides are not fitted. */
const READING_SELECTOR = '.slidemark-reading'
/** The slide elements the runtime creates (`createSlideElement`). */
const SLIDE_SELECTOR = '[aria-roledescription="slide"][data-index]'
/**
 * A live slide this many places from the current one (`data-offset`) waits
 * off-screen for the slide transition: it is fitted once the page has painted,
 * so the slide on screen is not kept waiting for it.
 */
const OFF_SCREEN_OFFSET = 2

/**
 * Fit every slide element that appears under `root` (the live slides, overview
 * thumbnails, presenter panes, print pages), in a MutationObserver callback,
 * so before the browser paints it; a live slide two places from the current
 * one (off-screen until a move) just after that paint. Fits again when web fonts finish loading,
 * when an image inside a slide loads, and on {@link AutoFit.refit}.
 */
export interface AutoFit {
  /**
   * Fit every slide element under the root again (and forget past reports).
   * With `{ kept: true }` (a hot update that replaced the elements of the
   * slides it changed): an element already fitted with the same `enabled`
   * and `floor` keeps its fit and reports it again without being measured
   * (measuring forces a layout per try), and a new element is left to the
   * observer that fits it as it is added.
   */
  refit(options?: { kept?: boolean }): void
  destroy(): void
}

export function watchAutoFit(root: HTMLElement, options: AutoFitOptions): AutoFit {
  const doc = root.ownerDocument
  const reported = new Set<number>()
  /** What each element was last fitted with (`enabled floor`) and to. */
  const fitted = new WeakMap<HTMLElement, { settings: string; result: FitResult | null }>()
  const settings = () => `${options.enabled()} ${options.floor()}`
  const report = (element: HTMLElement, result: FitResult | null) => {
    if (!result || (result.excess.width === 0 && result.excess.height === 0)) return
    const index = Number(element.dataset.index)
    if (reported.has(index)) return
    reported.add(index)
    options.onOverflow?.({ index, excess: result.excess, scale: result.scale, element })
  }
  const fitOne = (element: HTMLElement) => {
    // The reading view lets a slide grow with its content instead of shrinking it.
    if (element.closest(READING_SELECTOR)) return applyFitScale(element, 1)
    const result = fitSlide(element, { enabled: options.enabled(), floor: options.floor() })
    fitted.set(element, { settings: settings(), result })
    report(element, result)
  }
  const fitAll = () => {
    for (const element of root.querySelectorAll<HTMLElement>(SLIDE_SELECTOR)) fitOne(element)
  }
  const fitChanged = () => {
    const now = settings()
    for (const element of root.querySelectorAll<HTMLElement>(SLIDE_SELECTOR)) {
      const last = fitted.get(element)
      if (!last) continue
      if (last.settings === now && !element.closest(READING_SELECTOR)) report(element, last.result)
      else fitOne(element)
    }
  }
  const later: HTMLElement[] = []
  const fitAdded = (element: HTMLElement) => {
    if (Math.abs(Number(element.dataset.offset ?? 0)) < OFF_SCREEN_OFFSET) return fitOne(element)
    // A timer started in a frame callback runs after that frame is painted.
    if (later.push(element) === 1) {
      requestAnimationFrame(() =>
        setTimeout(() => {
          for (const waiting of later.splice(0)) if (waiting.isConnected) fitOne(waiting)
        }),
      )
    }
  }
  const observer =
    typeof MutationObserver === 'function'
      ? new MutationObserver((records) => {
          for (const record of records) {
            for (const node of record.addedNodes) {
              if (node.nodeType !== 1) continue
              const element = node as HTMLElement
              if (element.matches(SLIDE_SELECTOR)) fitAdded(element)
              for (const inner of element.querySelectorAll<HTMLElement>(SLIDE_SELECTOR))
                fitOne(inner)
            }
          }
        })
      : null
  observer?.observe(root, { childList: true, subtree: true })
  const onLoad = (event: Event) => {
    const target = event.target
    if (!(target instanceof Element) || target === root) return
    const slide = target.closest<HTMLElement>(SLIDE_SELECTOR)
    if (slide) fitOne(slide)
  }
  root.addEventListener('load', onLoad, true)
  const fonts = doc.fonts
  const onFonts = () => fitAll()
  fonts?.addEventListener?.('loadingdone', onFonts)
  fonts?.ready?.then(() => {
    if (root.isConnected) fitAll()
  })
  fitAll()
  return {
    refit({ kept = false } = {}) {
      reported.clear()
      if (kept) fitChanged()
      else fitAll()
    },
    destroy() {
      observer?.disconnect()
      root.removeEventListener('load', onLoad, true)
      fonts?.removeEventListener?.('loadingdone', onFonts)
    },
  }
}
