import { availableParallelism } from 'node:os'
import Tinypool from 'tinypool'
import type { CompileOptions, Deck } from '../types.js'
import { builtFile } from './built-file.js'
import { describe, placedMessage, ruleIds } from './messages.js'
import type { ResolvedOptions } from './options.js'
import { laneQueues, takeBatch } from './pool-lanes.js'
import type { RenderTask } from './pool-worker.js'
import { type RenderedSlide, type SlideRenderer, sourceSlide } from './source-slide.js'
import type { SlideSource } from './split.js'
import { threadCpuMs } from './thread-clock.js'

export interface PoolCompileOptions extends CompileOptions {
  /**
   * Milliseconds of CPU time one slide may spend rendering (counted from when
   * a worker starts it, not while it waits; on Linux, elsewhere wall-clock
   * time; and at most 6× as long in wall-clock time on a busy machine)
   * before its worker is stopped: the slide
   * becomes a `slide-timeout` error at its first line and is shown as its
   * source; the other slides compile. Default: `10_000`.
   */
  slideTimeout?: number
}

/** Default of `slideTimeout`: far above any real slide (tens of ms), well below "is it hung?". */
export const defaultSlideTimeout = 10_000

/**
 * Slides one thread gets before another thread is worth starting: a thread
 * costs a start-up (loading the pipeline and Shiki) of about as much as
 * rendering this many slides, so a small deck uses one thread.
 */
export const slidesPerThread = 40

/**
 * `compile()`, with the slides the cache misses rendered in a pool of worker
 * threads (tinypool), in parallel on every core. The calling thread only
 * splits, reads the cache and assembles, so it stays free to handle
 * Ctrl-C; a slide over `slideTimeout` is stopped and reported, not waited
 * for. Output is the same as `compile()`'s. With `remarkPlugins` or
 * `rehypePlugins` (functions cannot be sent to a thread) this is `compile()`.
 */
export async function compileInPool(
  source: string,
  options: PoolCompileOptions = {},
): Promise<Deck> {
  // Loaded here, not on import: `startCompilePool()` starts the threads before the compiler loads.
  const { compile, compileWith } = await import('./compile.js')
  const { slideTimeout = defaultSlideTimeout, ...compileOptions } = options ?? {}
  const plugins = [compileOptions.remarkPlugins, compileOptions.rehypePlugins]
  if (plugins.some((list) => Array.isArray(list) && list.length > 0)) {
    return compile(source, compileOptions)
  }
  const budget = Number.isFinite(slideTimeout) && slideTimeout > 0 ? slideTimeout : Infinity
  return compileWith(source, compileOptions, (slides, resolved, onRendered) =>
    renderInPool(slides, resolved, budget, onRendered),
  )
}

let pool: Tinypool | undefined

/**
 * Stops every worker thread of the pool now, even one in the middle of a
 * slide (a later `compileInPool()` starts a new pool). Idle workers never
 * keep a process alive; call this to end one that is busy, e.g. on Ctrl-C.
 */
export async function destroyCompilePool(): Promise<void> {
  const current = pool
  pool = undefined
  await current?.destroy()
}

/**
 * Starts the pool's threads now, as many as a deck of about `slides`
 * slides will use (one per `slidesPerThread`, at most one per core), so
 * they load the pipeline and create the Shiki highlighter while the caller
 * does something else (the CLI: loading Vite). Does nothing once the pool
 * runs; `compileInPool()` starts it anyway when needed.
 */
export function startCompilePool(slides = 1): void {
  getPool(Math.ceil(Math.max(1, slides) / slidesPerThread))
}

/** Slides in `source` if it splits on `---` lines: a hint for `startCompilePool`, never exact. */
export function estimateSlides(source: string): number {
  return (source.match(/^---[ \t]*$/gm)?.length ?? 0) + 1
}

/**
 * The pool, started on first use: up to one thread per core, `threads` of
 * them (at least one) started at once and kept warm between compiles.
 */
function getPool(threads = 1): Tinypool {
  const maxThreads = availableParallelism()
  pool ??= new Tinypool({
    filename: workerFile().href,
    minThreads: Math.min(maxThreads, Math.max(1, threads)),
    maxThreads,
    // Extra threads stay a while for the next compile (a dev-server edit, the next deck).
    idleTimeout: 30_000,
  })
  return pool
}

/**
 * The worker module: pool-worker-loader.ts, which runs pool-worker.ts as
 * bundled by `pnpm build` (see rolldown.config.js) with V8's code cache.
 * Tests run this file as TypeScript and use the built bundle too.
 */
function workerFile(): URL {
  return builtFile('worker/pool-worker.js')
}

/**
 * Renders `slides` on at most one thread per `slidesPerThread` slides. Each
 * thread gets a batch of slides per task, from its own lane of slides that
 * name the same code languages (see `laneQueues`), then from the others'.
 * Each batch is passed to `onRendered` as it comes back.
 */
const renderInPool = async (
  slides: SlideSource[],
  options: ResolvedOptions,
  budget: number,
  onRendered?: Parameters<SlideRenderer>[2],
): Promise<RenderedSlide[]> => {
  const threads = getPool()
  const lanes = Math.min(threads.options.maxThreads, Math.ceil(slides.length / slidesPerThread))
  const queues = laneQueues(slides, lanes)
  const results: RenderedSlide[] = new Array(slides.length)
  const lane = async (own: number[]) => {
    for (let batch = takeBatch(own, queues); batch.length > 0; batch = takeBatch(own, queues)) {
      const sources = batch.map((index) => slides[index] as SlideSource)
      const rendered = await renderBatch(threads, sources, options, budget)
      rendered.forEach((result, offset) => {
        results[batch[offset] as number] = result
      })
      onRendered?.(batch, rendered)
    }
  }
  await Promise.all(queues.map(lane))
  return results
}

