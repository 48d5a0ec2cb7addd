export {
  createMemoryCache,
  defaultCache,
  isCachedSlide,
  optionsFingerprint,
  slideCacheKey,
} from './lib/cache.js'
export { compile } from './lib/compile.js'
export { type ConvertedDeck, convertDeck } from './lib/convert.js'
export { type DecodedDeck, decodeDeck } from './lib/decode.js'
export { deckFormats, detectFormat } from './lib/format-detect.js'
export {
  type FormatMessageOptions,
  formatFile,
  formatMessage,
  formatPlace,
  useColor,
} from './lib/format-message.js'
export { protectStepMarkers, rehypeMath, remarkProtectStepMarkers } from './lib/math.js'
export { laxHeadingSyntax } from './lib/micromark-lax-heading.js'
export { type RemarkBangLangOptions, remarkBangLang } from './lib/remark-bang-lang.js'
export {
  type BuildStep,
  type RemarkBuildStepsOptions,
  remarkBuildSteps,
} from './lib/remark-build-steps.js'
export {
  type CodeFocus,
  type MagicMove,
  parseFocusStates,
  type RemarkCodeStepsOptions,
  remarkCodeSteps,
} from './lib/remark-code-steps.js'
export { remarkLandslideCompat } from './lib/remark-landslide-compat.js'
export { type RemarkLaxHeadingsOptions, remarkLaxHeadings } from './lib/remark-lax-headings.js'
export { remarkMarpCompat } from './lib/remark-marp-compat.js'
export {
  type DiagramPlace,
  type DrawnDiagram,
  hasDiagrams,
  hasUndrawnDiagrams,
  MERMAID_CLASS,
  type MermaidDiagram,
  remarkMermaid,
  replaceDiagrams,
} from './lib/remark-mermaid.js'
export { remarkRemarkCompat } from './lib/remark-remark-compat.js'
export { remarkRevealCompat } from './lib/remark-reveal-compat.js'
export { type RemarkSlideClassesOptions, remarkSlideClasses } from './lib/remark-slide-classes.js'
export {
  type RemarkSlideNotesOptions,
  remarkSlideNotes,
  type SlideNotes,
} from './lib/remark-slide-notes.js'
export { remarkSlidevCompat } from './lib/remark-slidev-compat.js'
export { type SlideSource, splitSlides } from './lib/split.js'
export { VERSION } from './lib/version.js'
export type {
  AssetReference,
  CachedSlide,
  CompileOptions,
  Deck,
  DeckFormat,
  DeckMessage,
  DeckMeta,
  MessageSeverity,
  Slide,
  SlideCache,
  SlideKind,
  SlideRunning,
  SourceRange,
} from './types.js'
