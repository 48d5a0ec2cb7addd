import type { Processor } from 'unified'
import { laxHeadingSyntax } from './micromark-lax-heading.js'

/** `remarkLaxHeadings` has no options yet; the type is here so it can grow. */
export type RemarkLaxHeadingsOptions = Record<string, never>

/**
 * Read ATX headings as Python-Markdown does: `#Title` with no space after the
 * hashes is a heading, a `#` line inside a paragraph splits the paragraph
 * and becomes a heading, closing hashes are stripped. Code blocks are not
 * touched (the syntax only applies where a block can start).
 */
export function remarkLaxHeadings(this: Processor, _options?: RemarkLaxHeadingsOptions): void {
  const data = this.data()
  if (!data.micromarkExtensions) data.micromarkExtensions = []
  data.micromarkExtensions.push(laxHeadingSyntax())
}
