import type { Position } from './types.js'

/** A hash part `{namespace}-slideN.M`; `parseHash` has the same pattern inline. */
const SEGMENT = /^(?:(.+)-)?slide(\d+)(?:\.(\d+))?$/

/**
 * The URL hash for a position: `#slideN` with a 1-based slide number, as the
 * original html5-slides wrote it, and `#slideN.M` (M 1-based) past the first
 * build step. With a `namespace` (an embedded deck) the part is
 * `#{namespace}-slideN`, so several decks can share one URL.
 */
export function formatHash(position: Position, namespace = ''): string {
  return `#${formatPart(position, namespace)}`
}

/**
 * Read `#slideN` / `#slideN.M` (or, with a `namespace`, its `{namespace}-slideN`
 * part of a hash made of `&`-separated parts); `null` when the hash has none.
 * Not clamped. Self-contained (no outer names): the Vite plugin writes its
 * source into a built deck's page, which fetches the linked slide's chunk
 * before the deck's code has run.
 */
export function parseHash(hash: string, namespace = ''): Position | null {
  for (const part of hash.replace(/^#/, '').split('&')) {
    // The pattern of SEGMENT (withHashPart's), written here to keep this function self-contained.
    const match = /^(?:(.+)-)?slide(\d+)(?:\.(\d+))?$/.exec(part)
    if (!match || (match[1] ?? '') !== namespace) continue
    const slide = Number(match[2]) - 1
    const step = match[3] === undefined ? 0 : Number(match[3]) - 1
    if (slide < 0 || step < 0) return null
    return { slide, step }
  }
  return null
}

/**
 * The hash after a deck moved: the whole hash for a deck without namespace;
 * for a namespaced deck, `hash` with that deck's part replaced (or added) and
 * every other part kept, so two embedded decks never overwrite each other.
 */
export function withHashPart(hash: string, position: Position, namespace = ''): string {
  if (!namespace) return formatHash(position)
  const own = formatPart(position, namespace)
  const parts = hashParts(hash)
  const at = parts.findIndex((part) => SEGMENT.exec(part)?.[1] === namespace)
  if (at >= 0) parts[at] = own
  else parts.push(own)
  return `#${parts.join('&')}`
}

function formatPart(position: Position, namespace: string): string {
  const base = `${namespace ? `${namespace}-` : ''}slide${position.slide + 1}`
  return position.step > 0 ? `${base}.${position.step + 1}` : base
}

function hashParts(hash: string): string[] {
  return hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== '')
}
