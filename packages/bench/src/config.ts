/**
 * Settings shared by every pipeline so they are compared like with like.
 */

import { CODE_LANGUAGES } from './deck.js'

/**
 * Shiki themes: the same light/dark pair `@slidemark/core` uses by default,
 * passed explicitly to every pipeline (rehype-pretty-code's multi-theme output).
 */
export const THEMES = { light: 'github-light', dark: 'github-dark' } as const

/**
 * Shiki regex engine of the baseline pipeline: the one `@slidemark/core`
 * uses by default (its `defaultEngine`), so "compiler overhead" compares the
 * compilers, not the engines. Shiki's own default (Oniguruma) is measured
 * separately.
 */
export const BASELINE_ENGINE = 'javascript' as const

/** Languages the generated decks use; highlighters are created with exactly these. */
export const LANGUAGES: readonly string[] = CODE_LANGUAGES
