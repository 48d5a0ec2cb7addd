import type { Position } from './types.js'

const HASH = /^#slide(\d+)(?:\.(\d+))?$/

/**
 * The URL hash for a position: `#slideN` with a 1-based slide number, as the
 * original html5-slides wrote it, and `#slideN.M` (M 1-based) past the first
 * build step.
 */
export function formatHash(position: Position): string {
  const base = `#slide${position.slide + 1}`
  return position.step > 0 ? `${base}.${position.step + 1}` : base
}

/** Read `#slideN` / `#slideN.M`; `null` for any other hash. Not clamped. */
export function parseHash(hash: string): Position | null {
  const match = HASH.exec(hash)
  if (!match) return null
  const slide = Number(match[1]) - 1
  const step = match[2] === undefined ? 0 : Number(match[2]) - 1
  if (slide < 0 || step < 0) return null
  return { slide, step }
}
