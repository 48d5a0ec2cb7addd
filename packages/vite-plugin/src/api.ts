import type { Deck, DeckMessage, DeckMeta, Slide } from '@slidemark/core'

/** One compile of one deck, as data. */
export interface CompiledDeck {
  /** The deck file's absolute path (Vite's module id without `?query`), with `/`. */
  file: string
  meta: DeckMeta
  slides: Slide[]
  /**
   * Every message of the compile, warnings and errors, in deck order, each
   * with `file` (the deck's absolute path), 1-based `line` and `column`,
   * `severity` and `ruleId`. Missing or refused images and media files are
   * here too (`missing-asset`, `asset-query`, `asset-outside-root`).
   */
  messages: DeckMessage[]
}

/**
 * `plugin.api` of `slidemark()`, for tools built on the plugin (the CLI): find
 * the plugin in a resolved Vite config with
 * `config.plugins.find((plugin) => plugin.name === 'slidemark')`.
 */
export interface SlidemarkApi {
  /**
   * Calls `listener` after each compile of a deck: the first load, each
   * rebuild, each saved edit in the dev server (one call per compile). A
   * deck with errors is reported too, before Vite shows them. Returns a
   * function that stops the calls.
   */
  onDeck(listener: (deck: CompiledDeck) => void): () => void
  /** The latest compile of each deck the plugin has compiled, in first-compiled order. */
  decks(): IterableIterator<CompiledDeck>
}

/** The event hub behind {@link SlidemarkApi}; the plugin calls `report`. */
export function createApi(): SlidemarkApi & { report(deck: CompiledDeck): void } {
  const listeners = new Set<(deck: CompiledDeck) => void>()
  const latest = new Map<string, CompiledDeck>()
  return {
    onDeck(listener) {
      // A wrapper per call, so one listener added twice is called twice and removed once per call.
      const call = (deck: CompiledDeck) => listener(deck)
      listeners.add(call)
      return () => listeners.delete(call)
    },
    decks: () => latest.values(),
    report(deck) {
      latest.set(deck.file, deck)
      for (const listener of listeners) listener(deck)
    },
  }
}

/** `deck` as {@link CompiledDeck} data, with `extra` messages (assets) in line order. */
export function compiledDeck(
  file: string,
  deck: Deck,
  extra: readonly DeckMessage[] = [],
): CompiledDeck {
  const messages = [...deck.messages, ...extra]
    .map((message) => ({ ...message, file }))
    .sort((a, b) => a.line - b.line || a.column - b.column)
  return { file, meta: deck.meta, slides: deck.slides, messages }
}
