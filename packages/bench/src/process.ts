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
  const { stdout, stderr, code, wallMs, timedOut } = await runProcess(process.execPath, [
    CHILD,
    ...args,
  ])
  const last = stdout.trim().split('\n').pop() ?? ''
  let parsed: (T & { error?: string; unavailable?: boolean }) | undefined
  try {
    parsed = JSON.parse(last) as T & { error?: string; unavailable?: boolean }
  } catch {
    throw new Error(
      `child ${args.join(' ')} ${describeExit(code, timedOut)}: ${stderr.trim().slice(-400) || last}`,
    )
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
  /** Killed after `timeoutMs`. */
  timedOut: boolean
  /**
   * CPU time (user + system) of the process and its children in ms, when
   * asked for with `cpu: true`: unlike wall time, it barely moves with the
   * load other processes put on the machine.
   */
  cpuMs?: number
}

/** Runs the command under bash and has bash print its children's CPU times (`times`) last. */
const CPU_WRAPPER = ['-c', '"$@"; status=$?; times >&2; exit $status', 'bash']

/** Parses the children's line of bash's `times` output (`0m1.482s 0m0.504s`) into ms. */
export function parseTimes(stderr: string): number | undefined {
  const line = stderr.trimEnd().split('\n').pop() ?? ''
  const match = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/.exec(line.trim())
  if (!match) return undefined
  const [, um, us, sm, ss] = match.map(Number) as [number, number, number, number, number]
  return ((um + sm) * 60 + us + ss) * 1000
}

/** Spawns a process, collects its output and measures spawn-to-exit wall time. */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; cpu?: boolean } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const [file, argv] = options.cpu
      ? ['bash', [...CPU_WRAPPER, command, ...args]]
      : [command, args]
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Under the bash wrapper the real process is a grandchild: give both a group to kill.
      detached: options.cpu === true,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      if (options.cpu && child.pid) process.kill(-child.pid, 'SIGKILL')
      else child.kill('SIGKILL')
    }, options.timeoutMs ?? 300_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      const wallMs = performance.now() - start
      const cpuMs = options.cpu ? parseTimes(stderr) : undefined
      resolve({ stdout, stderr, code, wallMs, timedOut, ...(cpuMs === undefined ? {} : { cpuMs }) })
    })
  })
}

/** `exited 1`, or `timed out` for a process killed by `runProcess`'s timer. */
export function describeExit(code: number | null, timedOut: boolean): string {
  return timedOut ? 'timed out' : `exited ${code}`
}
