#!/usr/bin/env node
// Commands that compile a deck start worker threads first thing: their module loads beside the CLI's.
if (['build', 'check', 'export'].includes(process.argv[2])) {
  import('@slidemark/core/pool').catch(() => {})
}
const { main } = await import('../dist/cli.js')

main(process.argv.slice(2))
