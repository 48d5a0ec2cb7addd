import { expect, it } from 'vitest'
import { parseTimes } from '../src/process.js'

it("reads the children's CPU time from bash's `times` output", () => {
  const stderr = 'some warning\n0m0.006s 0m0.002s\n1m2.500s 0m0.504s\n'
  expect(parseTimes(stderr)).toBeCloseTo(63_004, 6)
})

it('gives no CPU time when the last line is not from `times`', () => {
  expect(parseTimes('Error: build failed\n')).toBeUndefined()
})
