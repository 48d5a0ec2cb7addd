import type { Root } from 'hast'
import rehypeRaw from 'rehype-raw'
import { visit } from 'unist-util-visit'
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
    let hasRaw = false
    visit(tree, 'raw', () => {
      hasRaw = true
      return false
    })
    if (!hasRaw) return tree
    stash(tree)
    const result = raw(tree, file)
    restore(result)
    return result
  }
}
