import type { Image, Parent, Root, RootContent } from 'mdast'
import { type Background, safeCssValue } from './background.js'

/** Marp's image filters and their default arguments. */
const filters: Record<string, string> = {
  blur: '10px',
  brightness: '1.5',
  contrast: '2',
  'drop-shadow': '0 5px 10px rgba(0,0,0,.4)',
  grayscale: '1',
  'hue-rotate': '180deg',
  invert: '1',
  opacity: '.5',
  saturate: '2',
  sepia: '1',
}

interface ImageKeywords {
  bg: boolean
  width?: string
  height?: string
  split?: 'left' | 'right'
  size?: string
  fit?: string
  /** `bg 40%`: the image at that share of its box (Marp's background-size). */
  zoom?: number
  vertical?: boolean
  filter: string[]
  /** The alt text without keywords. */
  alt: string
}

/**
 * Read Marp's image keywords from an alt text: `bg` (with `left`/`right[:N%]`,
 * `contain`/`fit`, `cover`, `auto`, `N%`), sizes (`w:300`, `h:10em`,
 * `width:`, `height:`) and filters (`grayscale`, `blur:3px`, …); other
 * words are the alt text.
 */
export function readImageKeywords(alt: string): ImageKeywords {
  const result: ImageKeywords = { bg: false, filter: [], alt: '' }
  const rest: string[] = []
  for (const word of alt.split(/\s+/).filter(Boolean)) {
    const [name = '', ...tail] = word.split(':')
    const value = tail.join(':')
    const key = name.toLowerCase()
    if (key === 'bg' && !value) result.bg = true
    else if ((key === 'w' || key === 'width') && value) result.width = length(value)
    else if ((key === 'h' || key === 'height') && value) result.height = length(value)
    else if (Object.hasOwn(filters, key)) result.filter.push(`${key}(${value || filters[key]})`)
    else if (result.bg && (key === 'left' || key === 'right')) {
      result.split = key
      if (value) result.size = value
    } else if (result.bg && (key === 'contain' || key === 'fit')) result.fit = 'contain'
    else if (result.bg && key === 'cover') result.fit = 'cover'
    else if (result.bg && key === 'auto') result.fit = 'none'
    else if (result.bg && /^\d+(?:\.\d+)?%$/.test(word)) {
      result.fit = 'contain'
      result.zoom = Number.parseFloat(word) / 100
    } else if (result.bg && key === 'vertical') result.vertical = true
    else rest.push(word)
  }
  result.alt = rest.join(' ')
  return result
}

/** `300` → `300px`; a CSS length stays as written. */
function length(value: string): string | undefined {
  if (/^\d+(?:\.\d+)?$/.test(value)) return `${value}px`
  return safeCssValue(value)
}

/**
 * Marp's image syntax inside a slide: sizes and filters become the image's
 * `width`/`height`/`style`, and `bg` images leave the content to become the
 * slide's background (returned, for the caller to place). Paragraphs left
 * empty are removed.
 */
export function takeMarpImages(tree: Root): Background | undefined {
  const background: Background = { images: [] }
  const visitParagraphs = (children: RootContent[]) => {
    for (let index = 0; index < children.length; index++) {
      const node = children[index] as RootContent
      if (node.type !== 'paragraph') {
        // Headings and table cells hold images too (`## ![w:64](logo.png) Team`).
        if (node.type === 'heading' || node.type === 'tableCell') takeImages(node, background)
        else if ('children' in node) visitParagraphs(node.children as RootContent[])
        continue
      }
      takeImages(node, background)
      // Line breaks and spaces between background images are left over: drop them when nothing else is.
      if (node.children.every((child) => child.type === 'break' || isSpace(child))) {
        children.splice(index, 1)
        index--
      }
    }
  }
  visitParagraphs(tree.children)
  return background.images.length > 0 ? background : undefined
}

/** Marp's keywords on every image in this inline content, in links and emphasis too. */
function takeImages(parent: Parent, background: Background): void {
  const kept: RootContent[] = []
  for (const child of parent.children as RootContent[]) {
    if (child.type !== 'image') {
      if ('children' in child) takeImages(child, background)
      kept.push(child)
      continue
    }
    const keywords = readImageKeywords(child.alt ?? '')
    if (keywords.bg) {
      const style = [
        keywords.fit ? `object-fit: ${keywords.fit}` : '',
        keywords.zoom !== undefined ? `transform: scale(${keywords.zoom})` : '',
        keywords.filter.length > 0 ? `filter: ${keywords.filter.join(' ')}` : '',
      ].filter(Boolean)
      background.images.push({ url: child.url, alt: keywords.alt, style: style.join('; ') })
      if (keywords.vertical) background.vertical = true
      if (keywords.split) {
        background.split = keywords.split
        if (keywords.size) background.size = safeCssValue(keywords.size)
      }
      continue
    }
    kept.push(sizedImage(child, keywords))
  }
  ;(parent as { children: RootContent[] }).children = kept
}

function isSpace(node: RootContent): boolean {
  return node.type === 'text' && node.value.trim() === ''
}

function sizedImage(image: Image, keywords: ImageKeywords): Image {
  const style = [
    keywords.width ? `width: ${keywords.width}` : '',
    keywords.height ? `height: ${keywords.height}` : '',
    keywords.filter.length > 0 ? `filter: ${keywords.filter.join(' ')}` : '',
  ].filter(Boolean)
  if (style.length === 0) return image
  if ((keywords.width && !keywords.height) || (keywords.height && !keywords.width)) {
    style.push(keywords.width ? 'height: auto' : 'width: auto')
  }
  const data = image.data ?? {}
  return {
    ...image,
    alt: keywords.alt,
    data: { ...data, hProperties: { ...(data.hProperties ?? {}), style: style.join('; ') } },
  }
}
