import type { Data, Html, Parent, Root, RootContent } from 'mdast'
import { visitParents } from 'unist-util-visit-parents'
import { markStep, recordSteps } from './format-steps.js'

const elementComment = /^<!--\s*\.element:\s*([\s\S]*?)\s*-->$/
const slideComment = /^<!--\s*\.slide:\s*([\s\S]*?)\s*-->$/
const attribute = /([^"= \t\n]+?)="([^"]*?)"|(data-[^"= \t\n]+?)(?=[" \t\n]|$)/g

/**
 * reveal.js Markdown attribute comments: `<!-- .element: class="fragment" -->`
 * gives its attributes to the element before it (or to its parent when
 * nothing precedes it), as reveal.js's Markdown plugin does, and a
 * `fragment` class makes that element a build step (in document order);
 * `<!-- .slide: class="x" -->` adds slide classes. The comments are removed.
 */
export function remarkRevealCompat() {
  return (tree: Root, file: { data: { buildSteps?: number; slideClasses?: string[] } }) => {
    const comments: Array<{ node: Html; ancestors: Parent[] }> = []
    visitParents(tree, 'html', (node, ancestors) => {
      const value = node.value.trim()
      if (elementComment.test(value) || slideComment.test(value)) {
        comments.push({ node, ancestors: ancestors as Parent[] })
      }
    })
    let step = 0
    const slideClasses: string[] = []
    for (const { node, ancestors } of comments) {
      const parent = ancestors.at(-1)
      if (!parent) continue
      const value = node.value.trim()
      const slide = slideComment.exec(value)
      const attributes = readAttributes((slide ?? elementComment.exec(value))?.[1] ?? '')
      if (slide) slideClasses.push(...(attributes.class ?? '').split(/\s+/).filter(Boolean))
      else {
        const target = targetOf(node, parent, ancestors.at(-2))
        applyAttributes(target, attributes)
        if ((attributes.class ?? '').split(/\s+/).includes('fragment')) markStep(target, ++step)
      }
      parent.children.splice(parent.children.indexOf(node as RootContent), 1)
    }
    if (slideClasses.length > 0)
      file.data.slideClasses = [...(file.data.slideClasses ?? []), ...slideClasses]
    recordSteps(file, step)
  }
}

/** The previous sibling that becomes an element, else the parent (a tight list item for its paragraph). */
function targetOf(node: Html, parent: Parent, grandparent: Parent | undefined): { data?: Data } {
  const index = parent.children.indexOf(node as RootContent)
  for (let before = index - 1; before >= 0; before--) {
    const sibling = parent.children[before] as RootContent
    if (sibling.type !== 'text' && sibling.type !== 'break' && sibling.type !== 'html')
      return sibling
  }
  if (parent.type === 'paragraph' && grandparent?.type === 'listItem') return grandparent
  return parent
}

function readAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const match of text.matchAll(attribute)) {
    if (match[1]) attributes[match[1]] = match[2] ?? ''
    else if (match[3]) attributes[match[3]] = ''
  }
  return attributes
}

function applyAttributes(node: { data?: Data }, attributes: Record<string, string>): void {
  const data = node.data ?? {}
  const properties = { ...(data.hProperties ?? {}) }
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') {
      const existing = Array.isArray(properties.className) ? properties.className.map(String) : []
      properties.className = [...existing, ...value.split(/\s+/).filter(Boolean)]
    } else properties[name] = value
  }
  node.data = { ...data, hProperties: properties }
}
