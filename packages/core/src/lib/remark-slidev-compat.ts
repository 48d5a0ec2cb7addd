import type { Code, Data, Html, List, ListItem, Parent, Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { markHtmlStep, markStep, recordSteps, type StepSpan } from './format-steps.js'
import { ruleIds } from './messages.js'
import { isMagicMove, magicMoveBlock, stepCode } from './remark-code-steps.js'
import { scopeStyles } from './scoped-style.js'

/** A run of content revealed on one click: `<v-click>…</v-click>` becomes a `div` (or `span` inline). */
interface ClickGroup extends Parent {
  type: 'slidevClick'
  children: RootContent[]
  data?: Data
}

declare module 'mdast' {
  interface RootContentMap {
    slidevClick: ClickGroup
  }
}

const opener = /^<(v-clicks?|v-after)(\s[^>]*)?>$/
const closer = /^<\/(v-clicks?|v-after)>$/
/** A start tag (its name, then its attributes), for finding `v-click` attributes in raw HTML. */
const startTag =
  /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g
/** `v-click`, `v-click.hide`, `v-click="3"`, `v-after`: the directive, its modifiers and its value. */
const clickDirective =
  /\sv-(click|after)((?:\.[\w-]+)*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?(?=[\s/>]|$)/
/** Tags a browser does not know: Vue components (`<Tweet>`, `<my-counter>`); Slidev's own are handled. */
// Icons name their collection with a colon or a dash (`<carbon:arrow-right/>`, `<mdi-github/>`).
const component = /<([A-Z][\w.]*|[a-z]\w*[-:][\w:-]+)(?=[\s/>])/g
const slidevTags = new Set(['v-click', 'v-clicks', 'v-after'])

/**
 * Slidev clicks inside the Markdown tree: `<v-click>…</v-click>` wraps its
 * content in one build step, `<v-clicks>` makes each list item (or each
 * block) inside it a step, `v-after` joins the step before, and an HTML
 * element with a `v-click` attribute is a step; steps count in document
 * order. Other Vue components stay as HTML, with a `vue-component` warning
 * at their line: Slidemark does not run Vue.
 */
export function remarkSlidevCompat() {
  return (tree: Root, file: VFile) => {
    const state: State = { step: 0, last: 0, warned: new Set<string>() }
    iconsInText(tree, file, state)
    walk(tree, state, file)
    visit(tree, 'html', (node) => {
      if (/<style[\s>]/i.test(node.value)) node.value = scopeStyles(node.value)
    })
    warnExpression(tree, file)
    warnSnippets(tree, file)
    recordSteps(file as { data: { buildSteps?: number } }, state.last)
  }
}

interface State {
  /** The last relative click: `v-click` without a value counts on from it. */
  step: number
  /** The highest click any part uses: the slide's step count is one more. */
  last: number
  warned: Set<string>
}

function walk(parent: Parent, state: State, file: VFile): void {
  const children = parent.children
  for (let index = 0; index < children.length; index++) {
    const node = children[index] as RootContent
    if (node.type === 'html') {
      const open = opener.exec(node.value.trim())
      const close = open ? findCloser(children, index, open[1] as string) : -1
      if (open && close !== -1) {
        const inner = children.slice(index + 1, close)
        const group: ClickGroup = {
          type: 'slidevClick',
          children: inner,
          data: { hName: parent.type === 'paragraph' || isPhrasingParent(parent) ? 'span' : 'div' },
        }
        children.splice(index, close - index + 1, group)
        const attributes = readAttributes(open[2] ?? '')
        if (open[1] === 'v-clicks') {
          walk(group, state, file)
          clickEach(group, state, attributes)
        } else {
          const hide = Object.hasOwn(attributes, 'hide')
          const span = clickSpan(
            open[1] === 'v-after' ? 'after' : 'click',
            attributes.at,
            hide,
            state,
          )
          if (span) markStep(group, span)
          walk(group, state, file)
        }
        continue
      }
      markAttributeClicks(node, state)
      warnComponents(node, file, state)
      node.value = closeComponents(node.value)
    }
    if (node.type === 'code') children[index] = clickCode(node, state, file)
    if ('children' in node) walk(node as Parent, state, file)
  }
}

function findCloser(children: RootContent[], from: number, tag: string): number {
  for (let index = from + 1; index < children.length; index++) {
    const node = children[index]
    if (node?.type === 'html' && closer.exec(node.value.trim())?.[1] === tag) return index
  }
  return -1
}

function isPhrasingParent(parent: Parent): boolean {
  return ['heading', 'emphasis', 'strong', 'link', 'delete', 'tableCell'].includes(parent.type)
}

/**
 * `<v-clicks>`: every item of the lists inside (or every block, when there
 * is no list) is a step; `depth="2"` counts nested items too, in document
 * order; `every="2"` reveals that many items per step.
 */
function clickEach(group: ClickGroup, state: State, attributes: Record<string, string>): void {
  const depth = positiveNumber(attributes.depth) ?? 1
  const every = positiveNumber(attributes.every) ?? 1
  const lists = group.children.filter((child): child is List => child.type === 'list')
  const targets =
    lists.length > 0 ? lists.flatMap((list) => listItems(list, depth)) : group.children
  const first = state.step
  targets.forEach((target, index) => {
    markStep(target, first + Math.floor(index / every) + 1)
  })
  state.step = first + Math.ceil(targets.length / every)
  state.last = Math.max(state.last, state.step)
}

/** A list's items down to `depth` levels, each before the items nested in it. */
function listItems(list: List, depth: number): ListItem[] {
  return list.children.flatMap((item) => {
    if (depth <= 1) return [item]
    const nested = item.children.filter((child): child is List => child.type === 'list')
    return [item, ...nested.flatMap((inner) => listItems(inner, depth - 1))]
  })
}

function positiveNumber(value: string | undefined): number | undefined {
  const number = Number(value)
  return value !== undefined && Number.isInteger(number) && number > 0 ? number : undefined
}

/**
 * When a click shows (and hides) its part, as Slidev counts: no value or
 * `+N` after the last relative click, `v-after` with it, `3` at click 3 (the
 * relative count goes on unchanged), `[2, 4]` from 2 until 4; with `hide`,
 * the part is shown first and hidden at that click. `undefined`: always shown.
 */
function clickSpan(
  kind: 'click' | 'after',
  value: string | undefined,
  hide: boolean,
  state: State,
): StepSpan | undefined {
  const text = (value ?? '').trim()
  let span: StepSpan
  const range = /^\[\s*(\d+)\s*,\s*(\d+)\s*\]$/.exec(text)
  if (range) span = { show: Number(range[1]), hide: Number(range[2]) }
  else if (/^\d+$/.test(text)) span = { show: Number(text) }
  else {
    const relative = /^[+-]\d+$/.test(text) ? Number(text) : kind === 'after' ? 0 : 1
    state.step = Math.max(0, state.step + relative)
    span = { show: state.step }
  }
  if (hide && span.hide === undefined) span = { show: 0, hide: span.show }
  state.last = Math.max(state.last, span.show, span.hide ?? 0)
  return span.show === 0 && span.hide === undefined ? undefined : span
}

/**
 * A code block's highlight steps (`{2|3}`) and a magic-move's versions are
 * clicks too, counted where the block is: after the clicks before it, as
 * Slidev counts them. Returns the node to put in the block's place.
 */
function clickCode(node: Code, state: State, file: VFile): RootContent {
  let block: RootContent = node
  if (isMagicMove(node)) {
    const moved = magicMoveBlock(node, file, 0, state.step)
    block = moved.block as RootContent
    state.step = moved.steps
  } else state.step = stepCode(node, file, 0, state.step)
  state.last = Math.max(state.last, state.step)
  return block
}

/** Every start tag in raw HTML with a `v-click` or `v-after` attribute becomes a step. */
function markAttributeClicks(node: Html, state: State): void {
  node.value = node.value.replace(startTag, (tag: string, _name: string, attributes: string) => {
    const match = clickDirective.exec(attributes)
    if (!match) return tag
    const hide = (match[2] ?? '').split('.').includes('hide')
    const at = readAttributes(attributes).at
    const span = clickSpan(
      match[1] === 'after' ? 'after' : 'click',
      match[3] ?? match[4] ?? at,
      hide,
      state,
    )
    return span ? markHtmlStep(tag, span) : tag
  })
}

/** The attributes of a start tag (a bare `hide` is `''`). */
function readAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const match of text.matchAll(
    /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g,
  )) {
    attributes[match[1] as string] = match[2] ?? match[3] ?? match[4] ?? ''
  }
  return attributes
}

