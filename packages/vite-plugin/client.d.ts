// Types for `*.slides.md` imports. Add "@slidemark/vite-plugin/client" to
// `compilerOptions.types` in tsconfig.json (as with "vite/client").

declare module '*.slides.md' {
  import type { DeckMeta, Slide } from '@slidemark/core'

  /**
   * The deck's slides, compiled at build time. In a build of a big deck
   * (see the plugin's `lazy` option) the HTML of each slide (`header`,
   * `content`, `notes`, `assets`) arrives with its chunk: reading it before
   * throws; `await loadSlides()` first. Every other field is there at once.
   * So it is on the dev server's cold start of a big deck, until the rest is compiled.
   */
  const slides: Slide[]
  export default slides
  /** The deck's YAML front matter. */
  export const meta: DeckMeta
  /** `meta.title`, else the first slide's title, else `''`. */
  export const title: string
  /** Resolves to `slides` once every slide is loaded (at once when the deck is not chunked). */
  export function loadSlides(): Promise<Slide[]>
  /**
   * Calls `listener` with the new slides and metadata each time the deck is
   * edited in the dev server (hot module replacement). Returns a function
   * that removes the listener. Does nothing in a build.
   */
  export function onUpdate(listener: (slides: Slide[], meta: DeckMeta) => void): () => void
}
