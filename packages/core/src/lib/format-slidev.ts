import { parseDocument } from 'yaml'
import type { DeckMeta } from '../types.js'
import { type Background, backgroundHtml, safeCssValue } from './background.js'
import { frontMatterKeyLine } from './format-detect.js'
import { fencedLines, type Line, type PreparedDeck } from './format-lines.js'
import { type PlacedMessage, placedMessage, ruleIds } from './messages.js'
import { type SlideSource, slideFromLines } from './split.js'

interface SlidevPart {
  lines: Line[]
  frontMatter: Record<string, unknown>
  /** Deck line of each front matter key, for messages. */
  keyLines?: Record<string, number>
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
    {
      lines: [],
      frontMatter: {
        layout: meta.layout,
        class: meta.class,
        background: meta.background,
        image: meta.image,
        clicks: meta.clicks,
        transition: meta.transition,
        zoom: meta.zoom,
      },
      keyLines: Object.fromEntries(
        ['layout', 'transition', 'zoom'].map((key) => [
          key,
          frontMatterKeyLine(lines, bodyStart, key),
        ]),
      ),
    },
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
        part.keyLines = keyLines(lines, index + 1, close)
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
    messages.push(...unsupportedKeys(part))
    if (typeof frontMatter.src === 'string') {
      messages.push(
        placedMessage(
          `Slidev \`src: ${frontMatter.src}\` imports slides from another file: not supported, so those slides are missing`,
          part.keyLines?.src ?? 1,
          1,
          ruleIds.unsupportedSyntax,
        ),
      )
    }
    const source = slideFromLines(withBackground(withSlots(part.lines), frontMatter))
    return source ? [withFrontMatter(source, frontMatter)] : []
  })
  return { slides, messages }
}

/** Slidev's own layouts: the others come from a theme or the deck's `layouts/` folder. */
const builtInLayouts = new Set([
  'default',
  'center',
  'cover',
  'end',
  'fact',
  'full',
  'image',
  'image-left',
  'image-right',
  'intro',
  'none',
  'quote',
  'section',
  'statement',
  'two-cols',
  'two-cols-header',
])

/** Warnings for per-slide keys Slidemark does not apply, at the key's line. */
function unsupportedKeys(part: SlidevPart): PlacedMessage[] {
  const { frontMatter } = part
  const at = (key: string) => part.keyLines?.[key] ?? 1
  const warn = (key: string, reason: string) =>
    placedMessage(reason, at(key), 1, ruleIds.unsupportedSyntax)
  const messages: PlacedMessage[] = []
  const layout = frontMatter.layout
  if (typeof layout === 'string' && layout.startsWith('iframe')) {
    messages.push(
      warn(
        'layout',
        `Slidev layout \`${layout}\` embeds a web page, which Slidemark does not: the slide is drawn without it`,
      ),
    )
  } else if (typeof layout === 'string' && layout !== '' && !builtInLayouts.has(layout)) {
    messages.push(
      warn(
        'layout',
        `Slidev layout \`${layout}\` comes from a theme or the deck's layouts/ folder, which Slidemark does not load: drawn as the default layout (class \`layout-${layout}\`)`,
      ),
    )
  }
  if (typeof frontMatter.transition === 'string' && frontMatter.transition !== '') {
    messages.push(
      warn(
        'transition',
        `Slidev \`transition: ${frontMatter.transition}\` is not supported: the theme’s own slide change is used`,
      ),
    )
  }
  if (frontMatter.zoom !== undefined && frontMatter.zoom !== 1) {
    messages.push(
      warn(
        'zoom',
        `Slidev \`zoom: ${String(frontMatter.zoom)}\` is not applied: Slidemark fits the slide to its box itself`,
      ),
    )
  }
  return messages
}

/** The deck line of each top-level key in a slide's front matter (lines `from`…`to`, 0-based, exclusive). */
function keyLines(lines: readonly string[], from: number, to: number): Record<string, number> {
  const result: Record<string, number> = {}
  for (let index = from; index < to; index++) {
    const key = /^([\w-]+)\s*:/.exec(lines[index] ?? '')?.[1]
    if (key) result[key] = index + 1
  }
  return result
}

const slotLine = /^::([\w-]+)::[ \t]*$/

