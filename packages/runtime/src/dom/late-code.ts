/**
 * The chunk {@link loadLate} brings while the first slide is drawn: what a
 * deck needs only once it is on screen (swipes, the channel to a presenter
 * window, the print layout and the reading view's, the wording of an
 * overflow notice).
 */
export { listenForSwipes } from '../lib/swipe.js'
export { channelName, openChannel } from '../lib/sync.js'
export { describeOverflow } from './overflow-text.js'
export { preparePrint } from './print.js'
export { scrollToReadingSlide, watchReadingSize } from './reading-layout.js'
