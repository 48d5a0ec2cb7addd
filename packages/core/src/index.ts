export {
  createMemoryCache,
  defaultCache,
  isCachedSlide,
  optionsFingerprint,
  slideCacheKey,
} from './lib/cache.js'
export { compile } from './lib/compile.js'
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
export { type RemarkLaxHeadingsOptions, remarkLaxHeadings } from './lib/remark-lax-headings.js'
export { type RemarkSlideClassesOptions, remarkSlideClasses } from './lib/remark-slide-classes.js'
export {
  type RemarkSlideNotesOptions,
  remarkSlideNotes,
  type SlideNotes,
} from './lib/remark-slide-notes.js'
export { type SlideSource, splitSlides } from './lib/split.js'
export { VERSION } from './lib/version.js'
export type {
  AssetReference,
  CachedSlide,
  CompileOptions,
  Deck,
  DeckMessage,
  DeckMeta,
  MessageSeverity,
  Slide,
  SlideCache,
  SlideKind,
  SourceRange,
} from './types.js'
