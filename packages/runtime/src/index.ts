export { formatHash, parseHash, withHashPart } from './lib/hash.js'
export type { HotHandle, HotListener } from './lib/hot.js'
export { HOT_UPDATES, hotHandle } from './lib/hot.js'
export { followSlide, slideSignature } from './lib/identity.js'
export type { KeyHandler, KeyMap, NavigationCommand } from './lib/keys.js'
export { DEFAULT_KEYS, isEditable, keyName, shouldIgnoreKey } from './lib/keys.js'
export type { LazySlides } from './lib/lazy.js'
export {
  LAZY_SLIDES,
  LOAD_AHEAD,
  lazySlides,
  loadAroundCurrent,
  PENDING_SLIDE,
  pendingSlide,
} from './lib/lazy.js'
export type { Stepped } from './lib/navigation.js'
export {
  clampPosition,
  lastPosition,
  nextPosition,
  prevPosition,
  samePosition,
  stepCount,
} from './lib/navigation.js'
export { slideCounter, slideNumber } from './lib/numbering.js'
export type {
  ChangeCause,
  ChangeEvent,
  Presentation,
  PresentationEvents,
  PresentationOptions,
} from './lib/presentation.js'
export {
  createPresentation,
  SWIPE_THRESHOLD,
  SWIPE_THRESHOLD_FRACTION,
} from './lib/presentation.js'
export type { SyncMessage } from './lib/sync.js'
export { channelName, helloMessage, positionMessage, readSyncMessage } from './lib/sync.js'
export type { Position, PresentableSlide, PresentationMeta } from './lib/types.js'
