import { VFile } from 'vfile'
import type { CachedSlide } from '../types.js'
import { describe, type PlacedMessage, placedMessage, ruleIds } from './messages.js'
import type { ResolvedOptions } from './options.js'
import { getSlideProcessor, type SlideProcessor } from './processor.js'
import { slideParts } from './slide-parts.js'
import type { SlideSource } from './split.js'

/** One slide rendered from its own text; `ok: false` results are never cached. */
export interface RenderedSlide {
  slide: CachedSlide
  ok: boolean
}

/**
 * Renders the slides the cache did not have, in the order given. Lines in
 * the results are relative to each slide (1 = its first line). `compile()`
 * renders in process; `compileInPool()` hands slides to worker threads.
 */
export type SlideRenderer = (
  slides: SlideSource[],
  options: ResolvedOptions,
) => Promise<RenderedSlide[]>

/** Renders slides one after another on this thread. */
export const renderInProcess: SlideRenderer = async (slides, options) => {
  const processor = getSlideProcessor(options)
  const results: RenderedSlide[] = []
  for (const slide of slides) results.push(await renderSlide(processor, slide, options))
  return results
}

/**
 * Render one slide from its own text. Lines in the result are relative to
 * the slide (1 = its first line), which is what the cache stores.
 */
export async function renderSlide(
  processor: SlideProcessor,
  slide: SlideSource,
  options: Pick<ResolvedOptions, 'filename'>,
): Promise<RenderedSlide> {
  const file = new VFile({ value: slide.text, path: options.filename })
  try {
    const tree = await processor.run(processor.parse(file), file)
    const parts = slideParts(tree, slide.text)
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

/**
 * A slide that could not be rendered, shown as its escaped source in
 * `<pre class="slidemark-error">`, with the messages that say why. Never cached.
 */
export function sourceSlide(slide: SlideSource, messages: PlacedMessage[]): RenderedSlide {
  return {
    slide: {
      header: '',
      title: '',
      content: `<pre class="slidemark-error"><code>${escapeHtml(slide.text)}</code></pre>`,
      notes: '',
      classes: [],
      steps: 1,
      hasHeading: false,
      bodyIsEmpty: false,
      assets: [],
      messages,
    },
    ok: false,
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

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
