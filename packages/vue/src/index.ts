export type { DeckTheme, SlidemarkDeckInstance } from './deck.js'
export { SlidemarkDeck } from './deck.js'
