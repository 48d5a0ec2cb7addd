import type { Code, Root } from 'mdast'
import { visit } from 'unist-util-visit'

export interface RemarkBangLangOptions {
  /**
   * Only take the marker from indented code blocks? When `false` (the
   * default), a fenced block without an info string is read the same way,
   * which is harmless (a fence with a language never looks at its first line).
   */
  indentedOnly?: boolean
}

const emptyOptions: RemarkBangLangOptions = {}
/** `!python`, `!c++`, `!shell-session`: `!` then non-space characters, alone on the line. */
const marker = /^!(\S+)[ \t]*$/

/**
 * html5-slides-markdown's language marker: a code block without a language
 * whose first line is `!lang` gets `lang` as its language, and the marker
 * line is removed from the code.
 */
export function remarkBangLang(options?: RemarkBangLangOptions) {
  const { indentedOnly = false } = options ?? emptyOptions
  return (tree: Root, file: { value?: unknown }) => {
    const source = typeof file.value === 'string' ? file.value : undefined
    visit(tree, 'code', (node: Code) => {
      if (node.lang) return
      if (indentedOnly && source !== undefined && isFenced(node, source)) return
      const newline = node.value.indexOf('\n')
      const firstLine = newline === -1 ? node.value : node.value.slice(0, newline)
      const match = marker.exec(firstLine)
      if (!match?.[1]) return
      node.lang = match[1]
      node.value = newline === -1 ? '' : node.value.slice(newline + 1)
    })
  }
}

function isFenced(node: Code, source: string): boolean {
  const offset = node.position?.start.offset
  if (offset === undefined) return false
  const head = source.slice(offset, offset + 8).trimStart()
  return head.startsWith('```') || head.startsWith('~~~')
}
