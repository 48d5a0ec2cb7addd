import type { SlideCache } from '@slidemark/core'
import { type LoadedDeck, loadDeck } from './deck.js'
import type { MessagePrinter } from './messages.js'
import { type ResolvedTheme, resolveDeckTheme } from './theme.js'

/** A deck compiled and checked, with the theme it will be presented in. */
export interface PreparedDeck {
  deck: LoadedDeck
  theme: ResolvedTheme
  /** The slide cache the deck was compiled with; the Vite plugin reuses it. */
  cache?: SlideCache
}

/**
 * Reads, compiles and checks the deck, then resolves its theme (`--theme`,
 * front matter, default). `firstPart`: see `loadDeck`.
 */
export async function prepareDeck(
  input: string,
  themeFlag: string | undefined,
  printer: MessagePrinter,
  cwd = process.cwd(),
  cacheFor?: (deckDir: string) => Promise<SlideCache>,
  firstPart?: (source: string) => string | undefined,
): Promise<PreparedDeck> {
  let cache: SlideCache | undefined
  const load = async (dir: string) => {
    cache = await cacheFor?.(dir)
    return cache
  }
  const deck = await loadDeck(input, printer, cwd, load, firstPart)
  const theme = resolveDeckTheme(themeFlag, { ...deck, meta: deck.deck.meta }, (message) =>
    printer.print([message]),
  )
  return cache ? { deck, theme, cache } : { deck, theme }
}
