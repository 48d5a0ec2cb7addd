import type { Code, Data, Parent, Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { ruleIds } from './messages.js'

export interface RemarkCodeStepsOptions {
  /** Meta word that turns a Markdown fence of code fences into one animated block. Default: `'magic-move'`. */
  magicMove?: string
}

/**
 * A magic-move block: several versions of one piece of code, shown one after
 * the other. Becomes `<div class="slidemark-magic-move" data-magic-move-steps>`
 * holding one highlighted block per version.
 */
export interface MagicMove extends Parent {
  type: 'magicMove'
  children: Code[]
  data?: Data
}

declare module 'mdast' {
  interface RootContentMap {
    magicMove: MagicMove
  }
}

/** Lines to focus in one state of a block; `'all'` focuses every line. */
export type CodeFocus = number[] | 'all'

const emptyOptions: RemarkCodeStepsOptions = {}
/** `{1|2-3|all}`: a brace group with at least one `|` (one without is a static highlight). */
const stepsPattern = /\{([^{}]*\|[^{}]*)\}/
const fencePattern = /^ {0,3}(`{3,}|~{3,})(.*)$/

/**
 * Code that presents step by step. A fence whose meta has `{1|2-3|all}`
 * gets one build step per `|` part after the first: the block focuses those
 * lines and dims the rest (`all` or `*` focuses every line). A fence of
 * fences with `magic-move` in its meta (`````md magic-move`) shows each
 * inner block in turn, one build step per version. Steps are numbered in
 * document order together with the `$$$$` steps of `remarkBuildSteps` (run
 * this after it), so a block's steps come where the block is; the slide's
 * count is updated in `file.data.buildSteps`.
 *
 * The block carries `data-code-steps` (the slide step each state starts at)
 * and `data-code-focus` (the focused lines of each state, `|`-separated,
 * `*` for all), which the runtime applies.
 */
export function remarkCodeSteps(options?: RemarkCodeStepsOptions) {
  const { magicMove = 'magic-move' } = options ?? emptyOptions
  return (tree: Root, file: VFile) => {
    // A format plugin that numbers its own steps (Slidev, reveal.js) has given its code blocks theirs.
    let last = 0
    for (const [position, child] of tree.children.entries()) {
      let base = 0
      if (child.type === 'buildStep') {
        last += 1
        child.step = last
        child.data = {
          ...child.data,
          hProperties: { ...child.data?.hProperties, dataStep: last },
        }
        base = last
      }
      // A holder, so a top-level magic-move fence has a parent to be replaced in.
      const holder: Root = { type: 'root', children: [child] }
      visit(holder, 'code', (node, index, parent) => {
        if (isMagicMove(node, magicMove) && parent && index !== undefined) {
          const { block, steps } = magicMoveBlock(node, file, base, last)
          last = steps
          parent.children[index] = block as RootContent
          return 'skip'
        }
        last = stepCode(node, file, base, last)
        return undefined
      })
      tree.children[position] = holder.children[0] as RootContent
    }
    file.data.buildSteps = Math.max(file.data.buildSteps ?? 1, last + 1)
  }
}

/**
 * Give a code block its states: the first at `base`, each later one a new
 * step after `last`; returns the new last step. Format plugins whose steps
 * count in document order with other parts (Slidev clicks, reveal.js
 * fragments) call it where the block comes; the `{…}` is then removed, so
 * `remarkCodeSteps` leaves the block alone.
 */
export function stepCode(node: Code, file: VFile, base: number, last: number): number {
  if (node.lang?.startsWith('{')) {
    // ```{1|2} without a language: CommonMark reads the braces as the language.
    node.meta = [node.lang, node.meta].filter(Boolean).join(' ')
    node.lang = null
  }
  const match = node.meta ? stepsPattern.exec(node.meta) : null
  if (!match || match[1] === undefined) return last
  node.meta =
    `${node.meta?.slice(0, match.index)}${node.meta?.slice(match.index + match[0].length)}`
      .replace(/\s+/g, ' ')
      .trim()
  const states = parseFocusStates(match[1], lineCount(node.value))
  if (typeof states === 'string') {
    file.message(`Invalid code steps \`{${match[1]}}\`: ${states}; the block has no steps`, {
      place: placeOf(node, file, match[0]),
      ruleId: ruleIds.invalidCodeSteps,
      source: 'slidemark',
    })
    return last
  }
  const starts = states.map((_, i) => (i === 0 ? base : ++last))
  setProperties(node, {
    dataCodeSteps: starts.join(' '),
    dataCodeFocus: states.map((state) => (state === 'all' ? '*' : state.join(' '))).join('|'),
  })
  return last
}

/**
 * Parse the inside of `{…}`: parts split on `|`, each a comma list of line
 * numbers and `a-b` ranges, or `all`/`*`. Returns the states, or why not.
 */
