/** Class on a code line that the current code step does not focus. */
export const CODE_LINE_DIM_CLASS = 'slidemark-code-dim'
/** Class on the version of a magic-move block that is shown. */
export const MAGIC_MOVE_CURRENT_CLASS = 'slidemark-magic-move-current'
/** Duration of the move between two versions of a magic-move block, in ms. */
export const MAGIC_MOVE_DURATION_MS = 500

/** Index of the state shown at `step`: the last whose start is at or before it (else the first). */
export function stateAt(starts: readonly number[], step: number): number {
  let state = 0
  for (const [index, start] of starts.entries()) if (start <= step) state = index
  return state
}

/** `"0 2 3"` → `[0, 2, 3]`. */
function numbers(list: string | undefined): number[] {
  return (list ?? '').split(/\s+/).filter(Boolean).map(Number)
}

/**
 * Apply the code steps of `element` at slide step `step`: every block with
 * `data-code-steps` focuses the lines of its state (`data-code-focus`) and
 * dims the rest; every `.slidemark-magic-move` shows its version. With
 * `animate`, a version change moves the code's tokens from where they were
 * (unless the user prefers reduced motion).
 */
export function showCodeSteps(element: ParentNode, step: number, animate = false): void {
  for (const block of element.querySelectorAll<HTMLElement>('[data-code-steps]')) {
    const state = stateAt(numbers(block.dataset.codeSteps), step)
    if (block.dataset.codeState === String(state)) continue
    block.dataset.codeState = String(state)
    const focus = block.dataset.codeFocus?.split('|')[state] ?? '*'
    const lines = new Set(numbers(focus))
    const spans = block.querySelectorAll<HTMLElement>('code > [data-line]')
    for (const [index, line] of [...spans].entries()) {
      line.classList.toggle(CODE_LINE_DIM_CLASS, focus !== '*' && !lines.has(index + 1))
    }
  }
  for (const block of element.querySelectorAll<HTMLElement>('.slidemark-magic-move')) {
    const version = stateAt(numbers(block.dataset.magicMoveSteps), step)
    const previous = block.dataset.magicMoveVersion
    if (previous === String(version)) continue
    block.dataset.magicMoveVersion = String(version)
    const versions = [...block.children] as HTMLElement[]
    const from = previous === undefined ? undefined : versions[Number(previous)]
    const to = versions[version]
    const before = animate && from && to && motionAllowed(block) ? tokenRects(from) : null
    for (const [index, child] of versions.entries()) {
      child.classList.toggle(MAGIC_MOVE_CURRENT_CLASS, index === version)
      child.toggleAttribute('inert', index !== version)
    }
    if (before && to) moveTokens(before, to)
  }
}

function motionAllowed(element: Element): boolean {
  const win = element.ownerDocument.defaultView
  return !win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches
}

type TokenRects = Map<string, DOMRect>

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

function tokenRects(block: HTMLElement): TokenRects {
  const rects: TokenRects = new Map()
  for (const [key, token] of tokens(block)) rects.set(key, token.getBoundingClientRect())
  return rects
}

/**
 * FLIP: each token of the new version that was in the old one starts where
 * it was and slides into place; new tokens fade in. The slide may be scaled
 * (fit to window), so screen distances are divided by that scale.
 */
function moveTokens(before: TokenRects, block: HTMLElement): void {
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
