import type { Root } from 'hast'
import { visit } from 'unist-util-visit'

const stepProperties = ['dataCodeSteps', 'dataCodeFocus'] as const

/**
 * remark-rehype puts a code node's `hProperties` on `<code>`, whose
 * attributes rehype-pretty-code replaces; it keeps those of the `<pre>`
 * (which becomes the `<figure>`). Run before it, this moves the code-step
 * attributes of `remarkCodeSteps` from `<code>` up to its `<pre>`.
 */
export function rehypeCodeStepsToPre() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'pre') return
      const code = node.children.find(
        (child) => child.type === 'element' && child.tagName === 'code',
      )
      if (code?.type !== 'element') return
      for (const name of stepProperties) {
        if (code.properties[name] === undefined) continue
        node.properties[name] = code.properties[name]
        delete code.properties[name]
      }
    })
  }
}
