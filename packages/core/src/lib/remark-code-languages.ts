import type { Code, Root } from 'mdast'
import { bundledLanguages } from 'shiki'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { ruleIds } from './messages.js'
import { hasCodeSteps } from './remark-code-steps.js'

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
 * lower-cased; a language Shiki does not know is a warning where its name is
 * written (after the fence, or the `!lang` marker) and the block renders plain; with `lineNumbers`, every block asks
 * rehype-pretty-code for numbered lines (`showLineNumbers`).
 */
export function remarkCodeLanguages(options: RemarkCodeLanguagesOptions = {}) {
  return (tree: Root, file: VFile) => {
    let lines: string[] | undefined
    /** Where the language name is written: after the fence, or the `!lang` marker; else the block. */
    const placeOfLanguage = (node: Code, lang: string) => {
      const start = node.position?.start
      if (!start || typeof file.value !== 'string') return node.position
      lines ??= file.value.split('\n')
      const column = (lines[start.line - 1] ?? '').indexOf(lang, start.column - 1)
      return column === -1 ? node.position : { line: start.line, column: column + 1 }
    }
    visit(tree, 'code', (node: Code) => {
      if (node.lang) {
        const lang = node.lang.toLowerCase()
        if (isKnownLanguage(lang)) {
          node.lang = lang
        } else {
          file.message(
            `Unknown language \`${node.lang}\`: the code block is shown without highlighting`,
            {
              place: placeOfLanguage(node, node.lang),
              ruleId: ruleIds.unknownLanguage,
              source: 'slidemark',
            },
          )
          node.lang = null
        }
      }
      // Code steps dim and focus lines: the block needs Shiki's line spans.
      if (!node.lang && hasCodeSteps(node)) node.lang = 'plaintext'
      if (options.lineNumbers && !/(?:^|\s)showLineNumbers\b/.test(node.meta ?? '')) {
        if (!node.lang) node.lang = 'plaintext'
        node.meta = node.meta ? `${node.meta} showLineNumbers` : 'showLineNumbers'
      }
    })
  }
}
