import { bundledThemes } from 'shiki'
import { VFile } from 'vfile'
import type { CachedSlide, CompileOptions, Deck, DeckMessage, Slide } from '../types.js'
import { defaultCache, optionsFingerprint, slideCacheKey } from './cache.js'
import { readFrontMatter } from './front-matter.js'
import { type PlacedMessage, placedMessage, ruleIds, shiftLine } from './messages.js'
import { normalizeSource } from './normalize.js'
import { defaultThemes, type ResolvedOptions, resolveOptions } from './options.js'
import { getSlideProcessor, type SlideProcessor } from './processor.js'
import { slideParts } from './slide-parts.js'
import { type SlideSource, splitSlides } from './split.js'

/**
 * Compile a deck's Markdown into slides. Never throws: every problem is a
 * message in `deck.messages` with its line and column in `source`.
 */
export async function compile(source: string, options: CompileOptions = {}): Promise<Deck> {
  const settings = options ?? {} // `null` from JavaScript callers, too
  const filename = typeof settings.filename === 'string' ? settings.filename : undefined
  try {
    return await compileDeck(String(source), resolveOptions(settings, defaultCache))
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

async function compileDeck(source: string, options: ResolvedOptions): Promise<Deck> {
  const text = normalizeSource(source)
  const lines = text.split('\n')
  const frontMatter = readFrontMatter(lines)
  const sources = splitSlides(lines, { from: frontMatter.bodyStart, compat: options.compat })
  const messages: PlacedMessage[] = [...frontMatter.messages, ...checkThemes(options)]
  const fingerprint = optionsFingerprint(options)
  const processor = getSlideProcessor(options)

  const slides: Slide[] = []
  let titleSlideSeen = false
  for (const slideSource of sources) {
    const key = slideCacheKey(slideSource.text, fingerprint)
    let rendered = options.cache?.get(key)
    if (!rendered) {
      const result = await renderSlide(processor, slideSource, options)
      rendered = result.slide
      // A failed render may be transient (a grammar that did not load): don't keep it.
      if (result.ok) options.cache?.set(key, rendered)
    }
    const delta = slideSource.start - 1
    messages.push(...rendered.messages.map((message) => shiftLine(message, delta)))
    const isTitle = !rendered.hasHeading && !titleSlideSeen
    if (isTitle) titleSlideSeen = true
    slides.push({
      index: slides.length,
      title: rendered.hasHeading || isTitle ? rendered.title : '',
      header: rendered.header,
      content: rendered.content,
      kind: isTitle ? 'title' : rendered.hasHeading && rendered.bodyIsEmpty ? 'segue' : 'content',
      steps: rendered.steps,
      notes: rendered.notes,
      classes: [...rendered.classes],
      source: { start: slideSource.start, end: slideSource.end },
      assets: rendered.assets.map((asset) => shiftLine(asset, delta)),
    })
  }
  return {
    meta: frontMatter.meta,
    slides,
    messages: messages
      .sort((a, b) => a.line - b.line || a.column - b.column)
      .map((message): DeckMessage => ({ ...message, file: options.filename })),
  }
}

/**
 * Render one slide from its own text. Lines in the result are relative to
 * the slide (1 = its first line), which is what the cache stores.
 */
async function renderSlide(
  processor: SlideProcessor,
  slide: SlideSource,
  options: ResolvedOptions,
): Promise<{ slide: CachedSlide; ok: boolean }> {
  const file = new VFile({ value: slide.text, path: options.filename })
  try {
    const tree = await processor.run(processor.parse(file), file)
    const parts = slideParts(tree)
    const rendered: CachedSlide = {
      header: processor.stringify(parts.header).trim(),
      title: parts.title,
      content: processor.stringify(parts.content).trim(),
      notes: processor.stringify(parts.notes).trim(),
      classes: file.data.slideClasses ?? [],
      steps: file.data.buildSteps ?? 1,
      hasHeading: parts.hasHeading,
      bodyIsEmpty: parts.bodyIsEmpty,
      assets: parts.assets.map((asset) => clampToSlide(asset, slide)),
      messages: fileMessages(file, slide),
    }
    return { slide: rendered, ok: true }
  } catch (error) {
    const rendered: CachedSlide = {
      header: '',
      title: '',
      content: `<pre class="slidemark-error"><code>${escapeHtml(slide.text)}</code></pre>`,
      notes: '',
      classes: [],
      steps: 1,
      hasHeading: false,
      bodyIsEmpty: false,
      assets: [],
      messages: [
        ...fileMessages(file, slide),
        placedMessage(
          `A plugin failed on this slide, which is shown as source: ${describe(error)}`,
          1,
          1,
          ruleIds.pluginError,
          'error',
        ),
      ],
    }
    return { slide: rendered, ok: false }
  }
}

/** The messages plugins left on a slide's file, placed inside the slide (slide-relative lines). */
function fileMessages(file: VFile, slide: SlideSource): PlacedMessage[] {
  return file.messages.map((message) =>
    clampToSlide(
      placedMessage(
        message.reason,
        message.line ?? 1,
        message.column ?? 1,
        message.ruleId ?? 'plugin-message',
        message.fatal ? 'error' : 'warning',
      ),
      slide,
    ),
  )
}

/** Keep a (slide-relative) place inside the slide, whatever a plugin reported. */
function clampToSlide<T extends { line: number; column: number }>(value: T, slide: SlideSource): T {
  const lineCount = slide.end - slide.start + 1
  const line = Number.isFinite(value.line)
    ? Math.min(Math.max(1, Math.trunc(value.line)), lineCount)
    : 1
  const column = Number.isFinite(value.column) ? Math.max(1, Math.trunc(value.column)) : 1
  return line === value.line && column === value.column ? value : { ...value, line, column }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message
  try {
    return String(error)
  } catch {
    return 'unknown error'
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** An unknown Shiki theme is a warning; the default theme of that color scheme is used instead. */
function checkThemes(options: ResolvedOptions): PlacedMessage[] {
  const messages: PlacedMessage[] = []
  for (const scheme of ['light', 'dark'] as const) {
    const theme = options.themes[scheme]
    if (Object.hasOwn(bundledThemes, theme)) continue
    messages.push(
      placedMessage(
        `Unknown ${scheme} theme \`${theme}\`: using \`${defaultThemes[scheme]}\``,
        1,
        1,
        ruleIds.unknownTheme,
      ),
    )
    options.themes = { ...options.themes, [scheme]: defaultThemes[scheme] }
  }
  return messages
}
