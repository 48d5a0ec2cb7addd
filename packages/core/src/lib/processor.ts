import type { Root as HastRoot } from 'hast'
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast'
import rehypePrettyCode, { type Options as PrettyCodeOptions } from 'rehype-pretty-code'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { type Processor, unified } from 'unified'
import type { VFile } from 'vfile'
import { getSharedHighlighter } from './highlighter.js'
import { rehypeMath, remarkProtectStepMarkers } from './math.js'
import type { ResolvedOptions } from './options.js'
import { rehypeCodeStepsToPre } from './rehype-code-steps.js'
import { rehypeRawWhenNeeded } from './rehype-raw-when-needed.js'
import { remarkBangLang } from './remark-bang-lang.js'
import { remarkBuildSteps } from './remark-build-steps.js'
import { remarkCodeLanguages } from './remark-code-languages.js'
import { remarkCodeSteps } from './remark-code-steps.js'
import { remarkLandslideCompat } from './remark-landslide-compat.js'
import { remarkLaxHeadings } from './remark-lax-headings.js'
import { remarkMarpCompat } from './remark-marp-compat.js'
import { remarkMermaid } from './remark-mermaid.js'
import { remarkRemarkCompat } from './remark-remark-compat.js'
import { remarkRevealCompat } from './remark-reveal-compat.js'
import { remarkSlideClasses } from './remark-slide-classes.js'
import { remarkSlideNotes } from './remark-slide-notes.js'
import { remarkSlidevCompat } from './remark-slidev-compat.js'

/** Each format's in-tree compatibility plugin (the split-level half is in format.ts). */
const formatPlugins = {
  landslide: remarkLandslideCompat,
  remark: remarkRemarkCompat,
  reveal: remarkRevealCompat,
  marp: remarkMarpCompat,
  slidev: remarkSlidevCompat,
} as const

export type SlideProcessor = Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string>

/** What a slide's text may contain; what it certainly does not is skipped (see `slideNeeds`). */
export interface SlideNeeds {
  gfm: boolean
  code: boolean
}

const everything: SlideNeeds = { gfm: true, code: true }

/**
 * The unified pipeline for one slide: remark-parse (+ GFM unless `needs.gfm` is false, + the
 * Python-Markdown compatibility), Slidemark's remark plugins, the user's,
 * remark-rehype with raw HTML, rehype-raw, rehype-pretty-code on the shared
 * Shiki highlighter (unless `needs.code` is false), the user's rehype plugins,
 * rehype-stringify. Without `needs.code`, the plugins that only look at code
 * blocks (Mermaid, `!lang`, code languages, code steps onto `<pre>`) are left
 * out too: each walks the whole tree, and code nodes come only from what
 * `mayHaveCode` looks for (about 2 % of a 500-slide compile).
 */
export function createSlideProcessor(
  options: ResolvedOptions,
  needs: SlideNeeds = everything,
): SlideProcessor {
  const processor = unified()
    .use(remarkParse)
    .use(needs.gfm ? [remarkGfm] : [])
  if (options.math) processor.use(remarkProtectStepMarkers).use(remarkMath)
  if (options.compat) processor.use(remarkLaxHeadings)
  if (options.format !== 'auto' && options.format !== 'slidemark') {
    processor.use(formatPlugins[options.format])
  }
  processor
    .use(remarkSlideNotes)
    .use(remarkSlideClasses)
    .use(remarkBuildSteps)
    .use(needs.code ? [remarkMermaid] : [])
    .use(remarkCodeSteps)
  if (options.compat && needs.code) processor.use(remarkBangLang)
  processor
    .use(needs.code ? [[remarkCodeLanguages, { lineNumbers: options.lineNumbers }]] : [])
    .use(options.remarkPlugins)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRawWhenNeeded)
    .use(needs.code ? [rehypeCodeStepsToPre] : [])
    .use(options.math ? [rehypeMath] : [])
    .use(needs.code ? [[rehypePrettyCode, prettyCodeOptions(options)]] : [])
    .use(options.rehypePlugins)
    .use(rehypeStringify)
  return processor as unknown as SlideProcessor
}

function prettyCodeOptions(options: ResolvedOptions): PrettyCodeOptions {
  return {
    theme: options.themes as PrettyCodeOptions['theme'],
    getHighlighter: ({ themes = [] }) =>
      getSharedHighlighter(themes.filter((theme): theme is string => typeof theme === 'string')),
  }
}

const processors = new Map<string, SlideProcessor>()

