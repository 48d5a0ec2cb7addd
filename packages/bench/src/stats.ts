/**
 * Small statistics helpers: medians and ratios of repeated runs. In-process
 * timings go through tinybench (`timeRepeated`); child-process and browser
 * timings are collected by hand and summarised with `median`.
 */

import { Bench } from 'tinybench'

/** The median of `values` (mean of the middle two when even). Throws on an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length % 2 === 1) return sorted[mid] as number
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/**
 * `numerator / denominator`, or `undefined` when either is missing or the
 * denominator is not a positive finite number.
 */
export function ratio(
  numerator: number | undefined,
  denominator: number | undefined,
): number | undefined {
  if (numerator === undefined || denominator === undefined) return undefined
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) {
    return undefined
  }
  return numerator / denominator
}

export interface RepeatOptions {
  /** Measured runs. */
  iterations: number
  /** Unmeasured runs first (JIT, caches that are meant to be warm). */
  warmup: number
}

/**
 * Times one async task with tinybench: `warmup` unmeasured runs, then
 * `iterations` measured ones; returns the median latency in milliseconds.
 * When the task returns a number, that number is taken as the run's own
 * duration (for tasks that must prepare something outside the timed part).
 */
export async function timeRepeated(
  name: string,
  task: () => Promise<number | undefined> | number | undefined,
  { iterations, warmup }: RepeatOptions,
): Promise<number> {
  const bench = new Bench({
    name,
    time: 0,
    iterations,
    warmup: warmup > 0,
    warmupIterations: warmup,
    warmupTime: 0,
    throws: true,
  })
  bench.add(name, async () => {
    const own = await task()
    return own === undefined ? undefined : { overriddenDuration: own }
  })
  await bench.run()
  const result = bench.tasks[0]?.result
  if (result?.state !== 'completed') {
    throw new Error(`benchmark ${name} did not complete (${result?.state ?? 'no result'})`)
  }
  return result.latency.p50
}

/** Runs `run` `count` times in sequence and returns the median of what it resolves to. */
export async function medianOf(
  count: number,
  run: (i: number) => Promise<number>,
): Promise<number> {
  const values: number[] = []
  for (let i = 0; i < count; i++) values.push(await run(i))
  return median(values)
}

/**
 * Times several tasks run in turn (A, B, C, A, B, C, …): `warmup` unmeasured
 * rounds, then `iterations` measured rounds; returns each task's median in
 * milliseconds. Alternating means a change in machine load during the run
 * hits every task alike, so their ratios stay meaningful on a busy machine.
 */
export async function timeInterleaved<K extends string>(
  tasks: Record<K, () => Promise<unknown> | unknown>,
  { iterations, warmup }: RepeatOptions,
): Promise<Record<K, number>> {
  const names = Object.keys(tasks) as K[]
  const samples = new Map<K, number[]>(names.map((name) => [name, []]))
  for (let round = 0; round < warmup + iterations; round++) {
    for (const name of names) {
      const start = performance.now()
      await tasks[name]()
      const elapsed = performance.now() - start
      if (round >= warmup) samples.get(name)?.push(elapsed)
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples.get(name) ?? [])])) as Record<
    K,
    number
  >
}
