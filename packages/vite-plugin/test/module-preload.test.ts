import type { UserConfig } from 'vite'
import { describe, expect, it } from 'vitest'
import { slidemark } from '../src/index.js'

/** The plugin's `config` hook, called as Vite calls it. */
function configHook() {
  const plugin = slidemark()
  return plugin.config as (user: UserConfig) => UserConfig | undefined
}

describe('modulepreload polyfill', () => {
  it('is turned off for an app that does not set build.modulePreload', () => {
    expect(configHook()({})).toEqual({ build: { modulePreload: { polyfill: false } } })
  })

  it('is left as the app sets it', () => {
    expect(configHook()({ build: { modulePreload: { polyfill: true } } })).toBeUndefined()
    expect(configHook()({ build: { modulePreload: false } })).toBeUndefined()
  })
})
