export type { DeckProps, DeckTheme } from './deck.js'
export { Deck } from './deck.js'
