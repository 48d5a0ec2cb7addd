import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compile } from '@slidemark/core'
import slidemark from '@slidemark/vite-plugin'
import { build } from 'vite'
import { artifactsDir, deckFile, fitAppDir, playgroundDir, technicalAppDir } from './paths.js'
import { serveStatic } from './static-server.js'
import type { DeckSummary } from './tests/fixtures.js'

const builtPackages = [
  'core',
  'vite-plugin',
  'runtime',
  'theme-html5-slides',
  'theme-horizon',
  'react',
  'vue',
]

/**
 * Builds the playground twice (relative base, and `--base /talks/`) into temp
 * folders, serves
 * both from 127.0.0.1 like any static host would, and records what the deck
 * contains so tests can find "a code slide" or "a slide with builds" without
 * hard-coding slide numbers.
 */
export default async function globalSetup() {
  for (const name of builtPackages) {
    const entry = fileURLToPath(new URL(`../packages/${name}/dist/index.js`, import.meta.url))
    if (!existsSync(entry)) {
      throw new Error(`packages/${name} is not built: run \`pnpm build\` at the root first`)
    }
  }
  mkdirSync(artifactsDir, { recursive: true })

  // Private output folders: runs side by side never delete each other's files,
  // and the developer's own playground/dist/ is left alone.
  const relativeDir = mkdtempSync(join(tmpdir(), 'slidemark-e2e-dist-'))
  const talksDir = mkdtempSync(join(tmpdir(), 'slidemark-e2e-talks-'))
  await build({
    root: playgroundDir,
    logLevel: 'warn',
    build: { outDir: relativeDir, emptyOutDir: true },
  })
  await build({
    root: playgroundDir,
    base: '/talks/',
    logLevel: 'warn',
    build: { outDir: talksDir, emptyOutDir: true },
  })

  // The fitting fixtures (overfull slides, titles at every level, CJK, a hostile host page).
  const fitDir = mkdtempSync(join(tmpdir(), 'slidemark-e2e-fit-'))
  await build({
    root: fitAppDir,
    configFile: false,
    base: './',
    logLevel: 'warn',
    plugins: [slidemark()],
    build: { outDir: fitDir, emptyOutDir: true },
  })

  // The technical talk (code steps, magic move, math, diagrams) in a plain Vite app:
  // diagrams drawn in the browser by the runtime's Mermaid chunk.
  const technicalDir = mkdtempSync(join(tmpdir(), 'slidemark-e2e-technical-app-'))
  await build({
    root: technicalAppDir,
    configFile: false,
    base: './',
    logLevel: 'warn',
    plugins: [slidemark({ cacheDir: false })],
    build: { outDir: technicalDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  })

  const deck = await compile(readFileSync(deckFile, 'utf8'), { filename: deckFile })
  const summary: DeckSummary = {
    title: typeof deck.meta.title === 'string' ? deck.meta.title : '',
    slides: deck.slides.map((slide) => ({
      title: slide.title,
      kind: slide.kind,
      steps: slide.steps,
      hasCode: slide.content.includes('<pre'),
      hasImage: slide.content.includes('<img'),
      source: slide.source,
      hasNotes: slide.notes !== '',
    })),
  }
  process.env.SLIDEMARK_E2E_DECK = JSON.stringify(summary)

  const { url, server } = await serveStatic({
    '/': relativeDir,
    '/talks/': talksDir,
    '/any/sub/path/': relativeDir,
    '/fit/': fitDir,
    '/technical/': technicalDir,
  })
  process.env.SLIDEMARK_E2E_URL = url

  return async () => {
    await new Promise((resolve) => server.close(resolve))
    rmSync(relativeDir, { recursive: true, force: true })
    rmSync(talksDir, { recursive: true, force: true })
    rmSync(fitDir, { recursive: true, force: true })
    rmSync(technicalDir, { recursive: true, force: true })
  }
}