export function parseFocusStates(spec: string, lines: number): CodeFocus[] | string {
  const states: CodeFocus[] = []
  for (const part of spec.split('|')) {
    const text = part.trim()
    if (text === 'all' || text === '*') {
      states.push('all')
      continue
    }
    const focus = new Set<number>()
    for (const item of text.split(',')) {
      const range = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(item)
      if (!range) return `\`${item.trim() || part}\` is not a line, a range (2-4) or \`all\``
      const from = Number(range[1])
      const to = range[2] === undefined ? from : Number(range[2])
      if (from < 1 || to < from) return `\`${item.trim()}\` is not a valid range`
      if (to > lines)
        return `line ${to} is past the end of the block (${lines} ${lines === 1 ? 'line' : 'lines'})`
      for (let line = from; line <= to; line++) focus.add(line)
    }
    states.push([...focus].sort((a, b) => a - b))
  }
  return states
}

/** How many states a code block's `{a|b|…}` gives it (1 without one, 0 when it is invalid). */
export function codeStateCount(node: Code): number {
  const meta = node.lang?.startsWith('{') ? [node.lang, node.meta].join(' ') : (node.meta ?? '')
  const spec = stepsPattern.exec(meta)?.[1]
  if (spec === undefined) return 1
  const states = parseFocusStates(spec, lineCount(node.value))
  return typeof states === 'string' ? 0 : states.length
}

export function isMagicMove(node: Code, word = 'magic-move'): boolean {
  return (node.meta ?? '').split(/\s+/).includes(word)
}

/** Split a magic-move fence into its inner blocks and number their steps. */
export function magicMoveBlock(node: Code, file: VFile, base: number, last: number) {
  const versions = innerFences(node, file)
  const starts: number[] = []
  for (const [i, version] of versions.entries()) {
    const start = i === 0 ? base : ++last
    starts.push(start)
    last = stepCode(version, file, start, last)
  }
  if (versions.length < 2) {
    file.message('A magic-move block needs two or more code fences inside it to move between', {
      place: node.position?.start,
      ruleId: ruleIds.invalidCodeSteps,
      source: 'slidemark',
    })
  }
  const block: MagicMove = {
    type: 'magicMove',
    children: versions,
    data: {
      hName: 'div',
      hProperties: { className: ['slidemark-magic-move'], dataMagicMoveSteps: starts.join(' ') },
    },
    ...(node.position ? { position: node.position } : {}),
  }
  return { block, steps: last }
}

/** The code fences inside a magic-move fence, with their places in the slide. */
function innerFences(node: Code, file: VFile): Code[] {
  const lines = node.value.split('\n')
  const firstLine = (node.position?.start.line ?? 0) + 1
  const fences: Code[] = []
  let open: { fence: string; info: string; start: number; body: string[] } | null = null
  for (const [i, line] of lines.entries()) {
    const match = fencePattern.exec(line)
    if (open) {
      if (match?.[1]?.[0] === open.fence[0] && (match?.[1]?.length ?? 0) >= open.fence.length) {
        if (match?.[2]?.trim() === '') {
          fences.push(innerCode(open.info, open.body, open.start, firstLine + i))
          open = null
          continue
        }
      }
      open.body.push(line)
    } else if (match?.[1]) {
      open = { fence: match[1], info: match[2]?.trim() ?? '', start: firstLine + i, body: [] }
    } else if (line.trim() !== '') {
      file.message('Text outside a code fence in a magic-move block is ignored', {
        place: { line: firstLine + i, column: 1 },
        ruleId: ruleIds.invalidCodeSteps,
        source: 'slidemark',
      })
    }
  }
  if (open) fences.push(innerCode(open.info, open.body, open.start, firstLine + lines.length - 1))
  const offsets = lineOffsets(file)
  for (const fence of fences) {
    if (!fence.position) continue
    fence.position.start.offset = offsets[fence.position.start.line - 1]
    fence.position.end.offset = offsets[fence.position.end.line - 1]
  }
  return fences
}

function innerCode(info: string, body: string[], start: number, end: number): Code {
  const [lang = '', ...meta] = info.split(/\s+/)
  return {
    type: 'code',
    lang: lang || 'plaintext',
    meta: meta.join(' ') || null,
    value: body.join('\n'),
    position: { start: { line: start, column: 1 }, end: { line: end, column: 1 } },
  }
}

/** Where each line of the slide's text starts (rehype-raw needs offsets on every position). */
function lineOffsets(file: VFile): number[] {
  const offsets = [0]
  const text = String(file.value ?? '')
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) offsets.push(at + 1)
  return offsets
}

/** Where `text` is written on the block's opening line; else the block's start. */
function placeOf(node: Code, file: VFile, text: string) {
  const start = node.position?.start
  if (!start || typeof file.value !== 'string') return start
  const line = file.value.split('\n')[start.line - 1] ?? ''
  const column = line.indexOf(text)
  return column === -1 ? start : { line: start.line, column: column + 1 }
}

function setProperties(node: Code, properties: Record<string, string>) {
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, ...properties } }
}

function lineCount(value: string): number {
  return value === '' ? 1 : value.split('\n').length
}

/** Whether a code node has steps (so it needs per-line spans even without a language). */
export function hasCodeSteps(node: Code): boolean {
  return typeof node.data?.hProperties?.dataCodeSteps === 'string'
}
