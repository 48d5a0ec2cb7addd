import type { Code, Root } from 'mdast'
import { bundledLanguages } from 'shiki'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { ruleIds } from './messages.js'

/** Languages Shiki handles without a grammar. */
const plainLanguages = new Set(['text', 'plaintext', 'txt', 'plain', 'ansi'])

/** Whether Shiki can highlight `lang` (an id or alias of a bundled grammar, or plain text). */
export function isKnownLanguage(lang: string): boolean {
  return plainLanguages.has(lang) || Object.hasOwn(bundledLanguages, lang)
}

export interface RemarkCodeLanguagesOptions {
  /** Number every code block's lines (see `CompileOptions.lineNumbers`). */
  lineNumbers?: boolean
}

/**
 * Slidemark's own pass over code blocks before highlighting: languages are
 * lower-cased; a language Shiki does not know is a warning at the block and
 * the block renders plain; with `lineNumbers`, every block asks
 * rehype-pretty-code for numbered lines (`showLineNumbers`).
 */
export function remarkCodeLanguages(options: RemarkCodeLanguagesOptions = {}) {
  return (tree: Root, file: VFile) => {
    visit(tree, 'code', (node: Code) => {
      if (node.lang) {
        const lang = node.lang.toLowerCase()
        if (isKnownLanguage(lang)) {
          node.lang = lang
        } else {
          file.message(
            `Unknown language \`${node.lang}\`: the code block is shown without highlighting`,
            {
              place: node.position,
              ruleId: ruleIds.unknownLanguage,
              source: 'slidemark',
            },
          )
          node.lang = null
        }
      }
      if (options.lineNumbers) {
        if (!node.lang) node.lang = 'plaintext'
        node.meta = node.meta ? `${node.meta} showLineNumbers` : 'showLineNumbers'
      }
    })
  }
}
