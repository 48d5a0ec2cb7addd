import type { Root } from 'hast'
import { visit } from 'unist-util-visit'

const attribute = 'dataSlidemarkMeta'

/**
 * rehype-raw rebuilds the tree through parse5 and drops `data`, where
 * remark-rehype keeps a code block's meta string (`{1,3} title="a.py"`),
 * which rehype-pretty-code reads. These two plugins carry it across in a
 * temporary attribute: `rehypeStashCodeMeta` before rehype-raw,
 * `rehypeRestoreCodeMeta` after it.
 */
export function rehypeStashCodeMeta() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const meta = (node.data as { meta?: unknown } | undefined)?.meta
      if (node.tagName === 'code' && typeof meta === 'string') node.properties[attribute] = meta
    })
  }
}

export function rehypeRestoreCodeMeta() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const meta = node.properties[attribute]
      if (node.tagName !== 'code' || meta === undefined) return
      delete node.properties[attribute]
      node.data = { ...node.data, meta: String(meta) } as typeof node.data
    })
  }
}
