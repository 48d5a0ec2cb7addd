import type { Data, Html, Parent, Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import { visitParents } from 'unist-util-visit-parents'
import type { VFile } from 'vfile'
import { addBackground, type Background, safeCssValue } from './background.js'
import { markHtmlStep, markStep, recordSteps, type StepSpan } from './format-steps.js'
import { ruleIds } from './messages.js'
import { codeStateCount, stepCode } from './remark-code-steps.js'

const elementComment = /^<!--\s*\.element:\s*([\s\S]*?)\s*-->$/
const slideComment = /^<!--\s*\.slide:\s*([\s\S]*?)\s*-->$/
const attribute = /([^"'= \t\n]+?)=(?:"([^"]*?)"|'([^']*?)')|(data-[^"'= \t\n]+?)(?=["' \t\n]|$)/g

/** A start tag in raw HTML whose class list has `fragment`: `<li class="fragment">`. */
const fragmentTag =
  /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/g
const classAttribute = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)')/
const fragmentIndexAttribute = /\sdata-fragment-index\s*=\s*["']?(\d+)/

/** A fragment found in the slide: its explicit `data-fragment-index`, and how to make it a step. */
interface Fragment {
  index: number | undefined
  /** Where it is in the slide's text, for document order. */
  order: number
  /** Its classes, for the effect (`fade-out` hides at its step). */
  classes: string[]
  /** How many steps it takes: a code block with line steps takes one per state after the first. */
  steps?: number
  apply: (span: StepSpan) => void
}

/**
 * reveal.js Markdown attribute comments: `<!-- .element: class="fragment" -->`
 * gives its attributes to the element before it (or to its parent when
 * nothing precedes it), as reveal.js's Markdown plugin does; `<!-- .slide:
 * class="x" -->` adds slide classes. The comments are removed. Every
 * fragment (from a comment, or raw HTML such as `<p class="fragment">`)
 * becomes a build step, in reveal.js's order: by `data-fragment-index`,
 * then those without one in document order.
 */
export function remarkRevealCompat() {
  return (tree: Root, file: VFile) => {
    const comments: Array<{ node: Html; ancestors: Parent[] }> = []
    const fragments: Fragment[] = []
    visitParents(tree, 'html', (node, ancestors) => {
      const value = node.value.trim()
      if (elementComment.test(value) || slideComment.test(value)) {
        comments.push({ node, ancestors: ancestors as Parent[] })
      } else fragments.push(...htmlFragments(node))
    })
    const slideClasses: string[] = []
    const backgrounds: Array<{ background: Background; position: Html['position'] }> = []
    for (const { node, ancestors } of comments) {
      const parent = ancestors.at(-1)
      if (!parent) continue
      const value = node.value.trim()
      const slide = slideComment.exec(value)
      const attributes = readAttributes((slide ?? elementComment.exec(value))?.[1] ?? '')
      if (slide) {
        slideClasses.push(...(attributes.class ?? '').split(/\s+/).filter(Boolean))
        warnSlideAttributes(attributes, node, file)
        const background = slideBackground(attributes, node, file)
        if (background) backgrounds.push({ background, position: node.position })
      } else {
        const target = targetOf(node, parent, ancestors.at(-2))
        applyAttributes(target, attributes)
        const classes = (attributes.class ?? '').split(/\s+/)
        if (classes.includes('fragment')) {
          const index = attributes['data-fragment-index']
          fragments.push({
            index: index !== undefined && /^\d+$/.test(index) ? Number(index) : undefined,
            order: node.position?.start.offset ?? 0,
            classes,
            apply: (span) => markStep(target, span),
          })
        }
      }
      parent.children.splice(parent.children.indexOf(node as RootContent), 1)
    }
    if (slideClasses.length > 0)
      file.data.slideClasses = [...(file.data.slideClasses ?? []), ...slideClasses]
    for (const { background, position } of backgrounds.reverse())
      addBackground(tree, background, position)
    visit(tree, 'code', (node) => {
      node.meta = revealCodeMeta(node.meta) ?? null
      const states = codeStateCount(node)
      if (states < 2) return
      // reveal.js makes a fragment of each line step, in document order with the others.
      fragments.push({
        index: undefined,
        order: node.position?.start.offset ?? 0,
        classes: [],
        steps: states - 1,
        apply: (span) => stepCode(node, file, 0, span.show - 1),
      })
    })
    recordSteps(file as { data: { buildSteps?: number } }, numberFragments(fragments))
  }
}

/**
 * The fragments of raw HTML: each start tag with the class `fragment` gets
 * `slidemark-step` and its `data-step` once the steps are numbered.
 */
function htmlFragments(node: Html): Fragment[] {
  const found: Array<{
    at: number
    index: number | undefined
    classes: string[]
    span?: StepSpan
  }> = []
  for (const match of node.value.matchAll(fragmentTag)) {
    const attributes = match[2] ?? ''
    const classes = classAttribute.exec(attributes)
    const names = (classes?.[1] ?? classes?.[2] ?? '').split(/\s+/)
    if (!names.includes('fragment')) continue
    const index = fragmentIndexAttribute.exec(attributes)?.[1]
    found.push({
      at: match.index,
      index: index === undefined ? undefined : Number(index),
      classes: names,
    })
  }
  const base = node.position?.start.offset ?? 0
  const rewrite = () => {
    let tag = 0
    node.value = node.value.replace(fragmentTag, (whole: string, ...rest: unknown[]) => {
      const at = rest.at(-2) as number
      const entry = found[tag]
      if (entry?.at !== at || entry.span === undefined) return whole
      tag++
      return markHtmlStep(whole, entry.span)
    })
  }
  return found.map((entry) => ({
    index: entry.index,
    order: base + entry.at,
    classes: entry.classes,
    apply: (span) => {
      entry.span = span
      if (found.every((each) => each.span !== undefined)) rewrite()
    },
  }))
}

/**
 * Number fragments as reveal.js orders them: the distinct `data-fragment-index`
 * values ascending (fragments sharing one share a step), then each fragment
 * without one in document order. Returns the last step.
 */
function numberFragments(fragments: Fragment[]): number {
  const ordered = [...fragments].sort((a, b) => a.order - b.order)
  const indices = [...new Set(ordered.flatMap((f) => (f.index === undefined ? [] : [f.index])))]
  indices.sort((a, b) => a - b)
  let step = indices.length
  for (const fragment of ordered) {
    const at = fragment.index === undefined ? step + 1 : indices.indexOf(fragment.index) + 1
    if (fragment.index === undefined) step += fragment.steps ?? 1
    fragment.apply(effectSpan(fragment.classes, at))
  }
  // A `current-visible` fragment of the last step would hide on the next slide: no extra step.
  return step
}

const isOnlyCurrent = (name: string) => name === 'current-visible' || name === 'fade-in-then-out'

/**
 * When a fragment shows, by its effect: `fade-out` is shown first and hidden
 * at its step; `current-visible` and `fade-in-then-out` show at their step
 * and hide at the next; the others appear at their step (the effects that
 * change an element, `highlight-red`, `grow`, `strike`…, are drawn by the
 * runtime's base stylesheet from the step classes).
 */
function effectSpan(classes: readonly string[], step: number): StepSpan {
  if (classes.includes('fade-out')) return { show: 0, hide: step }
  if (classes.some(isOnlyCurrent)) return { show: step, hide: step + 1 }
  return { show: step }
}

/** The previous sibling that becomes an element, else the parent (a tight list item for its paragraph). */
function targetOf(node: Html, parent: Parent, grandparent: Parent | undefined): { data?: Data } {
  const index = parent.children.indexOf(node as RootContent)
  for (let before = index - 1; before >= 0; before--) {
    const sibling = parent.children[before] as RootContent
    if (sibling.type !== 'text' && sibling.type !== 'break' && sibling.type !== 'html')
      return sibling
  }
  if (parent.type === 'paragraph' && grandparent?.type === 'listItem') return grandparent
  return parent
}

function readAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const match of text.matchAll(attribute)) {
    if (match[1]) attributes[match[1]] = match[2] ?? match[3] ?? ''
    else if (match[4]) attributes[match[4]] = ''
  }
  return attributes
}

function applyAttributes(node: { data?: Data }, attributes: Record<string, string>): void {
  const data = node.data ?? {}
  const properties = { ...(data.hProperties ?? {}) }
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') {
      const existing = Array.isArray(properties.className) ? properties.className.map(String) : []
      properties.className = [...existing, ...value.split(/\s+/).filter(Boolean)]
    } else properties[name] = value
  }
  node.data = { ...data, hProperties: properties }
}

