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
    loadMagicMove()
    const version = stateAt(numbers(block.dataset.magicMoveSteps), step)
    const previous = block.dataset.magicMoveVersion
    if (previous === String(version)) continue
    block.dataset.magicMoveVersion = String(version)
    const versions = [...block.children] as HTMLElement[]
    const from = previous === undefined ? undefined : versions[Number(previous)]
    const to = versions[version]
    const move = animate && from && to && motionAllowed(block) ? magicMove : undefined
    const before = move && from ? move.tokenRects(from) : null
    for (const [index, child] of versions.entries()) {
      child.classList.toggle(MAGIC_MOVE_CURRENT_CLASS, index === version)
      child.toggleAttribute('inert', index !== version)
    }
    if (move && before && to) move.moveTokens(before, to)
  }
}

let magicMove: typeof import('./magic-move.js') | undefined
let magicMoveAsked = false
/**
 * The token animation is a chunk of its own, asked for when a slide with a
 * magic-move block is first placed (the slides around the current one are
 * placed ahead), so it is here by the step that moves the block; a move
 * before it arrives changes version without animating.
 */
function loadMagicMove() {
  if (magicMoveAsked) return
  magicMoveAsked = true
  void import('./magic-move.js').then((module) => {
    magicMove = module
  })
}

function motionAllowed(element: Element): boolean {
  const win = element.ownerDocument.defaultView
  return !win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches
}
