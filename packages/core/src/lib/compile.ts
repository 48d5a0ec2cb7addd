import type {
  CachedSlide,
  CompileOptions,
  Deck,
  DeckFormat,
  DeckMessage,
  DeckMeta,
  Slide,
  SlideCache,
  SlideRunning,
} from '../types.js'
import { defaultCache, isCachedSlide, optionsFingerprint } from './cache.js'
import { isOwnCodeTheme } from './code-themes.js'
import { prepareSlides, splitsPlainly, usesPythonMarkdown } from './format.js'
import { chooseFormat } from './format-detect.js'
import { readFrontMatter } from './front-matter.js'
import {
  type DeckMemo,
  deckLines,
  keptChoice,
  recallDeck,
  rememberDeck,
  reuseSplit,
  TextFactsTable,
} from './incremental.js'
import { describe, type PlacedMessage, placedMessage, ruleIds, shiftLine } from './messages.js'
import { normalizeSource } from './normalize.js'
import {
  applyDeckSwitches,
  defaultThemes,
  frontMatterLine,
  type ResolvedOptions,
  resolveOptions,
} from './options.js'
import { hasDiagrams, placeDiagrams } from './remark-mermaid.js'
import { checkSlides } from './slide-checks.js'
import type { RenderedSlide, SlideRenderer } from './source-slide.js'
import { deckLine, type SlideSource } from './split.js'

/** Renders on this thread; the pipeline (unified, Shiki) loads on the first slide to render. */
const renderInProcess: SlideRenderer = async (slides, options) =>
  (await import('./render.js')).renderInProcess(slides, options)

/**
 * Compile a deck's Markdown into slides. Never throws: every problem is a
 * message in `deck.messages` with its line and column in `source`.
 */
export function compile(source: string, options: CompileOptions = {}): Promise<Deck> {
  return compileWith(source, options, renderInProcess)
}

/**
 * `compile()` with the slides the cache misses rendered by `render` (on this
 * thread, or in worker threads: `compileInPool()`). Everything else (front
 * matter, splitting, the cache, title slides, messages) happens here.
 */
export async function compileWith(
  source: string,
  options: CompileOptions,
  render: SlideRenderer,
): Promise<Deck> {
  const settings = options ?? {} // `null` from JavaScript callers, too
  const filename = typeof settings.filename === 'string' ? settings.filename : undefined
  try {
    const resolved = resolveOptions(settings, defaultCache)
    return await compileDeck(String(source), resolved, render, typeof settings.math === 'boolean')
  } catch (error) {
    const message = placedMessage(
      `Slidemark failed to compile this deck: ${describe(error)}`,
      1,
      1,
      ruleIds.internalError,
      'error',
    )
    return { meta: {}, slides: [], messages: [{ ...message, file: filename }] }
  }
}

