import type { Element, ElementContent, Root, RootContent } from 'hast'
import { toString as hastToString } from 'hast-util-to-string'
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
 * (`div.slidemark-notes` from remarkSlideNotes, the original's raw
 * `<div class="notes">` and reveal.js's `<aside class="notes">`) move out wherever they are; the first block, when
 * it is a heading, is the header; the rest is the content. Positions are
 * those of the parsed text.
 *
 * One walk takes the notes out and collects the assets outside them. With
 * `skipHighlighted`, it does not descend into rehype-pretty-code's figures
 * (hundreds of token spans, no media): only pass it when no plugin ran after
 * rehype-pretty-code.
 */
export function slideParts(tree: Root, text = '', skipHighlighted = false): SlideParts {
  const notes: ElementContent[] = []
  const assets: AssetReference[] = []
  walk(tree, { notes, assets, text, skipHighlighted })

  const children = tree.children
  const firstIndex = children.findIndex((node) => !isBlank(node) && !isBackground(node))
  const first = children[firstIndex]
  const hasHeading = first?.type === 'element' && headingTags.has(first.tagName)
  const header: RootContent[] = hasHeading && first ? [first] : []
  const body = hasHeading ? children.filter((_, index) => index !== firstIndex) : children
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
    bodyIsEmpty: body.every((node) => isBlank(node) || isBackground(node)),
    assets,
  }
}

interface Walk {
  notes: ElementContent[]
  assets: AssetReference[]
  text: string
  skipHighlighted: boolean
}

/**
 * Pre-order walk (the order of `unist-util-visit`): a notes element is cut
 * out and its children go to `notes` (not walked further, as a nested notes
 * element stays inside them); URLs outside notes go to `assets`.
 */
function walk(parent: Root | Element, state: Walk): void {
  const children = parent.children
  let index = 0
  while (index < children.length) {
    const node = children[index] as RootContent
    if (node.type !== 'element') {
      index++
      continue
    }
    if (isNotes(node)) {
      state.notes.push(...node.children)
      children.splice(index, 1)
      continue
    }
    collectAssets(node, state.text, state.assets)
    if (!(state.skipHighlighted && isHighlighted(node))) walk(node, state)
    index++
  }
}

/** rehype-pretty-code's `<figure>` (or inline `<span>`) around Shiki's output. */
function isHighlighted(node: Element): boolean {
  return node.properties['data-rehype-pretty-code-figure'] !== undefined
}

/** `div.slidemark-notes`, the original's `div.notes`, reveal.js's `aside.notes`. */
function isNotes(node: Element): boolean {
  if (node.tagName !== 'div' && node.tagName !== 'aside') return false
  const className = node.properties.className
  return (
    Array.isArray(className) &&
    (className.includes('slidemark-notes') || className.includes('notes'))
  )
}

/**
 * A slide background (`div.slidemark-background`) or a `<style>`: content,
 * but neither the slide's heading nor its body.
 */
function isBackground(node: RootContent): boolean {
  if (node.type !== 'element') return false
  const className = node.properties.className
  return (
    node.tagName === 'style' ||
    (Array.isArray(className) && className.includes('slidemark-background'))
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
 * The URLs of one element a build tool must resolve or check: relative and
 * `file:` URLs of media elements, and of raw-HTML links (marked `link`).
 */
function collectAssets(node: Element, text: string, assets: AssetReference[]): void {
  const media = own(mediaAttributes, node.tagName)
  const links = own(linkAttributes, node.tagName)
  if (!media && !links) return
  const start = node.position?.start
  const place = { line: start?.line ?? 1, column: start?.column ?? 1 }
  const urls = (attributes: string[] | undefined) =>
    (attributes ?? [])
      .map((attribute) => node.properties[attribute])
      .filter((value): value is string => typeof value === 'string')
      .filter((value) => isRelativeUrl(value) || isFileUrl(value))
  for (const url of urls(media)) assets.push({ url, ...place })
  if (!isRawHtml(node, text)) return
  for (const url of urls(links)) assets.push({ url, ...place, link: true })
}

/** `table[tagName]` when it is the table's own entry (not `constructor` & co.). */
function own(table: Record<string, string[]>, tagName: string): string[] | undefined {
  return Object.hasOwn(table, tagName) ? table[tagName] : undefined
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
