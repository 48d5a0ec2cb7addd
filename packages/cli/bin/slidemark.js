#!/usr/bin/env node
import { readFileSync, realpathSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { setFlagsFromString } from 'node:v8'

// A cold compile is a few seconds of code that runs once per process: V8's optimizing
// compiler, at its default threshold, spent more CPU compiling the pipeline (on the same
// two cores as the compile threads) than its faster code saved. Optimizing only functions
// that stay hot for longer cut a cold 500-slide build from 4.2 to 3.1 s of CPU and from
// 2.4 to 2.0 s on 2 cores (2 000 slides: 4.8 to 4.3 s); the dev server showed the first
// of 500 slides in 1.55 s instead of 1.8 s and a one-slide edit in 29 ms instead of 38.
// Set before any thread starts: V8's flags are the process's.
setFlagsFromString('--interrupt-budget=1000000')

if (['build', 'check', 'export'].includes(process.argv[2])) {
  startThreadsEarly(process.argv.slice(3)).catch(() => {
    // The command reads the deck itself and says what is wrong with it.
  })
}
const { main } = await import('../dist/cli.js')

main(process.argv.slice(2))

/**
 * Commands that compile a deck start its worker threads first thing, for a
 * deck (the first `.md` argument) without a slide cache yet: a thread takes
 * 0.2 s to load the pipeline, which it now does while this thread loads the
 * CLI instead of after (60 ms sooner on a cold 500-slide build). The command
 * starts them itself otherwise (`startCompileThreads`). Unlike the command,
 * this does not read the configuration: with plugins in it, the deck
 * compiles on this thread and the threads started here stay idle (idle
 * threads never keep the process alive).
 */
async function startThreadsEarly(args) {
  const pool = import('@slidemark/core/pool')
  const deck = args.find((arg) => !arg.startsWith('-') && /\.(?:md|markdown)$/i.test(arg))
  // Only a regular file: reading a named pipe here would take the text the command reads.
  // (Asynchronously: Node 20's statSync of a named pipe here broke the ES module loading after.)
  if (!deck || !(await stat(deck)).isFile()) return
  const source = readFileSync(deck, 'utf8')
  const { hasSlideCache } = await import('../dist/slide-cache.js')
  if (hasSlideCache(path.dirname(realpathSync(deck)))) return
  const { startCompilePool, estimateSlides } = await pool
  startCompilePool(estimateSlides(source))
}
