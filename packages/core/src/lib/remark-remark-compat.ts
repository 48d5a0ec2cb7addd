import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { safeCssValue } from './background.js'
import { ruleIds } from './messages.js'

/**
 * remark (gnab/remark) slides inside the Markdown tree: a code fence marked
 * the R Markdown way, ```` ```{r} ```` or ```` ```{kotlin, echo=FALSE} ````,
 * is highlighted as that language; the image macro `![:scale 50%](…)`
 * (defined in most remark decks' HTML) sizes the image, and other macros
 * (`![:name args](…)`, defined in JavaScript Slidemark never sees) are an
 * `unsupported-syntax` warning, the image shown as is. The rest of remark's syntax (`---`/`--`
 * separators, `???` notes, property lines, templates, `.class[…]`) is
 * handled when `compile()` splits a remark deck (`format: remark`).
 */
export function remarkRemarkCompat() {
  return (tree: Root, file: VFile) => {
    imageMacros(tree, file)
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

/** remark's image macros: `![:scale 50%](url)` is a width; any other `![:name …]` a warning. */
function imageMacros(tree: Root, file: VFile): void {
  visit(tree, 'image', (node) => {
    const macro = /^:([\w-]+)\s*(.*)$/.exec(node.alt ?? '')
    if (!macro) return
    const [, name = '', argument = ''] = macro
    const width = name === 'scale' ? safeCssValue(argument) : undefined
    node.alt = ''
    if (width) {
      const data = node.data ?? {}
      node.data = {
        ...data,
        hProperties: { ...(data.hProperties ?? {}), style: `width: ${width}` },
      }
      return
    }
    const message = file.message(
      `remark macro \`![:${name}]\` is defined in the deck's JavaScript, which Slidemark does not run: the image is shown as is`,
      { place: node.position?.start, ruleId: ruleIds.unsupportedSyntax, source: 'slidemark' },
    )
    message.fatal = false
  })
}
