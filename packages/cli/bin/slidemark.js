#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8'

if (['build', 'check', 'export'].includes(process.argv[2])) {
  // A cold compile is a few seconds of code that runs once per process: V8's optimizing
  // compiler, at its default threshold, spent more CPU compiling the pipeline (on the
  // same two cores as the compile threads) than its faster code saved. Optimizing only
  // functions that stay hot for longer cut a cold 500-slide build from 4.2 to 3.1 s of
  // CPU and from 2.4 to 2.0 s on 2 cores (2 000 slides: 4.8 to 4.3 s). Set before any
  // thread starts: V8's flags are the process's.
  setFlagsFromString('--interrupt-budget=1000000')
  // Commands that compile a deck start worker threads first thing: their module loads beside the CLI's.
  import('@slidemark/core/pool').catch(() => {})
}
const { main } = await import('../dist/cli.js')

main(process.argv.slice(2))
