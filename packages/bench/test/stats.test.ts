import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { median, ratio, timeInterleaved, timeRepeated } from '../src/stats.js'

describe('median', () => {
  it('takes the middle value of an odd-sized list regardless of order', () => {
    expect(median([9, 1, 5])).toBe(5)
  })

  it('averages the middle two of an even-sized list', () => {
    expect(median([4, 1, 3, 100])).toBe(3.5)
  })

  it('ignores a single outlier', () => {
    expect(median([10, 11, 12, 10_000, 9])).toBe(11)
  })

  it('throws on an empty list', () => {
    expect(() => median([])).toThrow(RangeError)
  })
})

describe('ratio', () => {
  it('divides', () => {
    expect(ratio(3, 2)).toBe(1.5)
  })

  it('is undefined when a side is missing or the denominator is not positive', () => {
    expect(ratio(undefined, 2)).toBeUndefined()
    expect(ratio(1, undefined)).toBeUndefined()
    expect(ratio(1, 0)).toBeUndefined()
    expect(ratio(Number.NaN, 1)).toBeUndefined()
  })
})

describe('timeRepeated', () => {
  it('uses the duration a task reports for itself, after the warm-up runs', async () => {
    const durations = [999, 999, 5, 7, 6]
    let call = 0
    const ms = await timeRepeated('self-timed', () => durations[call++], {
      iterations: 3,
      warmup: 2,
    })
    expect(ms).toBe(6)
    expect(call).toBe(5)
  })
})

describe('timeInterleaved', () => {
  it('runs the tasks in turn, round by round, and skips the warm-up rounds', async () => {
    const order: string[] = []
    const result = await timeInterleaved(
      { a: () => order.push('a'), b: () => order.push('b') },
      { iterations: 2, warmup: 1 },
    )
    expect(order).toEqual(['a', 'b', 'a', 'b', 'a', 'b'])
    expect(Object.keys(result)).toEqual(['a', 'b'])
  })

  it('gives each task the median of its own runs', async () => {
    // Clock readings around each run: durations 30, 1 and 1 ms.
    const readings = [0, 30, 100, 101, 200, 201]
    const now = vi.spyOn(performance, 'now').mockImplementation(() => readings.shift() ?? 0)
    onTestFinished(() => now.mockRestore())
    const { task } = await timeInterleaved({ task: () => undefined }, { iterations: 3, warmup: 0 })
    expect(task).toBe(1)
  })
})
