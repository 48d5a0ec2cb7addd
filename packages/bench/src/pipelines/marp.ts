/**
 * The in-process peer: `@marp-team/marp-core` 5 rendering the same deck in
 * fenced-code form. Marp parses the whole deck as one markdown-it document,
 * splits it on `---` into `<section>`s wrapped in SVG `<foreignObject>`s and
 * returns the HTML plus its theme's CSS.
 *
 * Two configurations:
 * - `plain`: marp-core 5 as installed (its lightweight core has no syntax
 *   highlighting: code blocks come out as plain `<pre><code>`);
 * - `shiki`: with marp-core's own Shiki plugin (JavaScript regex engine,
 *   CSS-variable theme), the like-for-like peer for decks with code.
 * Math is off in both: our decks use `$$$$` as a build-step marker, which
 * Marp would otherwise try to typeset.
 */

import { Marp } from '@marp-team/marp-core'
import shikiPlugin from '@marp-team/marp-core/plugins/shiki'

export type MarpVariant = 'plain' | 'shiki'

export interface MarpRenderer {
  render(deck: string): { html: string; css: string }
}

export function createMarp(variant: MarpVariant): MarpRenderer {
  const marp = new Marp({ math: false, html: true })
  if (variant === 'shiki') marp.use(shikiPlugin())
  return {
    render(deck) {
      const { html, css } = marp.render(deck)
      return { html, css }
    },
  }
}
