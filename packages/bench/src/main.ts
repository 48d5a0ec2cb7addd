/**
 * `pnpm bench`: runs every measurement, prints one table and writes it as
 * JSON to packages/bench/results/<timestamp>.json.
 */

import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Group, parseBenchArgs, USAGE } from './args.js'
import { describeMachine, finishMachine } from './machine.js'
import { measureInProcess } from './measure/in-process.js'
import { measureProcesses } from './measure/processes.js'
import { buildStalePackages } from './prepare.js'
import type { Suite } from './suite.js'
import { formatHeader, formatTable } from './table.js'

async function main(): Promise<number> {
  const args = parseBenchArgs(process.argv.slice(2))
  if (args.help) {
    console.log(USAGE)
    return 0
  }
  const started = performance.now()
  const suite: Suite = {
    smoke: args.smoke,
    machine: describeMachine(),
    peers: args.peers,
    rows: [],
    figures: new Map(),
    log: (message) => process.stderr.write(`${message}\n`),
    // Optional figures (10 000 slides, 2 000 in the browser) run only in the first 8 minutes.
    optionalUntil: started + 480_000,
  }

  await buildStalePackages(suite.log)
  const runs = (group: Group) => args.only.length === 0 || args.only.includes(group)
  if (runs('in-process')) await measureInProcess(suite)
  if (runs('processes')) await measureProcesses(suite)
  if (!suite.smoke && runs('builds')) {
    const { measureBuilds } = await import('./measure/builds.js')
    await measureBuilds(suite)
  }
  if (!suite.smoke && runs('apps')) {
    const { measureApps } = await import('./measure/apps.js')
    await measureApps(suite)
  }

  finishMachine(suite.machine)
  const seconds = (performance.now() - started) / 1000
  const mode = suite.smoke ? 'smoke' : 'full'
  console.log(formatHeader(suite.machine, mode))
  console.log()
  console.log(formatTable(suite.rows))
  console.log(`\nTotal ${seconds.toFixed(1)} s`)

  if (!args.noJson) {
    const dir = fileURLToPath(new URL('../results/', import.meta.url))
    mkdirSync(dir, { recursive: true })
    const file = `${dir}${suite.machine.date.replaceAll(':', '-')}${suite.smoke ? '-smoke' : ''}.json`
    writeFileSync(
      file,
      `${JSON.stringify({ mode, machine: suite.machine, seconds, rows: suite.rows }, null, 2)}\n`,
    )
    console.log(`Results written to ${file}`)
  }

  const errors = suite.rows.filter((row) => row.error)
  if (errors.length > 0) {
    console.error(`${errors.length} measurement(s) failed`)
    return 1
  }
  if (suite.smoke && runs('in-process')) {
    // CI's smoke run must prove the compiler is measurable, not just that nothing threw.
    const compiled = suite.rows.some(
      (row) => row.label.startsWith('compile() cold') && row.value !== undefined,
    )
    if (!compiled) {
      console.error('smoke: compile() could not be measured (see n/a above)')
      return 1
    }
  }
  return 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  },
)
