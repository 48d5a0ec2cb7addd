import { expect, test } from 'vitest'
import * as api from '../src/index.js'

test('the public API is exactly this list', () => {
  expect(Object.keys(api).sort()).toEqual([
    'CONFIG_FILES',
    'FIRST_SLIDES',
    'SlidemarkConfigError',
    'cacheNamespace',
    'createDiskCache',
    'default',
    'defineConfig',
    'loadSlidemarkConfig',
    'outlineDeck',
    'slidemark',
    'staticDeckModules',
  ])
  expect(api.default).toBe(api.slidemark)
})

test('the paths entry (@slidemark/vite-plugin/paths) exports the confinement helpers and the config names', async () => {
  const paths = await import('../src/paths.js')
  expect(Object.keys(paths).sort()).toEqual(['CONFIG_FILES', 'isInside', 'realPath'])
  expect(paths.CONFIG_FILES).toBe(api.CONFIG_FILES)
})

test('the tools entry (@slidemark/vite-plugin/tools) exports the disk cache and the first-slides outline, the same functions as the main entry', async () => {
  const tools = await import('../src/tools.js')
  expect(Object.keys(tools).sort()).toEqual([
    'FIRST_SLIDES',
    'cacheNamespace',
    'createDiskCache',
    'outlineDeck',
    'staticDeckModules',
  ])
  expect(tools.outlineDeck).toBe(api.outlineDeck)
  expect(tools.staticDeckModules).toBe(api.staticDeckModules)
  expect(tools.createDiskCache).toBe(api.createDiskCache)
})
