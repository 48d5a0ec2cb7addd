import { execFileSync } from 'node:child_process'
import { arch, availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os'

/** Where the figures come from; printed at the top of the table and stored in the JSON. */
export interface Machine {
  date: string
  cores: number
  cpu: string
  memoryGB: number
  platform: string
  node: string
  /**
   * 1-minute load average when the run started and when it ended: above the
   * core count, other processes were competing and absolute times are
   * inflated (ratios measured side by side still hold).
   */
  load: { start: number; end?: number }
  /** Filled in once a browser measurement has launched Chromium. */
  chromium?: string
  /** The workspace's git commit, when it is a git checkout. */
  commit?: string
}

export function describeMachine(now = new Date()): Machine {
  return {
    date: now.toISOString(),
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    platform: `${type()} ${release()} ${arch()}`,
    node: process.versions.node,
    load: { start: round(loadavg()[0] ?? 0) },
    ...gitCommit(),
  }
}

/** Records the load average at the end of the run. */
export function finishMachine(machine: Machine): void {
  machine.load.end = round(loadavg()[0] ?? 0)
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

function gitCommit(): { commit?: string } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
    return commit ? { commit } : {}
  } catch {
    return {}
  }
}
