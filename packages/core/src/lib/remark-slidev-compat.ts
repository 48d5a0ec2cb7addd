import type { Data, Html, Parent, Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { markHtmlStep, markStep, recordSteps } from './format-steps.js'
import { ruleIds } from './messages.js'
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

const opener = /^<(v-clicks?|v-after)(?:\s[^>]*)?>$/
const closer = /^<\/(v-clicks?|v-after)>$/
const clickAttribute = /^\s*<[\w-]+[^>]*\sv-(click|after)(?:[\s=>/]|$)/
/** Tags a browser does not know: Vue components (`<Tweet>`, `<my-counter>`); Slidev's own are handled. */
const component = /<([A-Z][\w.]*|[a-z][\w]*-[\w-]+)(?=[\s/>])/g
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
    const state = { step: 0, warned: new Set<string>() }
    walk(tree, state, file)
    visit(tree, 'html', (node) => {
      if (/<style[\s>]/i.test(node.value)) node.value = scopeStyles(node.value)
    })
    warnExpression(tree, file)
    recordSteps(file as { data: { buildSteps?: number } }, state.step)
  }
}

interface State {
  step: number
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
        if (open[1] === 'v-clicks') {
          walk(group, state, file)
          clickEach(group, state)
        } else {
          markStep(group, open[1] === 'v-after' ? Math.max(state.step, 1) : ++state.step)
          walk(group, state, file)
        }
        continue
      }
      markAttributeClick(node, state)
      warnComponents(node, file, state)
      node.value = closeComponents(node.value)
    }
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

/** `<v-clicks>`: every item of the lists inside (or every block, when there is no list) is a step. */
function clickEach(group: ClickGroup, state: State): void {
  const lists = group.children.filter((child) => child.type === 'list')
  const targets = lists.length > 0 ? lists.flatMap((list) => list.children) : group.children
  for (const target of targets) markStep(target, ++state.step)
}

function markAttributeClick(node: Html, state: State): void {
  const match = clickAttribute.exec(node.value)
  if (!match) return
  node.value = markHtmlStep(
    node.value,
    match[1] === 'after' ? Math.max(state.step, 1) : ++state.step,
  )
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

const selfClosing = /<([A-Z][\w.]*|[a-z][\w]*-[\w-]+)((?:\s[^<>]*?)?)\s*\/>/g

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
