import { createController, type Presentation, type PresentationOptions } from './controller.js'
import { listenForSwipes } from './swipe.js'
import { channelName, openChannel } from './sync.js'
import type { PresentableSlide } from './types.js'

export type {
  ChangeCause,
  ChangeEvent,
  Presentation,
  PresentationEvents,
  PresentationOptions,
} from './controller.js'
export { SWIPE_THRESHOLD, SWIPE_THRESHOLD_FRACTION } from './swipe.js'

/**
 * Create the headless controller for a slide array: state, navigation,
 * keyboard, touch, URL hash, history and cross-window sync.
 */
export function createPresentation<S extends PresentableSlide>(
  initialSlides: readonly S[],
  options: PresentationOptions = {},
): Presentation<S> {
  return createController(initialSlides, options, { listenForSwipes, openChannel, channelName })
}
