/**
 * The module a compile thread of the pool loads (bundled by `pnpm build` to
 * dist/worker/pool-worker.js): it runs the pipeline's bundle,
 * dist/worker/compile-thread.cjs, with V8's code cache kept in
 * dist/worker/.code-cache/ (see code-cache.ts), waits until the thread's
 * highlighter is made, and hands tinypool the bundle's task function. The
 * cache is written once, after the thread's first task, when V8 has
 * compiled the functions a compile runs. `SLIDEMARK_CODE_CACHE=off` turns it
 * off.
 */
import { fileURLToPath } from 'node:url'
import { runCachedScript } from './code-cache.js'
import type { RenderTask } from './pool-worker.js'
import type { RenderedSlide } from './source-slide.js'

interface CompileThread {
  default: (task: RenderTask) => Promise<RenderedSlide[]>
  ready: Promise<void>
}

const bundle = fileURLToPath(new URL('./compile-thread.cjs', import.meta.url))
const cacheDir =
  process.env.SLIDEMARK_CODE_CACHE === 'off'
    ? undefined
    : fileURLToPath(new URL('./.code-cache/', import.meta.url))
const script = runCachedScript(bundle, cacheDir)
const thread = script.exports as CompileThread

await thread.ready

export default async function renderTask(task: RenderTask): Promise<RenderedSlide[]> {
  const rendered = await thread.default(task)
  // Here, not later: between tasks the thread waits in `Atomics.wait` (tinypool), where
  // no timer runs. Once per build of the bundle: a no-op after it is written or used.
  script.save()
  return rendered
}
