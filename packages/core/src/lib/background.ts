import type { Html, Root } from 'mdast'

/**
 * A slide background as HTML, for the formats that have one (Marp's
 * `![bg](…)`, reveal.js's `data-background`, Slidev's `background:`,
 * remark's `background-image:`): `<div class="slidemark-background">`
 * holding the images (side by side, each covering its share) or a colour.
 * The runtime's base stylesheet puts it behind the slide's content; a
 * `split` background covers only that side and the content makes room.
 * Images stay `<img>` elements so build tools resolve and check their URLs.
 */
export interface Background {
  images: Array<{ url: string; alt?: string; style?: string }>
  /** Any CSS `background` value (a colour, a gradient). */
  color?: string
  /** Marp's `bg left` / `bg right` and Slidev's `image-left` / `image-right` layouts. */
  split?: 'left' | 'right'
  /** The split's width, a CSS length or percentage (default 50%). */
  size?: string
  /** Marp's `bg vertical`: the images stacked top to bottom instead of side by side. */
  vertical?: boolean
}

export const BACKGROUND_CLASS = 'slidemark-background'

export function backgroundHtml(background: Background): string {
  const attributes = [`class="${BACKGROUND_CLASS}"`]
  if (background.split) attributes.push(`data-split="${background.split}"`)
  if (background.vertical) attributes.push('data-direction="vertical"')
  const style: string[] = []
  if (background.color) style.push(`background: ${background.color}`)
  if (background.split && background.size) style.push(`--slidemark-split: ${background.size}`)
  if (style.length > 0) attributes.push(`style="${escapeAttribute(style.join('; '))}"`)
  const images = background.images.map((image) => {
    const imageStyle = image.style ? ` style="${escapeAttribute(image.style)}"` : ''
    return `<img src="${escapeAttribute(image.url)}" alt="${escapeAttribute(image.alt ?? '')}"${imageStyle}>`
  })
  return `<div ${attributes.join(' ')}>${images.join('')}</div>${splitRule(background)}`
}

/**
 * The content's room beside a split background of another width than 50 %
 * (Marp's `bg left:33%`): a rule for the slide holding that background,
 * found by its side and width.
 */
function splitRule({ split, size }: Background): string {
  if (!split || !size || size === '50%' || !/^\d+(?:\.\d+)?(?:%|px|em|rem)$/.test(size)) return ''
  const slide = `[aria-roledescription="slide"]:has(.${BACKGROUND_CLASS}[data-split="${split}"][style*="--slidemark-split: ${size}"])`
  return `<style>${slide} { padding-${split}: calc(${size} + 30px) }</style>`
}

/** A CSS value from a deck, kept to one declaration: no `;`, braces or markup. */
export function safeCssValue(value: string): string | undefined {
  const trimmed = value.trim()
  return trimmed !== '' && !/[;{}<>]/.test(trimmed) ? trimmed : undefined
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/** Put a background first in the slide (the heading after it stays the slide's header: see slideParts). */
export function addBackground(
  tree: Root,
  background: Background | undefined,
  position: Html['position'],
): void {
  if (!background) return
  const html: Html = { type: 'html', value: backgroundHtml(background) }
  if (position) html.position = position
  tree.children.unshift(html)
}
