import type { Code, Root } from 'mdast'
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
 * `unsupported-syntax` warning, the image shown as is; a code line starting
 * with `*` is highlighted without its `*` (remark's `highlightLines`). The rest of remark's syntax (`---`/`--`
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
      highlightStarredLines(node)
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

/** Languages whose lines start with `*` for their own reasons (Markdown's bullets). */
const ownStars = new Set(['md', 'markdown', 'mdx', 'rst'])

/**
 * remark's `highlightLines`: a code line starting with `*` is highlighted
 * and the `*` is not shown (`* x` keeps its indentation as `  x`, as remark
 * does); here the lines go to the block's static highlight, `{2,4}`.
 */
function highlightStarredLines(node: Code): void {
  if (ownStars.has((node.lang ?? '').toLowerCase())) return
  const lines = node.value.split('\n')
  const starred: number[] = []
  const value = lines.map((line, index) => {
    if (!line.startsWith('*')) return line
    starred.push(index + 1)
    return line.replace(/^\*( )?/, '$1$1')
  })
  if (starred.length === 0 || /\{[^}]*\}/.test(node.meta ?? '')) return
  node.value = value.join('\n')
  node.meta = [node.meta, `{${starred.join(',')}}`].filter(Boolean).join(' ')
}