function warnComponents(node: Html, file: VFile, state: State): void {
  for (const match of node.value.matchAll(component)) {
    const name = match[1] as string
    if (slidevTags.has(name) || state.warned.has(name)) continue
    state.warned.add(name)
    const message = file.message(
      `Vue component \`<${name}>\` is kept as plain HTML: Slidemark does not run Vue`,
      { place: node.position?.start, ruleId: ruleIds.vueComponent, source: 'slidemark' },
    )
    message.fatal = false
  }
  for (const tag of node.value.matchAll(startTag)) {
    for (const directive of (tag[2] ?? '').matchAll(/\s(v-[\w-]+)/g)) {
      const name = directive[1] as string
      if (name === 'v-click' || name === 'v-after' || state.warned.has(name)) continue
      state.warned.add(name)
      const message = file.message(
        `Vue directive \`${name}\` is not run: Slidemark does not run Vue, so the element is shown as it is`,
        { place: node.position?.start, ruleId: ruleIds.vueComponent, source: 'slidemark' },
      )
      message.fatal = false
    }
  }
}

/** An icon tag (`<carbon:arrow-right class="x"/>`): CommonMark reads no colon in a tag name, so it is text. */
const iconTag = /<([a-z]\w*:[\w-]+)((?:\s[^<>]*?)?)\s*\/?>(?:<\/\1>)?/g

