import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineConfig, loadSlidemarkConfig, SlidemarkConfigError } from '../src/index.js'

let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slidemark-plugin-config-'))
})
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

/** A fresh folder holding the given files. */
function folder(files: Record<string, string>): string {
  const target = fs.mkdtempSync(path.join(dir, 'project-'))
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(target, name), text)
  return target
}

describe('defineConfig', () => {
  it('returns the very object it is given', () => {
    const config = { lineNumbers: true, math: false }
    expect(defineConfig(config)).toBe(config)
  })
})

describe('loadSlidemarkConfig', () => {
  it('finds slidemark.config.ts in the folder and runs its TypeScript', async () => {
    const target = folder({
      'slidemark.config.ts':
        "type Pair = { light: string; dark: string }\nconst themes: Pair = { light: 'min-light', dark: 'min-dark' }\nexport default { themes, lineNumbers: true as boolean }\n",
      'slidemark.config.mjs': 'export default { lineNumbers: false }\n',
    })
    const loaded = await loadSlidemarkConfig({ dir: target })
    expect(loaded?.path).toBe(path.join(target, 'slidemark.config.ts'))
    expect(loaded?.config).toEqual({
      themes: { light: 'min-light', dark: 'min-dark' },
      lineNumbers: true,
    })
  })

  it('is undefined for a folder without one, and an error for a missing file', async () => {
    const target = folder({})
    expect(await loadSlidemarkConfig({ dir: target })).toBeUndefined()
    await expect(loadSlidemarkConfig({ file: 'nope.ts', cwd: target })).rejects.toThrow(
      'nope.ts: no such configuration file',
    )
  })

  // The line comes from Node's source maps, which Vitest's own stack handling replaces: the CLI's
  // test (packages/cli/test/config.test.ts) checks it in a plain Node process.
  it('rejects a file that throws with its name and the reason', async () => {
    const target = folder({
      'talk.config.mjs': "// shared by two talks\nthrow new RangeError('slides must be 16:9')\n",
    })
    const error = await loadSlidemarkConfig({ file: 'talk.config.mjs', cwd: target }).catch(
      (thrown: unknown) => thrown,
    )
    expect(error).toBeInstanceOf(SlidemarkConfigError)
    expect((error as Error).message).toMatch(
      /^talk\.config\.mjs(?::2:7)?: cannot load the configuration: slides must be 16:9$/,
    )
    expect((error as SlidemarkConfigError).file).toBe('talk.config.mjs')
  })
})
