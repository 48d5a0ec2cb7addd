import type { Html, List, Paragraph, Parent, Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { addBackground } from './background.js'
import { markStep, recordSteps } from './format-steps.js'
import { takeMarpImages } from './marp-images.js'
import type { SlideNotes } from './remark-slide-notes.js'
import { scopeStyles } from './scoped-style.js'

const wholeComment = /^<!--([\s\S]*?)-->$/
const fitComment = /^<!--\s*fit\s*-->$/

/**
 * Marp slides inside the Markdown tree: a heading with `<!-- fit -->` gets
 * the class `slidemark-fit` (fit its text to the slide's width); a
 * fragmented list (`*` bullets, `1)` numbers) reveals one item per build
 * step; every other HTML comment is a presenter note, as in Marp. Marp's
 * directive comments are consumed when `compile()` splits a Marp deck.
 */
export function remarkMarpCompat() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value)
    const notes: Paragraph[] = []
    let step = 0
    visit(tree, (node, index, parent) => {
      if (node.type === 'html' && parent && index !== undefined) {
        const value = node.value.trim()
        if (fitComment.test(value) && parent.type === 'heading') {
          markFit(parent)
          parent.children.splice(index, 1)
          return index
        }
        if (/<style[\s>]/i.test(value)) {
          node.value = scopeStyles(node.value, {
            marpSection: true,
            only: (attributes) => /\sscoped\b/i.test(attributes),
          })
        }
        const comment = wholeComment.exec(value)
        if (comment && !comment[1]?.includes('-->')) {
          const text = (comment[1] ?? '').trim()
          if (text) notes.push(noteParagraph(text, node))
          ;(parent as Parent).children.splice(index, 1)
          return index
        }
      }
      if (node.type === 'list' && isFragmented(node, source)) {
        for (const item of node.children) markStep(item, ++step)
      }
      return undefined
    })
    recordSteps(file as { data: { buildSteps?: number } }, step)
    const background = takeMarpImages(tree)
    addBackground(tree, background, undefined)
    if (notes.length > 0) {
      tree.children.push({
        type: 'slideNotes',
        children: notes,
        data: { hName: 'div', hProperties: { className: ['slidemark-notes'] } },
      } satisfies SlideNotes as RootContent)
    }
  }
}

function markFit(heading: Parent & { data?: RootContent['data'] }): void {
  const data = heading.data ?? {}
  const properties = data.hProperties ?? {}
  const existing = Array.isArray(properties.className) ? properties.className.map(String) : []
  heading.data = {
    ...data,
    hProperties: { ...properties, className: [...existing, 'slidemark-fit'] },
  }
}

/** Marp's fragmented lists: `*` bullets, or numbers followed by `)`. */
function isFragmented(list: List, source: string): boolean {
  const offset = list.children[0]?.position?.start.offset
  if (offset === undefined) return false
  const marker = source.slice(offset, offset + 12)
  return list.ordered ? /^\d{1,9}\)/.test(marker) : marker.startsWith('*')
}

function noteParagraph(text: string, node: Html): Paragraph {
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: text }],
    ...(node.position ? { position: node.position } : {}),
  }
}
