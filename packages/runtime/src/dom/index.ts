export type {
  AutoFit,
  AutoFitOptions,
  Excess,
  FitResult,
  Measure,
  SlideOverflow,
} from './autofit.js'
export {
  applyFitScale,
  COLUMNS_ATTRIBUTE,
  DEFAULT_FIT_FLOOR,
  FIT_ATTRIBUTE,
  FIT_HEADING_CLASS,
  fitHeadings,
  fitSlide,
  measureSlide,
  NO_FIT_CLASS,
  OVERFLOW_ATTRIBUTE,
  searchFitScale,
  watchAutoFit,
} from './autofit.js'
export {
  CODE_LINE_DIM_CLASS,
  MAGIC_MOVE_CURRENT_CLASS,
  MAGIC_MOVE_DURATION_MS,
  showCodeSteps,
  stateAt,
} from './code-steps.js'
export type { MountOptions, ThemeDefinition, ThemedPresentation } from './deck.js'
export { mountDeck, POPUP_BLOCKED_NOTICE } from './deck.js'
export type { DeckFitOptions, DeckOverflow } from './deck-fit.js'
export { fitSettings, OVERFLOW_EVENT, watchDeckFit } from './deck-fit.js'
export type { DiagramColours, DiagramProblem } from './diagrams.js'
export {
  DIAGRAM_COLOURS_ATTRIBUTE,
  DIAGRAM_ERROR_EVENT,
  DIAGRAM_SELECTOR,
  DIAGRAM_STATE_ATTRIBUTE,
  mermaidConfig,
  themeColours,
  watchDiagrams,
} from './diagrams.js'
export { DEFAULT_FIT_MARGIN, fitScale, watchFit } from './fit.js'
export { loadLate } from './late.js'
export { describeOverflow } from './overflow-text.js'
export type { Overview, OverviewOptions } from './overview.js'
export { createOverview } from './overview.js'
export type { PresenterView, PresenterViewOptions } from './presenter.js'
export {
  createPresenterView,
  formatElapsed,
  isPresenterUrl,
  NEXT_LABELS,
  openPresenterWindow,
  PRESENTER_PARAM,
  presenterUrl,
} from './presenter.js'
export type { PrintOptions } from './print.js'
export { PRINT_PARAM, preparePrint, SHOW_STEP_EVENT } from './print.js'
export {
  isNarrowPortrait,
  READING_CLASS,
  READING_MAX_WIDTH,
  READING_PARAM,
  readingFromSearch,
  readingSlideInView,
  trackReadingSlide,
  watchNarrowPortrait,
} from './reading.js'
export {
  READING_MIN_SCALE,
  readingScale,
  scrollToReadingSlide,
  watchReadingSize,
} from './reading-layout.js'
export type { PositionClass, RenderSlide } from './slide.js'
export {
  createSlideElement,
  PAGE_NUMBER_CLASS,
  PENDING_ATTRIBUTE,
  POSITION_CLASSES,
  placeSlide,
  positionClass,
  RUNNING_FOOTER_CLASS,
  RUNNING_HEADER_CLASS,
  STEP_CURRENT_CLASS,
  STEP_HIDDEN_CLASS,
  showSteps,
  slideLabel,
} from './slide.js'
export { loadViews } from './views.js'
export type { SlideWindow, SlideWindowOptions } from './window.js'
export { createSlideWindow, DEFAULT_RADIUS } from './window.js'
