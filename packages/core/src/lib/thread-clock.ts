import fs from 'node:fs'

/**
 * CPU time of one thread, for the slide budget of `compileInPool()`: on a
 * loaded machine a slide's wall-clock time says more about the machine than
 * about the slide, so the budget counts the CPU its worker thread spends.
 * Linux only (`/proc`); elsewhere `threadId()` is 0 and the budget counts
 * wall-clock time.
 */

/** Clock ticks per second in `/proc/.../stat` (USER_HZ, 100 on every Linux architecture). */
const ticksPerSecond = 100

/** This thread's id in `/proc/self/task/`, or 0 where there is no `/proc`. */
export function threadId(): number {
  try {
    const id = Number(fs.readlinkSync('/proc/thread-self').split('/').pop())
    return Number.isInteger(id) && id > 0 ? id : 0
  } catch {
    return 0
  }
}

/** CPU milliseconds (user + system) the thread `id` of this process has used; NaN if unknown. */
export function threadCpuMs(id: number): number {
  if (id <= 0) return Number.NaN
  try {
    const stat = fs.readFileSync(`/proc/self/task/${id}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces) start at field 3; utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond
  } catch {
    return Number.NaN
  }
}