async function compileDeck(
  source: string,
  options: ResolvedOptions,
  render: SlideRenderer,
  /** Whether the caller set `math`; else Marp and Slidev decks get math, as in those tools. */
  mathChosen = false,
): Promise<Deck> {
  const text = normalizeSource(source)
  const memo = recallDeck(options.cache, options.filename)
  const { lines, generations, changed } = deckLines(text, memo)
  const frontMatter = readFrontMatter(lines)
  const switches = applyDeckSwitches(options, frontMatter.meta, lines)
  options = switches.options
  const { bodyStart } = frontMatter
  const formatOption = options.format
  // After an edit of a few body lines that read as before, the last compile's format stands.
  const kept = keptChoice(memo, changed, formatOption, bodyStart, lines)
  const choice = kept ?? chooseFormat(formatOption, frontMatter.meta, lines, bodyStart)
  const format = choice.format
  options.format = format
  if (!mathChosen && mathByDefault(format) && !Object.hasOwn(frontMatter.meta, 'math')) {
    options = { ...options, math: true }
  }
  options.compat = options.compat && usesPythonMarkdown(format)
  const reused = kept && reuseSplit(memo, lines, changed, options.compat)
  const prepared =
    reused ?? prepareSlides(format, lines, bodyStart, frontMatter.meta, options.compat)
  const sources = prepared.slides
  const facts = new TextFactsTable(memo, reused !== undefined)
  const themeMessages = await checkThemes(options, frontMatter.meta, lines)
  // Rendering starts first (a pool's threads get their slides now); the deck's checks run meanwhile.
  const rendering = renderSlides(sources, options, render, facts)
  rendering.catch(() => {}) // awaited below, also if a check throws first
  const messages: PlacedMessage[] = [
    ...frontMatter.messages,
    ...switches.messages,
    ...choice.messages,
    ...prepared.messages,
    ...checkSlides(sources, (slide) => facts.of(slide).fence),
    ...themeMessages,
  ]
  const rendered = await rendering
  const running = await renderRunning(sources, options, render, facts)
  const texts = facts.texts
  const memoOfThis: DeckMemo = { text, lines, generations, formatOption, bodyStart, choice, texts }
  if (splitsPlainly(format)) memoOfThis.prepared = { compat: options.compat, deck: prepared }
  rememberDeck(options.cache, options.filename, memoOfThis)

  const slides: Slide[] = []
  let titleSlideSeen = false
  sources.forEach((slideSource, index) => {
    const value = rendered[index] as CachedSlide
    const place = <T extends { line: number; column: number }>(item: T): T =>
      withinLine(shiftLine(item, deckLine(slideSource, item.line) - item.line), lines)
    if (value.messages.length > 0) messages.push(...value.messages.map(place))
    const isTitle = !value.hasHeading && !titleSlideSeen
    if (isTitle) titleSlideSeen = true
    const slide: Slide = {
      index,
      title: value.hasHeading || isTitle ? value.title : '',
      header: value.header,
      content: placeSlideDiagrams(value, slideSource),
      kind: isTitle ? 'title' : value.hasHeading && value.bodyIsEmpty ? 'segue' : 'content',
      steps: Math.max(value.steps, slideSource.minSteps ?? 1),
      notes: value.notes,
      classes: slideClasses(slideSource.classes, value.classes),
      source: { start: slideSource.start, end: slideSource.end },
      assets: value.assets.length > 0 ? value.assets.map(place) : [],
    }
    // Set, not spread: spreading a literal per slide costs more than the rest of this loop.
    if (slideSource.id) slide.id = slideSource.id
    const runningParts = running[index]
    if (runningParts) slide.running = runningParts
    if (slideSource.uncounted) slide.uncounted = true
    slides.push(slide)
  })
  return {
    meta: prepared.meta ?? frontMatter.meta,
    ...(format !== 'slidemark' ? { format } : {}),
    slides,
    messages: messages
      .sort((a, b) => a.line - b.line || a.column - b.column)
      .map((message): DeckMessage => ({ ...message, file: options.filename })),
  }
}

/** The format's classes, then the slide's own, each once; a new array (the cached one stays as is). */
function slideClasses(fromFormat: readonly string[] | undefined, own: readonly string[]): string[] {
  if (!fromFormat?.length && own.length === 0) return []
  return [...new Set([...(fromFormat ?? []), ...own])]
}

/** Rendered slides known to hold no diagram: their HTML is not searched again on the next compile. */
const withoutDiagrams = new WeakSet<CachedSlide>()

/** The slide's HTML with its diagrams' lines made deck lines. */
function placeSlideDiagrams(value: CachedSlide, slide: SlideSource): string {
  if (withoutDiagrams.has(value)) return value.content
  if (hasDiagrams(value.content))
    return placeDiagrams(value.content, (line) => deckLine(slide, line))
  withoutDiagrams.add(value)
  return value.content
}

/**
 * A place kept inside its deck line: a format's rewrite (remark's `.red[x]`
 * → `<span class="red">x</span>`) can make a slide's line longer than the
 * deck's, and a column past the end would point nowhere.
 */
function withinLine<T extends { line: number; column: number }>(
  item: T,
  lines: readonly string[],
): T {
  const end = (lines[item.line - 1]?.length ?? 0) + 1
  return item.column > end ? { ...item, column: end } : item
}

/** Marp (marp-core's `math` option) and Slidev (KaTeX built in) render `$…$` unless told not to. */
function mathByDefault(format: DeckFormat): boolean {
  return format === 'marp' || format === 'slidev'
}

/**
 * Every slide's rendered value (slide-relative lines), from the cache or
 * from `render`, which gets each missing slide text once even when the deck
 * repeats it. Slides that rendered are cached; the cache is flushed once.
 */
