import type { Root, RootContent } from 'hast'
import rehypeRaw from 'rehype-raw'
import type { VFile } from 'vfile'
import { rehypeRestoreCodeMeta, rehypeStashCodeMeta } from './rehype-code-meta.js'

/**
 * rehype-raw, but only when the slide has raw HTML: re-parsing a tree
 * through parse5 is the most expensive step for a slide without code, and
 * most slides have no HTML at all. Code meta strings (which rehype-raw
 * would drop) are carried across.
 */
export function rehypeRawWhenNeeded() {
  const raw = rehypeRaw() as (tree: Root, file: VFile) => Root
  const stash = rehypeStashCodeMeta()
  const restore = rehypeRestoreCodeMeta()
  return (tree: Root, file: VFile): Root => {
    if (!hasRaw(tree)) return tree
    stash(tree)
    const result = raw(tree, file)
    restore(result)
    return result
  }
}

/** Whether the tree holds a `raw` node (a plain loop: this runs on every slide). */
function hasRaw(node: Root | RootContent): boolean {
  if (node.type === 'raw') return true
  if (!('children' in node)) return false
  for (const child of node.children) if (hasRaw(child)) return true
  return false
}