/**
 * Slidev's named slots (`::right::`, `::left::`, `::bottom::`): the slide's
 * content is cut at those lines into `<div class="slidemark-slot"
 * data-slot="NAME">` (the part before the first, `default`) inside one
 * `<div class="slidemark-slots">`, which the runtime's base stylesheet lays
 * out side by side. A heading that opens the slide stays its header and
 * the notes comment that ends it stays last.
 */
export function withSlots(lines: Line[]): Line[] {
  const fenced = fencedLines(lines)
  const slots = lines.flatMap((entry, index) => {
    const name = fenced[index] ? undefined : slotLine.exec(entry.text)?.[1]
    return name ? [{ index, name }] : []
  })
  if (slots.length === 0) return lines
  let first = lines.findIndex((entry) => entry.text.trim() !== '')
  const head = /^ {0,3}#{1,6}(?:[ \t]|$)/.test(lines[first]?.text ?? '') ? first + 1 : first
  first = Math.min(head, slots[0]?.index ?? head)
  const end = notesStart(lines)
  const at = (index: number) => lines[Math.min(index, lines.length - 1)]?.line ?? 1
  /** The deck line of the last non-blank line before `index`, where a slot closes. */
  const closeAt = (index: number) => {
    let last = Math.min(index, lines.length) - 1
    while (last > 0 && (lines[last]?.text ?? '').trim() === '') last--
    return at(Math.max(last, 0))
  }
  const open = (name: string, line: number): Line[] => [
    { text: '', line },
    { text: `<div class="slidemark-slot" data-slot="${name}">`, line },
    { text: '', line },
  ]
  const close = (line: number): Line[] => [
    { text: '', line },
    { text: '</div>', line },
  ]
  const result: Line[] = [...lines.slice(0, first), { text: '', line: at(first) }]
  result.push({ text: '<div class="slidemark-slots">', line: at(first) })
  const bounds = [{ index: first - 1, name: 'default' }, ...slots]
  bounds.forEach((slot, order) => {
    const stop = Math.min(bounds[order + 1]?.index ?? end, end)
    let last = stop
    while (last > slot.index + 1 && (lines[last - 1]?.text ?? '').trim() === '') last--
    result.push(...open(slot.name, at(slot.index + 1)), ...lines.slice(slot.index + 1, last))
    result.push(...close(closeAt(stop)))
  })
  result.push({ text: '', line: closeAt(end) }, { text: '</div>', line: closeAt(end) })
  return [...result, { text: '', line: at(end) }, ...lines.slice(end)]
}

/** Where the comment that ends a slide (its notes) starts, else the line count. */
function notesStart(lines: Line[]): number {
  let last = lines.length - 1
  while (last >= 0 && (lines[last]?.text ?? '').trim() === '') last--
  if (last < 0 || !/-->[ \t]*$/.test(lines[last]?.text ?? '')) return lines.length
  for (let index = last; index >= 0; index--) {
    if (/^[ \t]*<!--/.test(lines[index]?.text ?? '')) return index
  }
  return lines.length
}

/**
 * Slidev's `background:` (any layout) and `image:` (the `image`,
 * `image-left` and `image-right` layouts) as the slide's background, a
 * split one for `image-left`/`image-right`.
 */
function withBackground(lines: Line[], frontMatter: Record<string, unknown>): Line[] {
  const layout = typeof frontMatter.layout === 'string' ? frontMatter.layout : ''
  const url =
    typeof frontMatter.image === 'string' && /^image(?:-left|-right)?$/.test(layout)
      ? frontMatter.image
      : typeof frontMatter.background === 'string'
        ? frontMatter.background
        : undefined
  if (!url) return lines
  const background: Background = /^(?:#|rgb|hsl|linear-gradient|radial-gradient)/i.test(url)
    ? { images: [], color: safeCssValue(url) }
    : { images: [{ url }] }
  if (layout === 'image-left' || layout === 'image-right') {
    background.split = layout === 'image-left' ? 'left' : 'right'
  }
  const first = Math.max(
    0,
    lines.findIndex((entry) => entry.text.trim() !== ''),
  )
  const line = lines[first]?.line ?? 1
  return [
    ...lines.slice(0, first),
    { text: backgroundHtml(background), line },
    { text: '', line },
    ...lines.slice(first),
  ]
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
  const clicks = Number(frontMatter.clicks)
  if (Number.isInteger(clicks) && clicks > 0) source.minSteps = clicks + 1
  return source
}
