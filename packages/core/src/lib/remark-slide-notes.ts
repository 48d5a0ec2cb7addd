import type { Data, Node, Parent, Root, RootContent } from 'mdast'
import type { Processor } from 'unified'
import { visit } from 'unist-util-visit'

export interface RemarkSlideNotesOptions {
  /** Paragraph prefix that marks notes. Default: `'.notes:'` (landslide's). */
  prefix?: string
  /** Class of the notes wrapper. Default: `'slidemark-notes'`. */
  className?: string
}

/** Presenter notes gathered from a slide: becomes `<div class="slidemark-notes">`. */
export interface SlideNotes extends Parent {
  type: 'slideNotes'
  children: RootContent[]
  data?: Data
}

declare module 'mdast' {
  interface RootContentMap {
    slideNotes: SlideNotes
  }
}

const emptyOptions: RemarkSlideNotesOptions = {}
const wholeComment = /^<!--([\s\S]*?)-->\s*$/

/**
 * Move presenter notes out of a slide into one wrapper node at the end of
 * the tree (`<div class="slidemark-notes">`), where `compile()` picks them up:
 *
 * - a top-level paragraph starting with `.notes:` (the prefix is removed);
 * - an HTML comment that is the last block (its text is parsed as Markdown).
 *
 * The original's `<div class="notes">…</div>` is raw HTML, so `compile()`
 * moves it after rehype-raw has parsed it.
 */
export function remarkSlideNotes(this: Processor, options?: RemarkSlideNotesOptions) {
  const { prefix = '.notes:', className = 'slidemark-notes' } = options ?? emptyOptions
  return (tree: Root) => {
    const notes: RootContent[] = []
    const kept: RootContent[] = []
    for (const node of tree.children) {
      const first = node.type === 'paragraph' ? node.children[0] : undefined
      if (node.type !== 'paragraph' || first?.type !== 'text' || !first.value.startsWith(prefix)) {
        kept.push(node)
        continue
      }
      first.value = first.value.slice(prefix.length).replace(/^[ \t]+/, '')
      if (first.value === '') node.children.shift()
      if (node.children.length > 0) notes.push(node)
    }
    const last = kept[kept.length - 1]
    const comment = last?.type === 'html' ? wholeComment.exec(last.value) : null
    if (last && comment && !comment[1]?.includes('-->')) {
      kept.pop()
      const inner = (comment[1] ?? '').trim()
      if (inner !== '') {
        const parsed = this.parse(inner) as Root
        const start = last.position?.start
        if (start) {
          const body = comment[1] ?? ''
          const before = `<!--${body.slice(0, body.length - body.trimStart().length)}`.split('\n')
          const column =
            before.length === 1
              ? start.column + (before[0]?.length ?? 0)
              : (before.at(-1)?.length ?? 0) + 1
          const offset = (start.offset ?? 0) + before.join('\n').length
          shiftPositions(parsed, start.line + before.length - 1, column, offset)
        }
        notes.push(...parsed.children)
      }
    }
    tree.children = kept
    if (notes.length > 0) {
      const start = notes[0]?.position?.start
      const end = notes[notes.length - 1]?.position?.end
      tree.children.push({
        type: 'slideNotes',
        children: notes,
        data: { hName: 'div', hProperties: { className: [className] } },
        ...(start && end ? { position: { start, end } } : {}),
      })
    }
  }
}

/** Re-place nodes parsed from a substring that began at `line`:`column` (`offset`) of the real file. */
function shiftPositions(tree: Node, line: number, column: number, offset: number): void {
  visit(tree, (node) => {
    const position = node.position
    if (!position) return
    for (const point of [position.start, position.end]) {
      if (point.line === 1) point.column += column - 1
      point.line += line - 1
      point.offset = (point.offset ?? 0) + offset
    }
  })
}
