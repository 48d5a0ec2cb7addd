import fs from 'node:fs'
import path from 'node:path'
import type { Slide } from '@slidemark/core'
import { build, type Plugin } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { type Options, slidemark } from '../src/index.js'
import { copyFixture, importSsrBuild } from './helpers.js'

const roots: string[] = []
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true })
})

function fixture(files: Record<string, string> = {}): string {
  const root = copyFixture('vanilla-app')
  roots.push(root)
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text)
  return root
}

let outputs = 0
/** An SSR build of one entry module; resolves to the built module's exports. */
async function buildEntry(root: string, entry: string, plugins: Plugin[]) {
  const outDir = `dist-${outputs++}`
  await build({
    root,
    logLevel: 'silent',
    configFile: false,
    plugins,
    build: { ssr: entry, outDir },
  })
  return importSsrBuild<{ default: Slide[] } & Record<string, unknown>>(path.join(root, outDir))
}

const plugin = (options: Options) => [slidemark({ cacheDir: false, ...options })]

describe('options', () => {
  it('compiles other files, even without .md, when include says so', async () => {
    const root = fixture({ 'src/notes.markdown': '# Only slide\n\nHello\n' })
    const deck = await buildEntry(root, 'src/notes.markdown', plugin({ include: /\.markdown$/ }))
    expect(deck.default.map((slide) => slide.title)).toEqual(['Only slide'])
  })

  it('leaves excluded decks alone', async () => {
    const root = fixture()
    // Stands in for whatever else would handle the file: exports the first line it receives.
    const firstLine: Plugin = {
      name: 'first-line',
      enforce: 'post',
      transform(code, id) {
        if (id.endsWith('.slides.md'))
          return `export default ${JSON.stringify(code.split('\n')[0])}`
      },
    }
    const deck = await buildEntry(root, 'src/talk.slides.md', [
      ...plugin({ exclude: /talk/ }),
      firstLine,
    ])
    expect(deck.default).toBe('---')
  })

  it('leaves ?raw imports of a deck to Vite', async () => {
    const root = fixture({ 'src/entry.ts': "export { default } from './talk.slides.md?raw'\n" })
    const deck = await buildEntry(root, 'src/entry.ts', plugin({}))
    expect(deck.default).toContain('# Some Python')
  })

  it('compiles a deck imported with another query', async () => {
    const root = fixture({ 'src/entry.ts': "export { default } from './talk.slides.md?v=2'\n" })
    const deck = await buildEntry(root, 'src/entry.ts', plugin({}))
    expect(deck.default.length).toBe(5)
  })

  it('passes line numbers and themes through to compile()', async () => {
    const root = fixture()
    const deck = await buildEntry(
      root,
      'src/talk.slides.md',
      plugin({ lineNumbers: true, themes: { light: 'min-light', dark: 'min-dark' } }),
    )
    const python = deck.default.find((slide) => slide.title === 'Some Python')
    expect(python?.content).toContain('data-line-numbers')
    expect(python?.content).toContain('data-theme="min-light min-dark"')
  })

  it('compat: false reads the deck as plain CommonMark (no !lang, no #Title)', async () => {
    const root = fixture({
      'src/plain.slides.md': '#Title\n\n---\n\n# Code\n\n    !python\n    x = 1\n',
    })
    const on = await buildEntry(root, 'src/plain.slides.md', plugin({}))
    expect(on.default.map((slide) => slide.header)).toEqual(['<h1>Title</h1>', '<h1>Code</h1>'])
    expect(on.default[1]?.content).toContain('data-language="python"')
    const off = await buildEntry(root, 'src/plain.slides.md', plugin({ compat: false }))
    expect(off.default.map((slide) => slide.header)).toEqual(['', '<h1>Code</h1>'])
    expect(off.default[0]?.content).toBe('<p>#Title</p>')
    expect(off.default[1]?.content).toBe('<pre><code>!python\nx = 1\n</code></pre>')
  })

  it('runs user remark plugins, and a second build reuses the disk cache', async () => {
    const root = fixture()
    let runs = 0
    const countSlides = () => (tree: unknown) => {
      runs++
      return tree
    }
    const cacheDir = path.join(root, '.slide-cache')
    const options = { cacheDir, remarkPlugins: [countSlides] }
    await buildEntry(root, 'src/talk.slides.md', [slidemark(options)])
    expect(runs).toBe(5)
    const [store, ...others] = fs.readdirSync(cacheDir)
    expect(others).toEqual([])
    expect(
      fs
        .readFileSync(path.join(cacheDir, store as string), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(5)
    await buildEntry(root, 'src/talk.slides.md', [slidemark(options)])
    expect(runs).toBe(5)
  })
})

describe('errors in a build', () => {
  async function buildError(root: string, entry: string, options: Options = {}) {
    try {
      await buildEntry(root, entry, plugin(options))
    } catch (error) {
      return error as Error & { loc?: { file: string; line: number; column: number } }
    }
    throw new Error('the build succeeded')
  }

  it('names the deck, line and column of a missing image', async () => {
    const deckText =
      '# One\n\nFirst\n\n---\n\n# Two\n\nA chart: <img src="./img/chart.png">\n\n![](../clip.png)\n'
    const root = fixture({ 'src/missing.slides.md': deckText })
    const error = await buildError(root, 'src/missing.slides.md')
    expect(error.message).toContain(
      'src/missing.slides.md:9:10: Cannot find "./img/chart.png" (looked for src/img/chart.png) [missing-asset]\n  also missing: "../clip.png" at 11:1',
    )
  })

  it('names the deck and slide of an error thrown by a user plugin', async () => {
    const root = fixture()
    const explode = () => () => {
      throw new Error('the plugin exploded')
    }
    const error = await buildError(root, 'src/talk.slides.md', { remarkPlugins: [explode] })
    expect(error.message).toMatch(
      /src\/talk\.slides\.md:7:1: .*the plugin exploded.*\[plugin-error\]/,
    )
  })
})
