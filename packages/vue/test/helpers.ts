// The component packages test the same things with the same small decks and
// probes: one copy, kept beside the React tests.
export { deck, press, trackListeners, withHotHandle } from '../../react/test/helpers.js'
