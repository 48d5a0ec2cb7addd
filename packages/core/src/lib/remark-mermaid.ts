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

/** A diagram drawn ahead of time (by `slidemark build`, in Chromium), or why it could not be. */
export type DrawnDiagram =
  | {
      /** The SVG in the theme's light (or only) colours. */
      svg: string
      /** The SVG in the theme's dark colours, when they differ; CSS shows the one the system asks for. */
      dark?: string
    }
  | { error: string }

/** Where a diagram is written in the deck: the line and column of its fence. */
export interface DiagramPlace {
  line: number
  column: number
}

const diagramPattern =
  /<pre class="slidemark-mermaid" data-mermaid-line="(\d+)" data-mermaid-column="(\d+)">([\s\S]*?)<\/pre>/g

const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')

/**
 * Puts diagrams drawn ahead of time into a slide's HTML: each
 * `pre.slidemark-mermaid` that `drawn` has a drawing for gets its SVG (both
 * when there is a dark one, marked `data-scheme`) and
 * `data-mermaid-state="drawn"`; one it has an error for stays code with
 * `data-mermaid-state="error"` and `data-mermaid-error`. Either way the
 * browser draws nothing (the runtime skips a diagram with a state). Others
 * are left for the browser.
 */
export function replaceDiagrams(
  content: string,
  drawn: (place: DiagramPlace) => DrawnDiagram | undefined,
): string {
  if (!content.includes(MERMAID_CLASS)) return content
  return content.replace(diagramPattern, (whole, line: string, column: string, code: string) => {
    const found = drawn({ line: Number(line), column: Number(column) })
    if (!found) return whole
    const head = `<pre class="${MERMAID_CLASS}" data-mermaid-line="${line}" data-mermaid-column="${column}"`
    if ('error' in found) {
      return `${head} data-mermaid-state="error" data-mermaid-error="${escapeAttribute(found.error)}">${code}</pre>`
    }
    const svg = found.dark
      ? `${markScheme(found.svg, 'light')}${markScheme(found.dark, 'dark')}`
      : found.svg
    return `${head} data-mermaid-state="drawn" role="img">${svg}</pre>`
  })
}

/** `<svg data-scheme="dark" …>`: base.css shows the one matching `prefers-color-scheme`. */
function markScheme(svg: string, scheme: 'light' | 'dark'): string {
  return svg.replace(/^<svg\b/, `<svg data-scheme="${scheme}"`)
}

/** Whether HTML holds a diagram left for the browser to draw (none drawn ahead of time). */
export function hasUndrawnDiagrams(content: string): boolean {
  if (!content.includes(MERMAID_CLASS)) return false
  return [...content.matchAll(/<pre class="slidemark-mermaid"[^>]*>/g)].some(
    ([tag]) => !tag.includes('data-mermaid-state='),
  )
}
