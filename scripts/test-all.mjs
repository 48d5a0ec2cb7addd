#!/usr/bin/env node
// `pnpm test`: every check this repository has, one after another, with each
// step's output streamed as it runs. Build, lint and typecheck count as one
// test each; Vitest, Playwright and the bench smoke report their own counts.
// The last line printed is always `N passed, N failed`; the exit code is 1
// when anything failed.

import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const reports = mkdtempSync(join(tmpdir(), 'slidemark-test-'))

/** Runs a command with inherited stdio; resolves with its exit code. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', ...env },
    })
    child.on('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`)
      resolve(127)
    })
    child.on('close', (code, signal) => resolve(signal ? 128 : (code ?? 1)))
  })
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

/** A step that passes or fails as a whole: one test. */
async function wholeStep(args) {
  const code = await run('pnpm', args)
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 }
}

/**
 * Vitest's JSON report counts tests; a run that fails before reporting (a
 * config error, a crash) counts as one failure, and so does a non-zero exit
 * with every test passing (an unhandled error between tests).
 */
async function unitTests() {
  const file = join(reports, 'vitest.json')
  const code = await run('pnpm', [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ])
  const report = readJson(file)
  if (!report) return { passed: 0, failed: 1 }
  const passed = report.numPassedTests ?? 0
  let failed = report.numFailedTests ?? 0
  if (code !== 0 && failed === 0) failed = 1
  return { passed, failed }
}

/** Playwright's JSON report: `expected` and `flaky` passed, `unexpected` failed. */
async function endToEnd() {
  const file = join(reports, 'playwright.json')
  const code = await run('pnpm', ['--filter', 'e2e', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
  })
  const stats = readJson(file)?.stats
  if (!stats) return { passed: 0, failed: 1 }
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0)
  let failed = stats.unexpected ?? 0
  if (code !== 0 && failed === 0) failed = 1
  return { passed, failed }
}

/** True once the bench package understands `--smoke` (a quick, tiny run). */
function benchHasSmoke() {
  const dir = join(root, 'packages/bench/src')
  if (!existsSync(dir)) return false
  const files = readdirSync(dir, { recursive: true }).map(String)
  return files.some(
    (name) => name.endsWith('.ts') && readFileSync(join(dir, name), 'utf8').includes('--smoke'),
  )
}

const steps = [
  ['build', () => wholeStep(['build'])],
  ['lint', () => wholeStep(['lint'])],
  ['typecheck', () => wholeStep(['typecheck'])],
  ['unit tests', unitTests],
  ['end-to-end tests', endToEnd],
]
if (benchHasSmoke()) steps.push(['bench smoke', () => wholeStep(['bench', '--smoke'])])

const results = []
for (const [name, step] of steps) {
  console.log(`\n=== ${name} ===\n`)
  const started = Date.now()
  const result = await step()
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  results.push({ name, ...result, seconds })
  console.log(`\n=== ${name}: ${result.passed} ok, ${result.failed} not ok (${seconds} s) ===`)
}
rmSync(reports, { recursive: true, force: true })

console.log('\nSummary')
for (const { name, passed, failed, seconds } of results) {
  console.log(
    `  ${name.padEnd(18)} ${String(passed).padStart(4)} ok ${String(failed).padStart(4)} not ok  ${seconds} s`,
  )
}
const passed = results.reduce((sum, r) => sum + r.passed, 0)
const failed = results.reduce((sum, r) => sum + r.failed, 0)
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1
