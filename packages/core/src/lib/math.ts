import type { Root as HastRoot } from 'hast'
import type { Root } from 'mdast'
import type { Processor } from 'unified'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { ruleIds } from './messages.js'

/** What a `$$$$` step marker becomes while remark-math parses (a private-use character pair around a word). */
export const STEP_MARKER_PLACEHOLDER = '\uE000slidemark-build-step\uE000'

const markerLine = /^( {0,3})\$\$\$\$([ \t]*)$/
const fenceLine = /^ {0,3}(`{3,}|~{3,})/

/**
 * Replace every line that is exactly `$$$$` (outside fenced code) with
 * {@link STEP_MARKER_PLACEHOLDER}, so remark-math cannot read it as an empty
 * display-math block that swallows the rest of the slide.
 */
export function protectStepMarkers(text: string): string {
  if (!text.includes('$$$$')) return text
  let fence: string | null = null
  return text
    .split('\n')
    .map((line) => {
      const open = fenceLine.exec(line)?.[1]
      if (fence) {
        if (
          open &&
          open[0] === fence[0] &&
          open.length >= fence.length &&
          /^\s*[`~]+\s*$/.test(line)
        )
          fence = null
        return line
      }
      if (open) {
        fence = open
        return line
      }
      const match = markerLine.exec(line)
      return match ? `${match[1]}${STEP_MARKER_PLACEHOLDER}${match[2]}` : line
    })
    .join('\n')
}

/**
 * Keeps `$$$$` a build-step marker when remark-math is on: wraps the parser
 * so markers are hidden from it ({@link protectStepMarkers}), then puts `$$$$`
 * back into the parsed tree, before `remarkBuildSteps` looks for it. Use
 * right after remark-parse.
 */
export function remarkProtectStepMarkers(this: Processor) {
  const parse = this.parser
  if (!parse) return
  this.parser = (document: string, file: VFile) => {
    const tree = parse(protectStepMarkers(document), file) as Root
    visit(tree, (node) => {
      if ('value' in node && typeof node.value === 'string') {
        node.value = node.value.replaceAll(STEP_MARKER_PLACEHOLDER, () => '$$$$')
      }
    })
    return tree
  }
}

/**
 * rehype-katex, rendering `$…$`, `$$…$$` and ```` ```math ```` at build
 * time, with its problems as Slidemark warnings: a formula KaTeX cannot
 * parse is an `invalid-math` warning at the formula, with KaTeX's reason,
 * and is shown in red as written.
 */
export function rehypeMath() {
  return async (tree: HastRoot, file: VFile) => {
    const katex = await loadKatex()
    const before = file.messages.length
    katex(tree, file)
    for (const message of file.messages.slice(before)) {
      if (message.source !== 'rehype-katex') continue
      const cause = message.cause instanceof Error ? message.cause.message : ''
      message.reason = `Could not render math: ${cause.replace(/^KaTeX parse error: /, '') || message.reason}`
      message.ruleId = ruleIds.invalidMath
      message.source = 'slidemark'
    }
  }
}

type KatexTransform = (tree: HastRoot, file: VFile) => undefined
let katexTransform: Promise<KatexTransform> | undefined

/** rehype-katex (and KaTeX, a large module) loads on the first slide with math on, not with core. */
function loadKatex(): Promise<KatexTransform> {
  katexTransform ??= import('rehype-katex').then(
    ({ default: rehypeKatex }) => rehypeKatex({ strict: 'ignore' }) as KatexTransform,
  )
  katexTransform.catch(() => {
    katexTransform = undefined
  })
  return katexTransform
}
