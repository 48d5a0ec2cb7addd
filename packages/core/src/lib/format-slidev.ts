import { parseDocument } from 'yaml'
import type { DeckMeta } from '../types.js'
import type { Line, PreparedDeck } from './format-lines.js'
import { type PlacedMessage, placedMessage, ruleIds } from './messages.js'
import { type SlideSource, slideFromLines } from './split.js'

interface SlidevPart {
  lines: Line[]
  frontMatter: Record<string, unknown>
}

/**
 * Slidev decks, split as `@slidev/parser` does: every line starting with
 * `---` outside ``` fences and HTML comments ends a slide; when that line is
 * exactly `---` and the next line is not blank, the lines up to the next
 * `---` are the new slide's front matter. Per-slide front matter is
 * consumed: `layout: name` adds the class `layout-name`, `class:` adds
 * classes, `disabled: true` / `hide: true` drop the slide. The deck's front
 * matter (Slidev's headmatter) is the first slide's too.
 */
export function prepareSlidev(
  lines: readonly string[],
  bodyStart: number,
  meta: DeckMeta,
): PreparedDeck {
  const messages: PlacedMessage[] = []
  const parts: SlidevPart[] = [
    { lines: [], frontMatter: { layout: meta.layout, class: meta.class } },
  ]
  let inComment = false
  for (let index = bodyStart; index < lines.length; index++) {
    const text = lines[index] ?? ''
    const line = text.trimEnd()
    const current = parts[parts.length - 1] as SlidevPart
    if (inComment) {
      inComment = !text.includes('-->')
      current.lines.push({ text, line: index + 1 })
      continue
    }
    if (line.startsWith('---')) {
      const part: SlidevPart = { lines: [], frontMatter: {} }
      parts.push(part)
      if (line[3] !== '-' && (lines[index + 1] ?? '').trim() !== '') {
        let close = index + 1
        while (close < lines.length && (lines[close] ?? '').trimEnd() !== '---') close++
        part.frontMatter = readSlideFrontMatter(lines.slice(index + 1, close), index + 2, messages)
        index = close
      }
      continue
    }
    current.lines.push({ text, line: index + 1 })
    const fence = /^[ \t]*(`{3,})/.exec(line)?.[1]
    if (fence) {
      let close = index + 1
      while (close < lines.length && !(lines[close] ?? '').startsWith(fence)) close++
      if (close < lines.length) {
        for (let inner = index + 1; inner <= close; inner++) {
          current.lines.push({ text: lines[inner] ?? '', line: inner + 1 })
        }
        index = close
      }
    } else if (/<!--/.test(text)) inComment = !text.slice(text.lastIndexOf('<!--')).includes('-->')
  }
  const slides = parts.flatMap((part) => {
    const { frontMatter } = part
    if (frontMatter.disabled === true || frontMatter.hide === true) return []
    const source = slideFromLines(part.lines)
    return source ? [withFrontMatter(source, frontMatter)] : []
  })
  return { slides, messages }
}

function readSlideFrontMatter(
  lines: readonly string[],
  firstLine: number,
  messages: PlacedMessage[],
): Record<string, unknown> {
  const document = parseDocument(lines.join('\n'))
  const error = document.errors[0]
  if (error) {
    const place = error.linePos?.[0]
    messages.push(
      placedMessage(
        `Invalid slide front matter: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
        firstLine + (place?.line ?? 1) - 1,
        place?.col ?? 1,
        ruleIds.invalidFrontMatter,
        'error',
      ),
    )
    return {}
  }
  const value: unknown = document.toJS()
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function withFrontMatter(source: SlideSource, frontMatter: Record<string, unknown>): SlideSource {
  const classes: string[] = []
  if (typeof frontMatter.layout === 'string' && frontMatter.layout !== '') {
    classes.push(`layout-${frontMatter.layout}`)
  }
  const named = frontMatter.class
  if (typeof named === 'string') classes.push(...named.split(/\s+/).filter(Boolean))
  else if (Array.isArray(named))
    classes.push(...named.filter((name): name is string => typeof name === 'string'))
  if (classes.length > 0) source.classes = classes
  return source
}
