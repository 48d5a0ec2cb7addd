import type { Deck } from '@slidemark/core'

/**
 * The deck's page, the same for Vite's builds and the dev server (app.ts)
 * and for a deck written beside a prebuilt app (static-app.ts): no Vite here.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/** The page's title and language: the front matter's, else the first slide's title, `en`. */
export function pageLabels({ meta, slides }: Deck): { title: string; lang: string } {
  return {
    title: typeof meta.title === 'string' ? meta.title : (slides[0]?.title ?? 'Slides'),
    lang: typeof meta.lang === 'string' ? meta.lang : 'en',
  }
}

/** The page of `deck` with `head` (script and link tags) at the end of its head, and `body` after its `<main>`. */
export function pageHtml(deck: Deck, head: readonly string[], body = ''): string {
  const { title, lang } = pageLabels(deck)
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <meta name="generator" content="slidemark" />
    <link rel="icon" href="data:," />
    <title>${escapeHtml(title)}</title>${head.map((tag) => `\n    ${tag}`).join('')}
  </head>
  <body>
    <main id="app"></main>${body}
  </body>
</html>
`
}
