import fs from 'node:fs'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import type { Slide } from '@slidemark/core'
import { build, createLogger } from 'vite'
import { afterAll, expect, it } from 'vitest'
import { slidemark } from '../src/index.js'
import { copyFixture, importSsrBuild } from './helpers.js'

const made: string[] = []
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true })
})

it('a deck saved in Latin-1 builds, with an invalid-utf8 warning at its first bad byte', async () => {
  const root = copyFixture('vanilla-app')
  made.push(root)
  const deck = Buffer.concat([
    Buffer.from('# Menü du jour\n\n'), // UTF-8: fine
    Buffer.from('## Crêpes & café\n\n- 3 € la crêpe\n', 'latin1'), // Latin-1: ê is 0xEA
  ])
  fs.writeFileSync(path.join(root, 'src', 'menu.slides.md'), deck)
  const warnings: string[] = []
  const logger = createLogger('warn')
  logger.warn = (message) => {
    // Rolldown's [PLUGIN_TIMINGS] report depends on the machine's load, not on the deck.
    if (!message.includes('[PLUGIN_TIMINGS]')) warnings.push(stripVTControlCharacters(message))
  }
  await build({
    root,
    logLevel: 'warn',
    customLogger: logger,
    configFile: false,
    plugins: [slidemark({ cacheDir: false })],
    build: { ssr: 'src/menu.slides.md', outDir: 'dist' },
  })
  expect(warnings).toEqual([
    expect.stringMatching(
      /^\[plugin slidemark\] src\/menu\.slides\.md:3:6: this file is not valid UTF-8 \(byte 0xEA\).*\[invalid-utf8\]$/,
    ),
  ])
  const slides = (await importSsrBuild<{ default: Slide[] }>(path.join(root, 'dist'))).default
  expect(slides[0]?.title).toBe('Menü du jour')
  expect(slides[0]?.content).toContain('Cr\uFFFDpes')
})
