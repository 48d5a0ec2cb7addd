import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { type Deck, hasUndrawnDiagrams } from '@slidemark/core'

const require = createRequire(import.meta.url)

/** Vite's `normalizePath`, here so that generating a deck's modules never loads Vite (see tools.ts). */
function normalizePath(file: string): string {
  return path.posix.normalize(file.replaceAll('\\', '/'))
}

/** KaTeX's stylesheet (and, next to it, its fonts): only decks with math import it. */
export const KATEX_CSS = normalizePath(require.resolve('katex/dist/katex.min.css'))

/** Whether any slide has math rendered by KaTeX. */
export function hasMath(deck: Deck): boolean {
  return deck.slides.some((slide) => slide.content.includes('class="katex'))
}

/** The runtime's Mermaid loader: only decks with diagrams import it (and so Mermaid's chunk). */
export const MERMAID_ENTRY = normalizePath(require.resolve('@slidemark/runtime/mermaid'))

/**
 * Side-effect imports a deck module needs for what its slides contain: the
 * Mermaid chunk only for diagrams left to the browser (none drawn ahead of
 * time), and never with `mermaid: false`.
 */
export function extraImports(deck: Deck, { mermaid = true } = {}): string[] {
  const imports: string[] = []
  if (hasMath(deck)) imports.push(`import ${JSON.stringify(KATEX_CSS)}`)
  if (mermaid && deck.slides.some((slide) => hasUndrawnDiagrams(slide.content))) {
    imports.push(`import ${JSON.stringify(MERMAID_ENTRY)}`)
  }
  return imports
}

/**
 * KaTeX's CSS offers each font as woff2, woff and ttf. Every browser a deck
 * runs in reads woff2, so the other two are dropped: a `--single-file` deck
 * would otherwise inline all three (1.2 MB instead of 0.3 MB).
 */
export function woff2Only(css: string): string {
  return css.replace(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, '')
}

/** `load` for KaTeX's stylesheet: the woff2-only version. */
export function loadKatexCss(id: string): string | null {
  return normalizePath(id.split('?', 1)[0] ?? id) === KATEX_CSS
    ? woff2Only(fs.readFileSync(KATEX_CSS, 'utf8'))
    : null
}