/**
 * Slidev's icons (`<carbon:arrow-right/>`) would show as their source text:
 * they become empty raw HTML, with a `vue-component` warning at their place
 * (Slidemark has no icon sets).
 */
function iconsInText(tree: Root, file: VFile, state: State): void {
  visit(tree, 'text', (node, index, parent) => {
    if (!parent || index === undefined || !node.value.includes(':')) return
    const parts: RootContent[] = []
    let last = 0
    for (const match of node.value.matchAll(iconTag)) {
      const name = match[1] as string
      if (match.index > last)
        parts.push({ type: 'text', value: node.value.slice(last, match.index) })
      parts.push({ type: 'html', value: `<${name}${match[2] ?? ''}></${name}>` })
      last = match.index + match[0].length
      if (state.warned.has(name)) continue
      state.warned.add(name)
      const start = node.position?.start
      const before = node.value.slice(0, match.index)
      const place =
        start && !before.includes('\n')
          ? { ...start, column: start.column + before.length, offset: undefined }
          : start
      const message = file.message(
        `Icon \`<${name}>\` is not drawn: Slidemark has no icon sets (Slidev's come from Iconify)`,
        { place, ruleId: ruleIds.vueComponent, source: 'slidemark' },
      )
      message.fatal = false
    }
    if (parts.length === 0) return
    if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) })
    parent.children.splice(index, 1, ...(parts as typeof parent.children))
    return index + parts.length
  })
}

/** Slidev's `<<< @/snippets/file.ts` code import: Slidemark cannot read other files, so it is text. */
function warnSnippets(tree: Root, file: VFile): void {
  visit(tree, 'paragraph', (node) => {
    const first = node.children[0]
    if (first?.type !== 'text' || !/^<<<\s*\S/.test(first.value)) return
    const message = file.message(
      `Slidev code import \`${first.value.split('\n')[0]?.slice(0, 80)}\` is not supported (Slidemark reads no other files): shown as written`,
      { place: node.position?.start, ruleId: ruleIds.unsupportedSyntax, source: 'slidemark' },
    )
    message.fatal = false
  })
}

/** A Vue interpolation (`{{ $slidev.nav.currentPage }}`) in text: shown as written, with one warning per slide. */
function warnExpression(tree: Root, file: VFile): void {
  let warned = false
  visit(tree, (node) => {
    if (warned || (node.type !== 'text' && node.type !== 'html')) return
    const match = /\{\{[\s\S]*?\}\}/.exec(node.value)
    if (!match) return
    warned = true
    const message = file.message(
      `Vue expression \`${match[0].slice(0, 60)}\` is shown as written: Slidemark does not run Vue`,
      { place: node.position?.start, ruleId: ruleIds.unsupportedSyntax, source: 'slidemark' },
    )
    message.fatal = false
  })
}

const selfClosing = /<([A-Z][\w.]*|[a-z]\w*[-:][\w:-]+)((?:\s[^<>]*?)?)\s*\/>/g

/**
 * `<Tweet id="1" />` as `<Tweet id="1"></Tweet>`: HTML has no self-closing
 * custom elements, so a browser would otherwise put everything after the
 * component inside it.
 */
function closeComponents(html: string): string {
  return html.replace(selfClosing, (_match, name: string, attributes: string) =>
    slidevTags.has(name) ? _match : `<${name}${attributes}></${name}>`,
  )
}
