import type { Code, Data, Literal, Root } from 'mdast'
import { visit } from 'unist-util-visit'

/** Class of the element a ```` ```mermaid ```` block becomes. */
export const MERMAID_CLASS = 'slidemark-mermaid'

/**
 * A Mermaid diagram: becomes `<pre class="slidemark-mermaid"
 * data-mermaid-line data-mermaid-column>` holding the diagram's source as
 * text, which the runtime draws (or shows as written when it cannot).
 */
export interface MermaidDiagram extends Literal {
  type: 'mermaidDiagram'
  data?: Data
}

declare module 'mdast' {
  interface RootContentMap {
    mermaidDiagram: MermaidDiagram
  }
}

/**
 * Turns every fenced code block whose language is `mermaid` into a
 * {@link MermaidDiagram}: the source is kept as written (no highlighting),
 * with the fence's place in the slide (slide-relative line, column) so a
 * diagram the browser cannot draw is reported where it is written.
 * `compile()` rewrites the line to the deck's.
 */
export function remarkMermaid() {
  return (tree: Root) => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang?.toLowerCase() !== 'mermaid' || !parent || index === undefined) return
      const start = node.position?.start
      const diagram: MermaidDiagram = {
        type: 'mermaidDiagram',
        value: node.value,
        ...(node.position ? { position: node.position } : {}),
        data: {
          hName: 'pre',
          hProperties: {
            className: [MERMAID_CLASS],
            dataMermaidLine: start?.line ?? 1,
            dataMermaidColumn: start?.column ?? 1,
          },
          hChildren: [{ type: 'text', value: node.value }],
        },
      }
      parent.children[index] = diagram
    })
  }
}

const linePattern = /(<pre class="slidemark-mermaid" data-mermaid-line=")(\d+)"/g

/** Rewrites the slide-relative lines of a slide's diagrams to deck lines. */
export function placeDiagrams(content: string, toDeck: (line: number) => number): string {
  if (!content.includes(MERMAID_CLASS)) return content
  return content.replace(
    linePattern,
    (_, head: string, line: string) => `${head}${toDeck(Number(line))}"`,
  )
}

/** Whether HTML holds a Mermaid diagram. */
export function hasDiagrams(content: string): boolean {
  return content.includes(`class="${MERMAID_CLASS}"`)
}
