import type { PluggableList } from 'unified'
import type { CompileOptions, DeckFormat, SlideCache } from '../types.js'

/** `CompileOptions` with every default filled in: the one place defaults live. */
export interface ResolvedOptions {
  filename: string | undefined
  themes: { light: string; dark: string }
  lineNumbers: boolean
  compat: boolean
  /** `'auto'` until `compile()` has chosen the deck's format. */
  format: DeckFormat | 'auto'
  remarkPlugins: PluggableList
  rehypePlugins: PluggableList
  /** The cache to use, or `undefined` for none. */
  cache: SlideCache | undefined
}

export const defaultThemes = { light: 'github-light', dark: 'github-dark' } as const

export function resolveOptions(options: CompileOptions, defaultCache: SlideCache): ResolvedOptions {
  const {
    filename = undefined,
    themes = defaultThemes,
    lineNumbers = false,
    compat = true,
    format = 'auto',
    remarkPlugins = [],
    rehypePlugins = [],
    cache = undefined,
  } = options
  const hasUserPlugins = remarkPlugins.length > 0 || rehypePlugins.length > 0
  return {
    filename,
    themes: { light: themes.light, dark: themes.dark },
    lineNumbers,
    compat,
    format,
    remarkPlugins,
    rehypePlugins,
    // User plugins may depend on anything: only cache them in a cache the caller chose.
    cache: cache === false ? undefined : (cache ?? (hasUserPlugins ? undefined : defaultCache)),
  }
}
