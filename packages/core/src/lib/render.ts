import { VFile } from 'vfile'
import type { CachedSlide } from '../types.js'
import { describe, type PlacedMessage, placedMessage, ruleIds } from './messages.js'
import type { ResolvedOptions } from './options.js'
import { type SlideParser, slideParser } from './processor.js'
import { slideParts } from './slide-parts.js'
import { type RenderedSlide, type SlideRenderer, sourceSlide } from './source-slide.js'
import type { SlideSource } from './split.js'

/** Renders slides one after another on this thread. */
export const renderInProcess: SlideRenderer = async (slides, options) => {
  const parse = slideParser(options)
  const results: RenderedSlide[] = []
  for (const slide of slides) {
    results.push(await renderSlide(parse, slide, options))
  }
  return results
}

/**
 * Render one slide from its own text. Lines in the result are relative to
 * the slide (1 = its first line), which is what the cache stores.
 */
export async function renderSlide(
  parse: SlideParser,
  slide: SlideSource,
  options: Pick<ResolvedOptions, 'filename' | 'rehypePlugins'>,
): Promise<RenderedSlide> {
  const file = new VFile({ value: slide.text, path: options.filename })
  try {
    const parsed = parse(file)
    const processor = parsed.processor
    const tree = await processor.run(parsed.tree, file)
    // Plugins of the user's that ran after rehype-pretty-code may have put anything in its figures.
    const parts = slideParts(tree, slide.text, options.rehypePlugins.length === 0)
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
    const reason = `A plugin failed on this slide, which is shown as source: ${describe(error)}`
    return sourceSlide(slide, [
      ...fileMessages(file, slide),
      placedMessage(reason, 1, 1, ruleIds.pluginError, 'error'),
    ])
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
  const lines = slide.text.split('\n')
  const line = Number.isFinite(value.line)
    ? Math.min(Math.max(1, Math.trunc(value.line)), lines.length)
    : 1
  const lastColumn = (lines[line - 1]?.length ?? 0) + 1
  const column = Number.isFinite(value.column)
    ? Math.min(Math.max(1, Math.trunc(value.column)), lastColumn)
    : 1
  return line === value.line && column === value.column ? value : { ...value, line, column }
}
