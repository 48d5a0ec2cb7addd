import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'

/**
 * remark (gnab/remark) slides inside the Markdown tree: a code fence marked
 * the R Markdown way, ```` ```{r} ```` or ```` ```{kotlin, echo=FALSE} ````,
 * is highlighted as that language. The rest of remark's syntax (`---`/`--`
 * separators, `???` notes, property lines, templates, `.class[…]`) is
 * handled when `compile()` splits a remark deck (`format: remark`).
 */
export function remarkRemarkCompat() {
  return (tree: Root) => {
    visit(tree, 'code', (node) => {
      const braced = /^\{([\w+#.-]+)[^}]*\}$/.exec(
        `${node.lang ?? ''}${node.meta ? ` ${node.meta}` : ''}`.trim(),
      )
      if (braced) {
        node.lang = braced[1] ?? null
        node.meta = null
      }
    })
  }
}
