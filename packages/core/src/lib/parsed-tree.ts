import type { Element, ElementContent, Properties, Root, RootContent } from 'hast'

/**
 * What rehype-pretty-code's `hastParser.parse(hastToHtml(root))` gives for
 * Shiki's output, built without writing and parsing HTML (parse5 was 5-6 %
 * of a compile): each element made from its attributes as strings the way
 * hast-util-from-parse5 makes it with hastscript's `h` (see `element`;
 * calling `h` itself was 2 % of a compile), with empty text nodes
 * dropped and adjacent ones joined, as parse5 does. Nodes carry no
 * positions (they would point into HTML nobody wrote; nothing reads them).
 *
 * `undefined` for anything the round trip through HTML could change: an
 * element or attribute other than Shiki's plain ones, a value that is not a
 * string, a NUL, CR or lone surrogate (parse5 drops or replaces them), a
 * newline first in a `<pre>` (parse5 drops it). The caller then parses HTML.
 */
export function asParsedTree(root: Root): Root | undefined {
  const children = convertAll(root.children)
  return children && { type: 'root', children, data: { quirksMode: false } as Root['data'] }
}

const shikiTags = new Set(['pre', 'code', 'span'])
const shikiAttributes = new Set(['class', 'style', 'tabindex'])
const changedByParsing =
  /[\0\r]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function convertAll(nodes: readonly Root['children'][number][]): ElementContent[] | undefined {
  const result: ElementContent[] = []
  for (const node of nodes) {
    if (node.type === 'text') {
      if (changedByParsing.test(node.value)) return undefined
      if (node.value === '') continue
      const last = result[result.length - 1]
      if (last?.type === 'text') last.value += node.value
      else result.push({ type: 'text', value: node.value })
      continue
    }
    if (node.type !== 'element' || !shikiTags.has(node.tagName)) return undefined
    const attributes = shikiProperties(node.properties)
    const children = attributes && convertAll(node.children)
    if (!children) return undefined
    const first = children[0]
    if (node.tagName === 'pre' && first?.type === 'text' && first.value.startsWith('\n')) {
      return undefined
    }
    result.push(element(node.tagName, attributes, children))
  }
  return result
}

/** Shiki's attributes as the strings parse5 would read, or `undefined` if any is not plain. */
function shikiProperties(properties: Properties): Record<string, string> | undefined {
  const attributes: Record<string, string> = {}
  for (const [name, value] of Object.entries(properties)) {
    if (value === undefined || value === null) continue
    if (!shikiAttributes.has(name) || typeof value !== 'string') return undefined
    if (changedByParsing.test(value)) return undefined
    attributes[name] = value
  }
  return attributes
}

/**
 * `h(tagName, attributes, children)` of hastscript for Shiki's lower-case
 * tags and its three attributes: `class` split on HTML whitespace into
 * `className`, `tabindex` a number when it reads as one, `style` as it is.
 */
function element(
  tagName: string,
  attributes: Record<string, string>,
  children: ElementContent[],
): Element {
  const properties: Properties = {}
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') {
      const classes = value.trim()
      properties.className = classes ? classes.split(/[ \t\n\r\f]+/g) : []
    } else if (name === 'tabindex') {
      properties.tabIndex = value && !Number.isNaN(Number(value)) ? Number(value) : value
    } else {
      properties[name] = value
    }
  }
  return { type: 'element', tagName, properties, children }
}

/** A copy of `tree` to hand out: rehype-pretty-code changes the tree it gets. */
export function cloneTree(tree: Root): Root {
  return { ...tree, children: tree.children.map(cloneNode) }
}

function cloneNode<T extends RootContent>(node: T): T {
  if (node.type === 'text') return { ...node }
  if (node.type !== 'element') return structuredClone(node)
  const properties: Properties = {}
  for (const [name, value] of Object.entries(node.properties)) {
    properties[name] = Array.isArray(value) ? [...value] : value
  }
  return { ...node, properties, children: node.children.map(cloneNode) }
}
