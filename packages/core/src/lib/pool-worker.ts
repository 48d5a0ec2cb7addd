/**
 * The worker side of `compileInPool()`: one per thread of the pool. On
 * start it loads the pipeline and creates the Shiki highlighter with the
 * default themes (once per thread); each task renders a batch of slides.
 * `pnpm build` bundles it as CommonJS (dist/worker/compile-thread.cjs), which
 * the thread runs through pool-worker-loader.ts with V8's code cache.
 */
import { bundledLanguages } from 'shiki'
import { getSharedHighlighter } from './highlighter.js'
import { defaultThemes, type ResolvedOptions } from './options.js'
import { namedLanguages } from './pool-lanes.js'
import { slideParser } from './processor.js'
import { renderSlide } from './render.js'
import type { RenderedSlide } from './source-slide.js'
import type { SlideSource } from './split.js'
import { threadId } from './thread-clock.js'

/** What crosses to the worker: plain data only (user plugins never do). */
export interface RenderTask {
  slides: SlideSource[]
  options: Omit<ResolvedOptions, 'remarkPlugins' | 'rehypePlugins' | 'cache'>
  /**
   * Set by the worker when it starts each slide (after loading grammars): `Date.now()`,
   * its thread id, (unused) and the slide's index in `slides`. The slide's budget
   * counts from there; `clock[0]` is 0 between slides. The watchdog reads the
   * thread's CPU time itself, only for a slide still running when it looks: most
   * slides take milliseconds, and reading `/proc` per slide cost 0.4 ms each.
   */
  clock: Float64Array
}

const thread = threadId()

const highlighter = getSharedHighlighter([defaultThemes.light, defaultThemes.dark])

/**
 * Settles once the thread's Shiki highlighter is made (the pipeline loaded):
 * the loader (pool-worker-loader.ts) waits for it before the thread takes
 * tasks, and a failure fails the thread's start.
 */
export const ready: Promise<void> = highlighter.then(() => undefined)
ready.catch(() => {
  // Reported where it is awaited: by the loader, or by the first task.
})

export default async function renderTask(task: RenderTask): Promise<RenderedSlide[]> {
  await highlighter
  const options: ResolvedOptions = {
    ...task.options,
    remarkPlugins: [],
    rehypePlugins: [],
    cache: undefined,
  }
  const { clock } = task
  const parse = slideParser(options)
  const results: RenderedSlide[] = []
  for (const [index, slide] of task.slides.entries()) {
    clock[0] = 0
    // Loading a grammar is a one-time cost of the thread, not of this slide: on a loaded
    // machine it can take seconds, and it must not count against the slide's budget.
    await loadLanguages(slide.text, [options.themes.light, options.themes.dark])
    clock[3] = index
    clock[1] = thread
    clock[0] = Date.now()
    results.push(await renderSlide(parse, slide, options))
  }
  return results
}

/** Loads the Shiki grammars a slide names (unknown names are left to the pipeline to report). */
async function loadLanguages(text: string, themes: string[]): Promise<void> {
  const names = [...namedLanguages(text)].filter((name) => Object.hasOwn(bundledLanguages, name))
  if (names.length === 0) return
  const highlighter = await getSharedHighlighter(themes)
  const loaded = new Set(highlighter.getLoadedLanguages())
  for (const name of names) {
    if (loaded.has(name)) continue
    try {
      await highlighter.loadLanguage(name as never)
    } catch {
      // The pipeline loads it again and reports what went wrong, in its place.
    }
  }
}