/**
 * Renders `batch` in one task. When a slide goes over its budget the thread
 * is stopped: that slide becomes a `slide-timeout` error and the others of
 * the batch are rendered again. When the thread fails otherwise (it ran out
 * of memory, say), the batch is split until the failing slide is alone.
 */
async function renderBatch(
  threads: Tinypool,
  batch: SlideSource[],
  options: ResolvedOptions,
  budget: number,
): Promise<RenderedSlide[]> {
  if (batch.length === 0) return []
  if (threads !== pool) return batch.map((slide) => failed(slide, 'the compile pool was stopped'))
  const { remarkPlugins, rehypePlugins, cache, ...plain } = options // functions stay here
  const task: RenderTask = {
    slides: batch,
    options: plain,
    clock: new Float64Array(new SharedArrayBuffer(4 * 8)),
  }
  const controller = new AbortController()
  const unwatch = watch(task.clock, budget, controller)
  try {
    return (await threads.run(task, { signal: controller.signal })) as RenderedSlide[]
  } catch (error) {
    if (controller.signal.aborted) {
      const late = controller.signal.reason as number
      const others = [...batch.slice(0, late), ...batch.slice(late + 1)]
      const rendered = await renderBatch(threads, others, options, budget)
      rendered.splice(late, 0, timedOut(batch[late] as SlideSource, budget))
      return rendered
    }
    if (batch.length === 1 || threads !== pool) {
      return batch.map((slide) => failed(slide, describe(error)))
    }
    const half = Math.ceil(batch.length / 2)
    const first = await renderBatch(threads, batch.slice(0, half), options, budget)
    return [...first, ...(await renderBatch(threads, batch.slice(half), options, budget))]
  } finally {
    unwatch()
  }
}

function failed(slide: SlideSource, why: string): RenderedSlide {
  const reason = `Compiling this slide failed, it is shown as source: ${why}`
  return sourceSlide(slide, [placedMessage(reason, 1, 1, ruleIds.pluginError, 'error')])
}

function timedOut(slide: SlideSource, budget: number): RenderedSlide {
  const seconds = budget / 1000
  const reason =
    `This slide took over ${seconds} s to compile and is shown as source ` +
    '(long runs of `*` or `_` in one paragraph are a usual cause: put such text in a code block)'
  return sourceSlide(slide, [placedMessage(reason, 1, 1, ruleIds.slideTimeout, 'error')])
}

/**
 * How much longer than `slideTimeout` a slide may take in wall-clock time
 * while its thread waits for a core: the budget counts CPU time (see
 * thread-clock.ts), and this bounds a slide on a very busy machine.
 */
export const wallClockFactor = 6

/**
 * The watchdog's first look at a running slide: the slide (its start and
 * index), its thread's CPU ms then, and the ms charged for the time before.
 */
interface Sighting {
  started: number
  slide: number
  cpu: number
  before: number
}

/** Slides being rendered: their clocks (see `RenderTask`) and how to stop them. */
const watched = new Set<{
  clock: Float64Array
  budget: number
  controller: AbortController
  seen?: Sighting
}>()
let watchdog: NodeJS.Timeout | undefined

/**
 * Aborts the task once its thread has spent `budget` CPU ms on one slide, or
 * `budget × wallClockFactor` ms have passed (a thread busy in one slide
 * cannot time itself out), with that slide's index in the batch as the
 * abort's reason. Returns the unwatch.
 */
function watch(clock: Float64Array, budget: number, controller: AbortController): () => void {
  if (budget === Infinity) return () => {}
  const entry = { clock, budget, controller }
  watched.add(entry)
  watchdog ??= setInterval(checkBudgets, watchPeriod(budget)).unref()
  return () => {
    watched.delete(entry)
    if (watched.size === 0 && watchdog) {
      clearInterval(watchdog)
      watchdog = undefined
    }
  }
}

/** How often the watchdog looks, in ms. */
const watchPeriod = (budget: number) => Math.min(100, budget / 4)

function checkBudgets() {
  const now = Date.now()
  for (const entry of watched) {
    const { clock, budget, controller } = entry
    const [started = 0, thread = 0, , slide = 0] = clock
    if (started === 0) continue // still waiting for a thread, or loading grammars
    const wall = now - started
    const seen =
      entry.seen?.started === started && entry.seen.slide === slide ? entry.seen : undefined
    const cpuNow = threadCpuMs(thread)
    // The time before the first look is charged at most one period: a longer gap means
    // the main thread was busy, and that must not time out the slide.
    const before = seen?.before ?? Math.min(wall, watchPeriod(budget))
    if (!seen) entry.seen = { started, slide, cpu: cpuNow, before }
    const spent = Number.isNaN(cpuNow) ? wall : before + (seen ? cpuNow - seen.cpu : 0)
    // The clock is the slide's only if the thread did not move on while it was read.
    const same = clock[0] === started && clock[3] === slide
    if (same && (spent > budget || wall > budget * wallClockFactor)) controller.abort(slide)
  }
}