async function renderSlides(
  sources: SlideSource[],
  options: ResolvedOptions,
  render: SlideRenderer,
  facts: TextFactsTable,
): Promise<CachedSlide[]> {
  const fingerprint = optionsFingerprint(options)
  const keys = sources.map((slide) => facts.key(slide, fingerprint))
  const values = keys.map((key) => readCache(options.cache, key))
  const missing = new Map<string, SlideSource>()
  keys.forEach((key, index) => {
    if (!values[index] && !missing.has(key)) missing.set(key, sources[index] as SlideSource)
  })
  if (missing.size > 0) {
    const missingKeys = [...missing.keys()]
    const cached = new Set<number>()
    // A failed render may be transient (a grammar that did not load): don't keep it.
    const keep = (index: number, result: RenderedSlide | undefined) => {
      if (!result?.ok || cached.has(index)) return
      cached.add(index)
      options.cache?.set(missingKeys[index] as string, result.slide)
    }
    // Batches are stored as they come back: the store is written while the rest render.
    const results = await render([...missing.values()], options, (indices, batch) => {
      indices.forEach((index, offset) => {
        keep(index, batch[offset])
      })
      flushCache(options.cache)
    })
    const fresh = new Map<string, CachedSlide>()
    missingKeys.forEach((key, index) => {
      const result = results[index]
      if (!result) throw new Error(`no result for slide ${index + 1} of ${missing.size}`)
      fresh.set(key, result.slide)
      keep(index, result)
    })
    keys.forEach((key, index) => {
      values[index] ??= fresh.get(key)
    })
  }
  flushCache(options.cache)
  return values as CachedSlide[]
}

/**
 * Each slide's running header and footer (Marp's directives, inline
 * Markdown) as HTML, rendered like slides (and cached with them), each
 * distinct text once.
 */
async function renderRunning(
  sources: SlideSource[],
  options: ResolvedOptions,
  render: SlideRenderer,
  facts: TextFactsTable,
): Promise<Array<SlideRunning | undefined>> {
  if (!sources.some((slide) => slide.running)) return sources.map(() => undefined)
  const texts = [
    ...new Set(sources.flatMap((slide) => [slide.running?.header, slide.running?.footer])),
  ].filter((text): text is string => text !== undefined)
  if (texts.length === 0) return sources.map(() => undefined)
  const pieces = texts.map((text): SlideSource => ({ start: 1, end: 1, text }))
  const rendered = await renderSlides(pieces, options, render, facts)
  const html = new Map(
    texts.map((text, index) => [
      text,
      (rendered[index]?.content ?? '').replace(/^<p>([\s\S]*)<\/p>$/, '$1'),
    ]),
  )
  return sources.map(({ running }) => {
    if (!running) return undefined
    const result: SlideRunning = {}
    if (running.header !== undefined) result.header = html.get(running.header) ?? ''
    if (running.footer !== undefined) result.footer = html.get(running.footer) ?? ''
    if (running.pageNumber) result.pageNumber = true
    return result
  })
}

/**
 * Cache entries found well-formed: a memory cache hands back the same
 * objects compile after compile, and checking each again costs more than
 * the lookup.
 */
const checkedSlides = new WeakSet<CachedSlide>()

/** A cached slide, if the cache holds a well-formed one: anything else is a miss. */
function readCache(cache: SlideCache | undefined, key: string): CachedSlide | undefined {
  try {
    const value = cache?.get(key)
    if (checkedSlides.has(value as CachedSlide)) return value as CachedSlide
    if (!isCachedSlide(value)) return undefined
    checkedSlides.add(value)
    return value
  } catch {
    return undefined // a cache that throws only costs speed
  }
}

function flushCache(cache: SlideCache | undefined): void {
  try {
    cache?.flush?.()
  } catch {
    // Writing the cache only saves time later; the deck is compiled.
  }
}

/** An unknown Shiki theme is a warning; the default theme of that color scheme is used instead. */
async function checkThemes(
  options: ResolvedOptions,
  meta: DeckMeta,
  lines: readonly string[],
): Promise<PlacedMessage[]> {
  const messages: PlacedMessage[] = []
  for (const scheme of ['light', 'dark'] as const) {
    const theme = options.themes[scheme]
    if (theme === defaultThemes[scheme] || isOwnCodeTheme(theme)) continue
    const { bundledThemes } = await import('shiki')
    if (Object.hasOwn(bundledThemes, theme)) continue
    const fromDeck = scheme === 'light' && meta.codeTheme === theme
    messages.push(
      placedMessage(
        `Unknown ${scheme} theme \`${theme}\`: using \`${defaultThemes[scheme]}\``,
        fromDeck ? frontMatterLine(lines, 'codeTheme') : 1,
        1,
        ruleIds.unknownTheme,
      ),
    )
    options.themes = { ...options.themes, [scheme]: defaultThemes[scheme] }
  }
  return messages
}