const imageUrl = /^(?:url\(|.*\.(?:png|jpe?g|gif|svg|webp|avif|bmp)(?:[?#].*)?$)/i

/** A `.slide:` comment's `data-background…` attributes as a background; video and iframe ones are warnings. */
function slideBackground(
  attributes: Record<string, string>,
  node: Html,
  file: VFile,
): Background | undefined {
  const background: Background = { images: [] }
  const image = (url: string) => {
    const style = [
      attributes['data-background-size'] === 'contain' ? 'object-fit: contain' : '',
      safeCssValue(attributes['data-background-position'] ?? '')
        ? `object-position: ${attributes['data-background-position']}`
        : '',
      /^(?:0|1|0?\.\d+)$/.test(attributes['data-background-opacity'] ?? '')
        ? `opacity: ${attributes['data-background-opacity']}`
        : '',
    ].filter(Boolean)
    background.images.push({
      url: url.replace(/^url\(\s*['"]?|['"]?\s*\)$/g, ''),
      style: style.join('; '),
    })
  }
  const legacy = attributes['data-background']
  if (legacy) {
    if (imageUrl.test(legacy.trim())) image(legacy.trim())
    else background.color = safeCssValue(legacy)
  }
  if (attributes['data-background-image']) image(attributes['data-background-image'])
  const color = attributes['data-background-color'] ?? attributes['data-background-gradient']
  if (color) background.color = safeCssValue(color)
  for (const name of ['data-background-video', 'data-background-iframe']) {
    if (!attributes[name]) continue
    const message = file.message(
      `reveal.js \`${name}\` is not supported: the slide is shown without that background`,
      { place: node.position?.start, ruleId: ruleIds.unsupportedSyntax, source: 'slidemark' },
    )
    message.fatal = false
  }
  return background.images.length > 0 || background.color ? background : undefined
}

/** `.slide:` attributes that change how reveal.js moves between slides, which Slidemark does not do per slide. */
const unsupportedSlideAttributes: Array<[RegExp, string]> = [
  [/^data-(?:background-)?transition(?:-speed)?$/, 'the theme’s own slide change is used'],
  [/^data-auto-animate(?:-.+)?$/, 'elements are not animated between slides'],
  [/^data-autoslide$/, 'slides do not advance by themselves'],
]

/** One `unsupported-syntax` warning per attribute of a `.slide:` comment that is not applied. */
function warnSlideAttributes(attributes: Record<string, string>, node: Html, file: VFile): void {
  for (const name of Object.keys(attributes)) {
    const rule = unsupportedSlideAttributes.find(([pattern]) => pattern.test(name))
    if (!rule) continue
    const message = file.message(`reveal.js \`${name}\` is not supported: ${rule[1]}`, {
      place: node.position?.start,
      ruleId: ruleIds.unsupportedSyntax,
      source: 'slidemark',
    })
    message.fatal = false
  }
}

/**
 * reveal.js's step-through code highlights, ```` ```js [1|2-3] ```` as
 * Slidemark's `{1|2-3}`; a single group (`[2,4]`) is a static highlight, as
 * in reveal.js. A line-number offset (`[5: 1|2]`) numbers the lines from 5
 * (`showLineNumbers{5}`); the steps still count the block's own lines, as
 * reveal.js's do.
 */
export function revealCodeMeta(meta: string | null | undefined): string | null | undefined {
  const match = /^\s*\[(?:(\d+):\s*)?([\d\s,|-]*)\]\s*(.*)$/.exec(meta ?? '')
  if (!match) return meta
  const from = match[1] ? `showLineNumbers{${Number.parseInt(match[1], 10)}}` : ''
  const lines = (match[2] ?? '').replace(/\s+/g, '')
  const rest = (match[3] ?? '').trim()
  return [lines ? `{${lines}}` : '', from, rest].filter(Boolean).join(' ') || null
}
