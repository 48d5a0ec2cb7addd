import { expect, test } from 'vitest'
import * as api from '../src/index.js'

test('the public API is exactly this list', () => {
  expect(Object.keys(api).sort()).toEqual([
    'cacheNamespace',
    'createDiskCache',
    'default',
    'slidemark',
  ])
  expect(api.default).toBe(api.slidemark)
})
