/** `@slidemark/core/decode`: `decodeDeck` without loading the compiler, for tools that read decks first. */
export { type DecodedDeck, decodeDeck } from './lib/decode.js'
