import { describe, expect, test } from 'vitest'
import { laneQueues, languageCosts, takeBatch } from '../src/lib/pool-lanes.js'
import type { SlideSource } from '../src/lib/split.js'

/** Slides as the splitter gives them, one line each unless the text has more. */
function slidesOf(texts: string[]): SlideSource[] {
  let line = 1
  return texts.map((text) => {
    const start = line
    line += text.split('\n').length + 2
    return { start, end: line - 3, text }
  })
}

const code = (language: string, n: number) =>
  `# Slide ${n}\n\n\`\`\`${language}\n${Array.from({ length: 12 }, (_, i) => `line_${n}_${i}(x)`).join('\n')}\n\`\`\``
const plain = (n: number) => `# Slide ${n}\n\nA paragraph about point ${n}, long enough to count.`

/** The languages whose slides went to each lane. */
const languagesPerLane = (slides: SlideSource[], queues: number[][]) =>
  queues.map((queue) => [
    ...new Set(queue.flatMap((i) => slides[i]?.text.match(/```(\w+)/)?.[1] ?? [])),
  ])

describe('laneQueues', () => {
  test('every slide goes to exactly one lane, code slides first, each lane in deck order', () => {
    const slides = slidesOf([
      ...Array.from({ length: 20 }, (_, n) => (n % 3 === 0 ? code('go', n) : plain(n))),
    ])
    const queues = laneQueues(slides, 2, {})
    expect(queues.flat().sort((a, b) => a - b)).toEqual(slides.map((_, i) => i))
    for (const queue of queues) {
      const codeIndices = queue.filter((i) => slides[i]?.text.includes('```'))
      expect(queue.slice(0, codeIndices.length)).toEqual(codeIndices)
      expect(codeIndices).toEqual([...codeIndices].sort((a, b) => a - b))
    }
  })

  test('slides naming the same language share a lane', () => {
    const slides = slidesOf(
      Array.from({ length: 40 }, (_, n) => code(['python', 'rust'][n % 2] as string, n)),
    )
    const lanes = languagesPerLane(slides, laneQueues(slides, 2, {}))
    expect(lanes.map((names) => names.length)).toEqual([1, 1])
    expect(lanes.flat().sort()).toEqual(['python', 'rust'])
  })

  test('a costly grammar weighs more: its lane gets fewer of the slides without code', () => {
    const slides = slidesOf([
      ...Array.from({ length: 20 }, (_, n) => code(n % 2 ? 'javascript' : 'rust', n)),
      ...Array.from({ length: 40 }, (_, n) => plain(20 + n)),
    ])
    const costs = { javascript: 190_000, rust: 8_000 }
    const queues = laneQueues(slides, 2, costs)
    const [jsLane, rustLane] = queues[0]?.some((i) => slides[i]?.text.includes('javascript'))
      ? [queues[0], queues[1]]
      : [queues[1], queues[0]]
    const plainIn = (queue: number[] = []) => queue.filter((i) => i >= 20).length
    expect(plainIn(rustLane)).toBeGreaterThan(plainIn(jsLane) + 10)
    // Without costs the two languages weigh the same and the plain slides split evenly.
    const even = laneQueues(slides, 2, {})
    expect(Math.abs(plainIn(even[0]) - plainIn(even[1]))).toBeLessThanOrEqual(2)
  })

  test('the built table knows the common languages and their aliases', () => {
    const costs = languageCosts()
    expect(costs.javascript).toBeGreaterThan(costs.python ?? Infinity)
    expect(costs.js).toBe(costs.javascript)
    expect(costs.py).toBe(costs.python)
  })
})

describe('takeBatch', () => {
  test('takes the first half of its own lane, then the last half of the fullest other', () => {
    const own = [1, 2, 3, 4, 5]
    const other = [10, 11, 12, 13]
    const queues = [own, other]
    expect(takeBatch(own, queues)).toEqual([1, 2, 3])
    expect(takeBatch(own, queues)).toEqual([4])
    expect(takeBatch(own, queues)).toEqual([5])
    expect(takeBatch(own, queues)).toEqual([12, 13])
    expect(other).toEqual([10, 11])
    expect(takeBatch(other, queues)).toEqual([10])
    expect(takeBatch(other, queues)).toEqual([11])
    expect(takeBatch(own, queues)).toEqual([])
  })
})
