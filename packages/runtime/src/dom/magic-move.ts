/**
 * Magic move's token animation (FLIP), loaded by `showCodeSteps` once a
 * magic-move block is on a placed slide: decks without one never load it.
 */
import { MAGIC_MOVE_DURATION_MS } from './code-steps.js'

export type TokenRects = Map<string, DOMRect>

/** Shiki's token spans of a block, keyed by their text and how often that text came before. */
function tokens(block: HTMLElement): Map<string, HTMLElement> {
  const seen = new Map<string, number>()
  const result = new Map<string, HTMLElement>()
  for (const token of block.querySelectorAll<HTMLElement>('[data-line] > span')) {
    const text = token.textContent?.trim() ?? ''
    if (!text) continue
    const count = seen.get(text) ?? 0
    seen.set(text, count + 1)
    result.set(`${text}\0${count}`, token)
  }
  return result
}

export function tokenRects(block: HTMLElement): TokenRects {
  const rects: TokenRects = new Map()
  for (const [key, token] of tokens(block)) rects.set(key, token.getBoundingClientRect())
  return rects
}

/**
 * FLIP: each token of the new version that was in the old one starts where
 * it was and slides into place; new tokens fade in. The slide may be scaled
 * (fit to window), so screen distances are divided by that scale.
 */
export function moveTokens(before: TokenRects, block: HTMLElement): void {
  if (typeof block.animate !== 'function') return
  const box = block.getBoundingClientRect()
  const scale = block.offsetWidth > 0 ? box.width / block.offsetWidth : 1
  const timing = { duration: MAGIC_MOVE_DURATION_MS, easing: 'ease-in-out' }
  for (const [key, token] of tokens(block)) {
    const old = before.get(key)
    if (!old) {
      token.animate([{ opacity: 0 }, { opacity: 0, offset: 0.4 }, { opacity: 1 }], timing)
      continue
    }
    const now = token.getBoundingClientRect()
    const dx = (old.left - now.left) / (scale || 1)
    const dy = (old.top - now.top) / (scale || 1)
    if (dx === 0 && dy === 0) continue
    token.style.display = 'inline-block'
    const animation = token.animate(
      [{ transform: `translate(${dx}px, ${dy}px)` }, { transform: 'none' }],
      timing,
    )
    animation.addEventListener('finish', () => token.style.removeProperty('display'))
  }
}