/**
 * With `autolinkTrigger`, the characters without which no GFM construct can
 * start: table pipes, strikethrough tildes, footnotes (`[^`) and task list
 * boxes here; literal autolinks (`://`, `www.`, `@` of an e-mail) there. A
 * slide with none of them
 * parses to the same tree with or without remark-gfm, so it skips GFM's
 * extensions and its autolink pass over every text node.
 */
const otherTrigger = /[|~]|\[\^|\[[ \txX]\]/
/**
 * The autolink triggers alone. Markdown puts them in a link's destination
 * more often than in its text (`[slides](https://…)`), where no literal
 * autolink can start: a slide whose only triggers are these is parsed
 * without GFM first, and again with it if a trigger is in its text (see
 * `inText`).
 */
const autolinkTrigger = /:\/\/|www\.|@/i

/** Whether `text` may use GFM syntax (false only when it certainly does not). */
export function mayUseGfm(text: string): boolean {
  return otherTrigger.test(text) || autolinkTrigger.test(text)
}

/**
 * Whether an autolink trigger is in the parsed slide's text: in a text node
 * (but not the URL a `<…>` autolink shows) or an image's alt (a label, where
 * GFM's literal autolinks also apply). Elsewhere (code, HTML, link
 * destinations and titles, definitions) GFM would not start an autolink
 * either: a construct that began earlier owns those characters in both
 * parses.
 */
function inText(node: MdastNodes, source: string): boolean {
  if (node.type === 'text') return autolinkTrigger.test(node.value)
  if (node.type === 'image') return autolinkTrigger.test(node.alt ?? '')
  if (node.type === 'link' && source[node.position?.start.offset ?? -1] === '<') return false
  return 'children' in node && node.children.some((child) => inText(child, source))
}

/**
 * What every code element rehype-pretty-code changes starts from: a fence of
 * three backticks or tildes, inline code with a `{:lang}` suffix, raw `<pre>`
 * or `<code>`, or an indented line (indented code, also after `>` or list
 * markers, may get a language from `!lang`). Plain inline code and code
 * without a language are left as they are. A slide with none of them skips
 * rehype-pretty-code, which otherwise walks its whole tree twice.
 */
const codeTrigger =
  /`{3}|~{3}|\{:|<(?:pre|code)\b|^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(?: {4}|\t)/im

/** Whether `text` may hold code to highlight (false only when it certainly does not). */
export function mayHaveCode(text: string): boolean {
  return codeTrigger.test(text)
}

/** The parts of the pipeline `text` may need. */
export function slideNeeds(text: string): SlideNeeds {
  return { gfm: mayUseGfm(text), code: mayHaveCode(text) }
}

/**
 * A frozen processor per option set and needs, built once and reused: a
 * frozen unified processor is safe to share. With user plugins a new one is
 * built for each call, always with every part (a plugin may look for what
 * they add).
 */
export function getSlideProcessor(
  options: ResolvedOptions,
  needs: SlideNeeds = everything,
): SlideProcessor {
  if (hasUserPlugins(options)) return createSlideProcessor(options)
  const key = JSON.stringify([
    options.themes,
    options.lineNumbers,
    options.compat,
    options.format,
    options.math,
    needs.gfm,
    needs.code,
  ])
  let processor = processors.get(key)
  if (!processor) {
    processor = createSlideProcessor(options, needs)
    processor.freeze()
    processors.set(key, processor)
  }
  return processor
}

/** A slide's mdast and the processor to run it with: only the parts the slide needs. */
export type SlideParser = (file: VFile) => { processor: SlideProcessor; tree: MdastRoot }

/**
 * For one compile: each slide parsed by the processor of its option set and
 * `slideNeeds`, without GFM where only autolink triggers ask for it and
 * none is in the slide's text (see `inText`); with user plugins, one
 * processor with every part for every slide (a plugin may look for what
 * they add).
 */
export function slideParser(options: ResolvedOptions): SlideParser {
  if (hasUserPlugins(options)) {
    const processor = createSlideProcessor(options)
    return (file) => ({ processor, tree: processor.parse(file) })
  }
  return (file) => {
    const text = String(file.value)
    const needs = slideNeeds(text)
    if (needs.gfm && !otherTrigger.test(text)) {
      const processor = getSlideProcessor(options, { ...needs, gfm: false })
      const tree = processor.parse(file)
      if (!inText(tree, text)) return { processor, tree }
    }
    const processor = getSlideProcessor(options, needs)
    return { processor, tree: processor.parse(file) }
  }
}

function hasUserPlugins(options: ResolvedOptions): boolean {
  return options.remarkPlugins.length > 0 || options.rehypePlugins.length > 0
}
