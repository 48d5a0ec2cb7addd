import type { DeckOverflow } from './deck-fit.js'

/** `slide 7 (line 42) is 120 px too tall at 50 %`: what the page notice and the dev server say. */
export function describeOverflow(
  overflow: Pick<DeckOverflow, 'index' | 'excess' | 'scale' | 'line'>,
) {
  const { width, height } = overflow.excess
  const parts = [
    height > 0 ? `${Math.ceil(height)} px too tall` : '',
    width > 0 ? `${Math.ceil(width)} px too wide` : '',
  ].filter(Boolean)
  const where = overflow.line ? ` (line ${overflow.line})` : ''
  return `slide ${overflow.index + 1}${where} does not fit: ${parts.join(' and ')} at ${Math.round(overflow.scale * 100)} %`
}
