import type { Html, Parent, Root, RootContent } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { ruleIds } from './messages.js'
import type { SlideNotes } from './remark-slide-notes.js'

const qrLine = /^\.qr:[ \t]?(\d*)\|(.+)$/
/** landslide draws QR codes at this size when `.qr:` gives none. */
const defaultQrSize = 200

/**
 * landslide's additions over html5-slides-markdown: a `.qr: 450|https://…`
 * paragraph becomes `<p class="qr">` holding an inline SVG QR code of that
 * size (made at build time, where landslide linked to Google's chart API),
 * and a `Presenter Notes` heading (any level, any case) starts the slide's
 * presenter notes. A placeholder in angle brackets glued to a word, as in
 * `http://<hostname>:8080/`, is text, not an HTML element (it has no
 * closing tag and follows a non-space character). `.fx:` and `.notes:` are Slidemark's own syntax already.
 */
export function remarkLandslideCompat() {
  return async (tree: Root, file: VFile) => {
    visit(tree, 'html', (node, index, parent) => {
      if (parent && index !== undefined && isPlaceholder(node, index, parent)) {
        parent.children[index] = { type: 'text', value: node.value }
      }
    })
    const notesAt = tree.children.findIndex(
      (node) =>
        node.type === 'heading' && mdastToString(node).trim().toLowerCase() === 'presenter notes',
    )
    if (notesAt !== -1) {
      const notes = tree.children.splice(notesAt).slice(1)
      if (notes.length > 0) {
        tree.children.push({
          type: 'slideNotes',
          children: notes,
          data: { hName: 'div', hProperties: { className: ['slidemark-notes'] } },
        } satisfies SlideNotes as RootContent)
      }
    }
    for (const [index, node] of tree.children.entries()) {
      if (node.type !== 'paragraph') continue
      const match = qrLine.exec(mdastToString(node).trim())
      if (!match) continue
      const size = match[1] ? Number(match[1]) : defaultQrSize
      const url = (match[2] ?? '').trim()
      try {
        // qrcode loads on a deck's first `.qr:` line, not with core.
        const { default: QRCode } = await import('qrcode')
        const svg = await QRCode.toString(url, { type: 'svg', width: size, margin: 1 })
        const html: Html = {
          type: 'html',
          value: `<p class="qr">${svg.trim().replace('<svg ', `<svg role="img" aria-label="QR code: ${escapeAttribute(url)}" `)}</p>`,
          ...(node.position ? { position: node.position } : {}),
        }
        tree.children[index] = html
      } catch (error) {
        const message = file.message(
          `Cannot draw a QR code for \`${url}\`: ${error instanceof Error ? error.message : String(error)}`,
          { place: node.position?.start, ruleId: ruleIds.invalidQr, source: 'slidemark' },
        )
        message.fatal = false
      }
    }
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

const voidElements = new Set([
  'br',
  'hr',
  'img',
  'input',
  'wbr',
  'area',
  'col',
  'embed',
  'source',
  'track',
])

/** `<name>` right after a non-space character, never closed in the same paragraph: a placeholder. */
function isPlaceholder(node: Html, index: number, parent: Parent): boolean {
  const name = /^<([a-z][\w-]*)>$/i.exec(node.value)?.[1]
  if (!name || voidElements.has(name.toLowerCase())) return false
  const before = parent.children[index - 1]
  if (before?.type !== 'text' || !/\S$/.test(before.value)) return false
  const closer = `</${name.toLowerCase()}>`
  return !parent.children.some(
    (child) => child.type === 'html' && child.value.toLowerCase() === closer,
  )
}
