/**
 * `@slidemark/core` loaded at run time, so the bench builds and runs (with
 * `n/a` rows) before the compiler exists or when its build is missing.
 */

import { Unavailable } from '../result.js'

/** The part of core's `SlideCache` the bench needs. */
export interface SlideCacheLike {
  get(key: string): unknown
  set(key: string, value: unknown): void
}

export interface CompileOptionsLike {
  filename?: string
  themes?: { light: string; dark: string }
  compat?: boolean
  cache?: SlideCacheLike | false
}

export interface DeckLike {
  slides: Array<{ index: number; title: string; content: string; header: string }>
  messages: Array<{
    reason: string
    severity: string
    line: number
    column: number
    ruleId: string
  }>
}

export interface SlidemarkCore {
  compile(source: string, options?: CompileOptionsLike): Promise<DeckLike> | DeckLike
  createMemoryCache(): SlideCacheLike
}

let loaded: Promise<SlidemarkCore> | undefined

/** Imports `@slidemark/core` (its `dist/`), or throws `Unavailable` saying why it cannot. */
export function loadCore(): Promise<SlidemarkCore> {
  loaded ??= importCore()
  return loaded
}

async function importCore(): Promise<SlidemarkCore> {
  const specifier = '@slidemark/core'
  let module: Partial<SlidemarkCore>
  try {
    module = (await import(specifier)) as Partial<SlidemarkCore>
  } catch (error) {
    throw new Unavailable(`@slidemark/core is not built or failed to load (${shortError(error)})`)
  }
  if (typeof module.compile !== 'function') {
    throw new Unavailable('@slidemark/core does not export compile() yet')
  }
  if (typeof module.createMemoryCache !== 'function') {
    throw new Unavailable('@slidemark/core does not export createMemoryCache() yet')
  }
  return module as SlidemarkCore
}

/** The first line of an error's message, for `n/a: …` notes. */
export function shortError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return (text.split('\n')[0] ?? '').slice(0, 160)
}
