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

it('measures Marp CLI by default, every peer with --peers all, none with --peers none', () => {
  expect(parseBenchArgs([]).peers).toEqual(['marp'])
  expect(parseBenchArgs(['--peers', 'all']).peers).toEqual(['marp', 'reveal-md', 'slidev'])
  expect(parseBenchArgs(['--peers=reveal-md,marp']).peers).toEqual(['reveal-md', 'marp'])
  expect(parseBenchArgs(['--peers', 'none']).peers).toEqual([])
})

it('rejects an unknown peer', () => {
  expect(() => parseBenchArgs(['--peers', 'keynote'])).toThrow(/--peers takes .*got "keynote"/)
})

it('installs no peer in smoke mode (CI has no network for it)', () => {
  expect(parseBenchArgs(['--smoke']).peers).toEqual([])
  expect(parseBenchArgs(['--smoke', '--peers', 'none']).peers).toEqual([])
  expect(() => parseBenchArgs(['--smoke', '--peers', 'marp'])).toThrow(/--smoke measures no peers/)
})
