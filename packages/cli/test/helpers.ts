import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { type Browser, chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../src/chromium.js'

/** The package folder; the tests run the built command from here. */
export const packageDir = fileURLToPath(new URL('..', import.meta.url))
export const bin = path.join(packageDir, 'bin', 'slidemark.js')
export const fixtures = path.join(packageDir, 'test', 'fixtures')

/** The command runs from `dist/` like an installed one; `pnpm test` builds every package first. */
export function assertBuilt(): void {
  const needed = [
    path.join(packageDir, 'dist', 'cli.js'),
    path.join(packageDir, 'node_modules', '@slidemark', 'core', 'dist', 'index.js'),
    path.join(packageDir, 'node_modules', '@slidemark', 'vite-plugin', 'dist', 'index.js'),
    path.join(packageDir, 'node_modules', '@slidemark', 'theme-html5-slides', 'dist', 'index.js'),
  ]
  const missing = needed.filter((file) => !fs.existsSync(file))
  if (missing.length > 0) {
    throw new Error(
      `The CLI tests run the built packages; missing ${missing.map((file) => path.relative(packageDir, file)).join(', ')}. Run \`pnpm build\` at the repository root first.`,
    )
  }
}

export interface RunResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Colours off, so output can be compared as text. */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra }
  delete env.FORCE_COLOR
  return env
}

/** Runs `node bin/slidemark.js …args` to completion. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? packageDir,
      env: cliEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: stripVTControlCharacters(stdout),
        stderr: stripVTControlCharacters(stderr),
      }),
    )
  })
}

/** Starts the command and resolves once its standard error matches `ready`. */
export function startCli(
  args: string[],
  ready: RegExp,
  options: { cwd?: string } = {},
): Promise<{
  child: ChildProcess
  match: RegExpExecArray
  output: () => string
  exited: Promise<RunResult>
}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? packageDir,
      env: cliEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let done = false
    const exited = new Promise<RunResult>((settle) => {
      child.on('close', (code, signal) => settle({ code, signal, stdout, stderr }))
    })
    const check = () => {
      const match = ready.exec(stripVTControlCharacters(stderr))
      if (match && !done) {
        done = true
        resolve({ child, match, output: () => stdout + stderr, exited })
      }
    }
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      check()
    })
    child.on('error', reject)
    void exited.then((result) => {
      if (!done) reject(new Error(`slidemark exited (${result.code}) before ready:\n${stderr}`))
    })
  })
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(prefix = 'slidemark-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Copies a fixture folder into a temporary folder and returns the copy. */
export function copyFixture(name: string): string {
  const dir = tempDir()
  fs.cpSync(path.join(fixtures, name), dir, { recursive: true })
  return dir
}

/** Debian's Chromium (or CHROMIUM_PATH), as CI installs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
  })
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
}

/** Serves `dir` under `prefix` (e.g. `/talks/`) from 127.0.0.1; everything else is a 404. */
export async function serveStatic(
  dir: string,
  prefix = '/',
): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = []
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    requests.push(pathname)
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404).end()
      return
    }
    let file = path.join(dir, pathname.slice(prefix.length))
    if (file.endsWith(path.sep) || pathname === prefix) file = path.join(file, 'index.html')
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
    res.end(fs.readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
