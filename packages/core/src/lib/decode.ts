import type { DeckMessage } from '../types.js'
import { ruleIds } from './messages.js'
import { normalizeSource } from './normalize.js'

/** A deck file's bytes as text, with a warning when they are not UTF-8. */
export interface DecodedDeck {
  /** The text; each invalid byte sequence becomes U+FFFD (�), as browsers do. */
  text: string
  /** An `invalid-utf8` warning at the first bad byte, or nothing. */
  messages: DeckMessage[]
}

/**
 * Decodes a deck file read from disk. Every tool reads decks through this
 * (the CLI, the Vite plugin), so a file in Latin-1 or Windows-1252 gives the
 * same `invalid-utf8` warning at the line and column of its first bad byte
 * everywhere, and the same text. A byte order mark is kept (`compile()`
 * drops it). Never throws.
 */
export function decodeDeck(bytes: Uint8Array, file?: string): DecodedDeck {
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
      messages: [],
    }
  } catch {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    return { text, messages: [invalidUtf8Message(bytes, file)] }
  }
}

function invalidUtf8Message(bytes: Uint8Array, file: string | undefined): DeckMessage {
  const at = firstBadByte(bytes)
  const before = normalizeSource(
    new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, at)),
  )
  const lineStart = before.lastIndexOf('\n') + 1
  const line = before.slice(0, lineStart).split('\n').length
  const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')
  return {
    reason:
      `this file is not valid UTF-8 (byte 0x${hex}); bad bytes are shown as \uFFFD. ` +
      'Save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)',
    file,
    line,
    column: before.length - lineStart + 1,
    severity: 'warning',
    ruleId: ruleIds.invalidUtf8,
    source: 'slidemark',
  }
}

/**
 * The offset of the first byte of the first invalid sequence. The longest
 * prefix a streaming decoder accepts is found by bisection (a prefix may end
 * inside a character); the bad sequence starts at the character left open
 * at its end, if any, else right after it.
 */
export function firstBadByte(bytes: Uint8Array): number {
  const accepts = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true })
      return true
    } catch {
      return false
    }
  }
  let good = 0
  let bad = bytes.length
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2)
    if (accepts(middle)) good = middle
    else bad = middle
  }
  // `bytes[0, good)` is accepted, perhaps ending inside a character.
  return openCharacterStart(bytes, good) ?? good
}

/** Where a character left unfinished at `end` starts, or `undefined` when none is. */
function openCharacterStart(bytes: Uint8Array, end: number): number | undefined {
  for (let start = end - 1; start >= 0 && start >= end - 3; start--) {
    const byte = bytes[start] ?? 0
    if (byte >= 0x80 && byte < 0xc0) continue // a continuation byte
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return end - start < length ? start : undefined
  }
  return undefined
}
