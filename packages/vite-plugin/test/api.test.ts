import fs from 'node:fs'
import path from 'node:path'
import { build, normalizePath, type Plugin, type Rollup } from 'vite'
import { afterEach, describe, expect, it } from 'vitest'
import { type CompiledDeck, type SlidemarkPlugin, slidemark } from '../src/index.js'
import { copyFixture } from './helpers.js'

/** A deck of our own: a long `##` title, CJK, a code block in a language Shiki does not know. */
const DECK = `---
title: 潮汐と港の話 — a harbour master's notes on tides, ships and timing
lang: ja
---

## Why the harbour closes twice a day, every day, whatever the weather says

The tide turns roughly every 6 h 12 min.

---

# 満潮の時刻

\`\`\`klingon
Qapla'
\`\`\`

- 大潮: spring tide
- 小潮: neap tide
`

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true })
})

/** The vanilla app with our deck in place of the fixture's. */
function appWith(deck: string): { root: string; file: string } {
  const root = copyFixture('vanilla-app')
  roots.push(root)
  const file = path.join(root, 'src/talk.slides.md')
  fs.writeFileSync(file, deck)
  return { root, file: normalizePath(fs.realpathSync(file)) }
}

/** Builds `root` with `plugin`; resolves to the warnings Rolldown reported, as data. */
async function buildWith(root: string, plugin: Plugin): Promise<Rollup.RollupLog[]> {
  const warnings: Rollup.RollupLog[] = []
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [plugin],
    build: {
      rolldownOptions: {
        onLog: (level, log) => {
          if (level === 'warn') warnings.push(log)
        },
      },
    },
  })
  return warnings
}

describe('plugin.api', () => {
  it('reports each compiled deck as data in a programmatic build, with its messages', async () => {
    const { root, file } = appWith(DECK)
    const plugin: SlidemarkPlugin = slidemark({ cacheDir: false })
    const reported: CompiledDeck[] = []
    const stop = plugin.api.onDeck((deck) => reported.push(deck))
    const warnings = await buildWith(root, plugin)
    stop()

    expect(reported).toHaveLength(1)
    const [deck] = reported as [CompiledDeck]
    expect(deck.file).toBe(file)
    expect(deck.meta.title).toBe(
      "潮汐と港の話 — a harbour master's notes on tides, ships and timing",
    )
    expect(deck.slides.map((slide) => slide.title)).toEqual([
      'Why the harbour closes twice a day, every day, whatever the weather says',
      '満潮の時刻',
    ])
    expect(deck.messages).toEqual([
      expect.objectContaining({
        file,
        line: 14,
        column: 4,
        severity: 'warning',
        ruleId: 'unknown-language',
      }),
    ])
    expect([...plugin.api.decks()]).toEqual([deck])

    // The same warning reached Rolldown once, from this plugin, with its place as data.
    const ours = warnings.filter((warning) => warning.plugin === 'slidemark')
    expect(ours).toHaveLength(1)
    expect(ours[0]?.loc).toEqual({ file, line: 14, column: 4 })
    expect(ours[0]?.message).toMatch(
      /^src\/talk\.slides\.md:14:4: .*klingon.* \[unknown-language\]$/,
    )
  }, 120_000)

  it('reports a deck that fails, missing image included, before the build stops', async () => {
    const broken = DECK.replace('- 大潮', '![chart](./img/tide-chart.png)\n\n- 大潮')
    const { root, file } = appWith(broken)
    const plugin = slidemark({ cacheDir: false })
    const reported: CompiledDeck[] = []
    plugin.api.onDeck((deck) => reported.push(deck))
    await expect(buildWith(root, plugin)).rejects.toThrow(/tide-chart\.png/)
    expect(reported).toHaveLength(1)
    expect(
      reported[0]?.messages.map(({ line, column, severity, ruleId }) => ({
        line,
        column,
        severity,
        ruleId,
      })),
    ).toEqual([
      { line: 14, column: 4, severity: 'warning', ruleId: 'unknown-language' },
      { line: 18, column: 1, severity: 'error', ruleId: 'missing-asset' },
    ])
    expect(reported[0]?.messages[1]?.file).toBe(file)
  }, 120_000)

  it('with warn: false leaves the warnings to the api', async () => {
    const { root } = appWith(DECK)
    const plugin = slidemark({ cacheDir: false, warn: false })
    const warnings = await buildWith(root, plugin)
    expect(warnings.filter((warning) => warning.plugin === 'slidemark')).toEqual([])
    expect([...plugin.api.decks()][0]?.messages).toHaveLength(1)
  }, 120_000)
})
