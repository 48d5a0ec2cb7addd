import { expect, it } from 'vitest'
import { parseBenchArgs } from '../src/args.js'

it('reads --smoke, also after the -- that pnpm may pass through', () => {
  expect(parseBenchArgs(['--smoke']).smoke).toBe(true)
  expect(parseBenchArgs(['--', '--smoke']).smoke).toBe(true)
  expect(parseBenchArgs([]).smoke).toBe(false)
})

it('rejects an unknown option instead of running the full suite', () => {
  expect(() => parseBenchArgs(['--smok'])).toThrow(/unknown option --smok/)
})

it('runs only the groups named by --only', () => {
  expect(parseBenchArgs(['--only', 'apps,processes']).only).toEqual(['apps', 'processes'])
  expect(parseBenchArgs(['--only=in-process']).only).toEqual(['in-process'])
  expect(parseBenchArgs([]).only).toEqual([])
})

it('rejects an unknown group', () => {
  expect(() => parseBenchArgs(['--only', 'browser'])).toThrow(/--only takes/)
})
