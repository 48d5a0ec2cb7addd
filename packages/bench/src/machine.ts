import { arch, availableParallelism, cpus, release, totalmem, type } from 'node:os'

/** Where the figures come from; printed at the top of the table and stored in the JSON. */
export interface Machine {
  date: string
  cores: number
  cpu: string
  memoryGB: number
  platform: string
  node: string
  /** Filled in once a browser measurement has launched Chromium. */
  chromium?: string
}

export function describeMachine(now = new Date()): Machine {
  return {
    date: now.toISOString(),
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    platform: `${type()} ${release()} ${arch()}`,
    node: process.versions.node,
  }
}
