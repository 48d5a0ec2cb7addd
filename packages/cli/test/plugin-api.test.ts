import fs from 'node:fs'
import path from 'node:path'
import type { CompiledDeck } from '@slidemark/vite-plugin'
import type { ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { slidemarkApi } from '../src/app.js'
import { dev } from '../src/commands/dev.js'
import { assertBuilt, runCli, tempDir } from './helpers.js'

/** Our own deck: a `##` title, CJK, a long title, and one code block in a language nobody has. */
const DECK = `---
title: 港の潮位表 — reading the harbour's tide tables without a degree in astronomy
---

Reading tide tables

---

## Spring and neap tides

- 大潮 (spring): the biggest range
- 小潮 (neap): the smallest

---

# A forecast script

\`\`\`tidelang
forecast harbour --days 7
\`\`\`
`

let work: string
beforeAll(() => {
  assertBuilt()
  work = tempDir()
})
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

describe('the CLI and the plugin api', () => {
  it('a build prints a warning exactly once, at file:line:column, in the one format', async () => {
    fs.writeFileSync(path.join(work, 'tides.slides.md'), DECK)
    const result = await runCli(['build', 'tides.slides.md', '--out', 'site'], { cwd: work })
    expect(result.code).toBe(0)
    const mentions = result.stderr.split('\n').filter((line) => line.includes('tidelang'))
    expect(mentions).toHaveLength(1)
    expect(mentions[0]).toMatch(/^tides\.slides\.md:18:4: .*`tidelang`.* \[unknown-language\]$/)
    // Nothing of Vite's own warning format for it: no "[plugin slidemark]" line.
    expect(result.stderr).not.toContain('slidemark]')
  }, 180_000)

  it('a save in the dev server compiles the deck once', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'dev-'))
    const file = path.join(dir, 'tides.slides.md')
    fs.writeFileSync(file, DECK)
    let stop = () => {}
    const until = new Promise<void>((resolve) => {
      stop = resolve
    })
    let readyServer: (server: ViteDevServer) => void = () => {}
    let failed: (error: unknown) => void = () => {}
    const ready = new Promise<ViteDevServer>((resolve, reject) => {
      readyServer = resolve
      failed = reject
    })
    const compiled: CompiledDeck[] = []
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    const running = dev(file, {
      port: 0,
      host: '127.0.0.1',
      cwd: dir,
      until,
      onReady: (server) => readyServer(server),
    })
    running.catch((error) => failed(error))
    try {
      const server = await ready
      slidemarkApi(server.config.plugins).onDeck((deck) => compiled.push(deck))
      const origin = server.resolvedUrls?.local[0] ?? ''
      // The page's first request for the deck module compiles it for the browser.
      const first = await fetch(`${origin}tides.slides.md?import`)
      expect(first.status).toBe(200)
      expect(compiled).toHaveLength(1)

      fs.writeFileSync(file, DECK.replace('the smallest', 'the smallest range, a week later'))
      await vi.waitFor(() => expect(compiled).toHaveLength(2), { timeout: 30_000, interval: 50 })
      expect(compiled[1]?.slides[1]?.content).toContain('a week later')
      // Whatever else reacts to the save (the theme check) uses this compile: no second one comes.
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      expect(compiled).toHaveLength(2)
    } finally {
      stop()
      await running.catch(() => {})
      stderr.mockRestore()
      stdout.mockRestore()
    }
  }, 120_000)
})
