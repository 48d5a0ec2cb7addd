import type { Element, ElementContent, Root, RootContent } from 'hast'
import { toString as hastToString } from 'hast-util-to-string'
import { SKIP, visit } from 'unist-util-visit'
import type { AssetReference } from '../types.js'

export interface SlideParts {
  header: Root
  content: Root
  notes: Root
  hasHeading: boolean
  title: string
  bodyIsEmpty: boolean
  assets: AssetReference[]
}

const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
/** Elements and attributes whose URLs a build tool must resolve. */
const mediaAttributes: Record<string, string[]> = {
  img: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  source: ['src'],
}
/**
 * Raw-HTML elements whose URL the browser follows when the slide is shown:
 * checked like media URLs (no query, nothing outside the root) but never
 * imported. Markdown links (`[text](url)`) are not among them.
 */
const linkAttributes: Record<string, string[]> = {
  a: ['href'],
  link: ['href'],
  iframe: ['src'],
}

/**
 * Cut a rendered slide (hast) into the pieces a `Slide` carries: notes
 * (`div.slidemark-notes` from remarkSlideNotes and the original's raw
 * `<div class="notes">`) move out wherever they are; the first block, when
 * it is a heading, is the header; the rest is the content. Positions are
 * those of the parsed text.
 */
export function slideParts(tree: Root, text = ''): SlideParts {
  const notes: ElementContent[] = []
  visit(tree, 'element', (node, index, parent) => {
    if (parent && index !== undefined && isNotes(node)) {
      notes.push(...node.children)
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
    return undefined
  })

  const assets = collectAssets(tree, text)
  const children = tree.children
  const firstIndex = children.findIndex((node) => !isBlank(node))
  const first = children[firstIndex]
  const hasHeading = first?.type === 'element' && headingTags.has(first.tagName)
  const header: RootContent[] = hasHeading && first ? [first] : []
  const body = hasHeading ? children.slice(firstIndex + 1) : children
  let title = ''
  if (hasHeading && first) title = hastToString(first)
  else {
    const paragraph = body.find((node) => node.type === 'element' && node.tagName === 'p')
    if (paragraph) title = hastToString(paragraph)
  }
  return {
    header: { type: 'root', children: header },
    content: { type: 'root', children: trimBlank(body) },
    notes: { type: 'root', children: trimBlank(notes) },
    hasHeading,
    title: title.replace(/\s+/g, ' ').trim(),
    bodyIsEmpty: body.every(isBlank),
    assets,
  }
}

function isNotes(node: Element): boolean {
  if (node.tagName !== 'div') return false
  const className = node.properties.className
  return (
    Array.isArray(className) &&
    (className.includes('slidemark-notes') || className.includes('notes'))
  )
}

function isBlank(node: RootContent): boolean {
  return (
    (node.type === 'text' && node.value.trim() === '') ||
    node.type === 'comment' ||
    node.type === 'doctype'
  )
}

function trimBlank<T extends RootContent>(nodes: T[]): T[] {
  let start = 0
  let end = nodes.length
  while (start < end && nodes[start]?.type === 'text' && isBlank(nodes[start] as RootContent))
    start++
  while (end > start && nodes[end - 1]?.type === 'text' && isBlank(nodes[end - 1] as RootContent))
    end--
  return nodes.slice(start, end)
}

/**
 * The URLs a build tool must resolve or check, in document order: relative
 * and `file:` URLs of media elements, and of raw-HTML links (marked `link`).
 */
function collectAssets(tree: Root, text: string): AssetReference[] {
  const assets: AssetReference[] = []
  visit(tree, 'element', (node) => {
    const start = node.position?.start
    const place = { line: start?.line ?? 1, column: start?.column ?? 1 }
    const urls = (attributes: string[] | undefined) =>
      (attributes ?? [])
        .map((attribute) => node.properties[attribute])
        .filter((value): value is string => typeof value === 'string')
        .filter((value) => isRelativeUrl(value) || isFileUrl(value))
    for (const url of urls(mediaAttributes[node.tagName])) assets.push({ url, ...place })
    if (!isRawHtml(node, text)) return
    for (const url of urls(linkAttributes[node.tagName])) assets.push({ url, ...place, link: true })
  })
  return assets
}

/** The element was written as HTML in the deck (its text starts with `<`), not made from Markdown. */
function isRawHtml(node: Element, text: string): boolean {
  const offset = node.position?.start.offset
  return offset !== undefined && text[offset] === '<'
}

/** `file:///etc/passwd`: a URL to the viewer's disk, refused wherever it appears. */
export function isFileUrl(url: string): boolean {
  return /^\s*file:/i.test(url)
}

/** `a.png`, `./a.png`, `../a.png`; not `https:`, `data:`, `//host`, `/root`, `#id` or `?q`. */
export function isRelativeUrl(url: string): boolean {
  return url.trim() !== '' && !/^(?:[a-z][a-z\d+.-]*:|\/|#|\?)/i.test(url.trim())
}
