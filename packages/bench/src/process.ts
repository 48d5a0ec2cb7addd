/** Running the bench's own child entry (child.ts) and other processes. */

import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Unavailable } from './result.js'

const CHILD = fileURLToPath(new URL('./child.js', import.meta.url))

/**
 * Runs `node dist/child.js <args>` in a fresh process and returns the JSON
 * it prints plus the wall time from spawn to exit. A child that reports a
 * missing piece becomes `Unavailable`; any other failure throws.
 */
export async function runChild<T extends object>(args: string[]): Promise<T & { wallMs: number }> {
  const { stdout, stderr, code, wallMs } = await runProcess(process.execPath, [CHILD, ...args])
  const last = stdout.trim().split('\n').pop() ?? ''
  let parsed: (T & { error?: string; unavailable?: boolean }) | undefined
  try {
    parsed = JSON.parse(last) as T & { error?: string; unavailable?: boolean }
  } catch {
    throw new Error(`child ${args.join(' ')} exited ${code}: ${stderr.trim().slice(-400) || last}`)
  }
  if (parsed.error) {
    if (parsed.unavailable) throw new Unavailable(parsed.error)
    throw new Error(`child ${args.join(' ')}: ${parsed.error}`)
  }
  return { ...parsed, wallMs }
}

export interface ProcessResult {
  stdout: string
  stderr: string
  code: number | null
  wallMs: number
}

/** Spawns a process, collects its output and measures spawn-to-exit wall time. */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ stdout, stderr, code, wallMs: performance.now() - start })
    })
  })
}
