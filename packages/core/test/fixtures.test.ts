import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { type CompileOptions, compile } from '../src/index.js'

/**
 * One deck per behaviour in test/fixtures/<behaviour>/: `input.slides.md`,
 * optional `config.json` (CompileOptions), expected `output.json` (the whole
 * Deck). `UPDATE=1 pnpm vitest run test/fixtures.test.ts` (re)writes the
 * expectations; review the diff before committing it. Without UPDATE a
 * missing output.json fails.
 */
const root = new URL('./fixtures/', import.meta.url)
const fixtures = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

describe('fixtures', () => {
  test('there is a fixture per behaviour', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20)
  })

  for (const name of fixtures) {
    test(name, async () => {
      const folder = join(root.pathname, name)
      const input = readFileSync(join(folder, 'input.slides.md'), 'utf8')
      const configPath = join(folder, 'config.json')
      const config: CompileOptions = existsSync(configPath)
        ? JSON.parse(readFileSync(configPath, 'utf8'))
        : {}
      const deck = await compile(input, { filename: 'input.slides.md', cache: false, ...config })
      const outputPath = join(folder, 'output.json')
      if (process.env.UPDATE) writeFileSync(outputPath, `${JSON.stringify(deck, null, 2)}\n`)
      expect(existsSync(outputPath), `${name}/output.json is missing: run with UPDATE=1`).toBe(true)
      expect(deck).toEqual(JSON.parse(readFileSync(outputPath, 'utf8')))
    })
  }
})
