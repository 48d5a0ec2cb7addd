import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Locator, Page } from '@playwright/test'
import slidemark from '@slidemark/vite-plugin'
import react from '@vitejs/plugin-react'
import vue from '@vitejs/plugin-vue'
import { build, createServer, type InlineConfig, type ViteDevServer } from 'vite'
import { serveStatic } from '../static-server.js'
import { expect, test } from './fixtures.js'

/**
 * The component suites: a real Vite app per framework (e2e/react-app,
 * e2e/vue-app) renders one `*.slides.md` deck twice, in two embedded
 * component decks (horizon in `#first`, html5-slides in `#second`), with a
 * button that drives the first through its ref. The built app is served
 * statically; the dev suite runs Vite's dev server and edits the deck file.
 */
export interface ComponentApp {
  name: 'react' | 'vue'
  /** Folder of the app, under e2e/. */
  dir: string
  /** The deck file the app imports. */
  deckFile: string
  /** The file holding the component that renders both decks. */
  appFile: string
}

export const apps: Record<ComponentApp['name'], ComponentApp> = {
  react: {
    name: 'react',
    dir: fileURLToPath(new URL('../react-app/', import.meta.url)),
    deckFile: fileURLToPath(new URL('../react-app/quarterly.slides.md', import.meta.url)),
    appFile: fileURLToPath(new URL('../react-app/main.tsx', import.meta.url)),
  },
  vue: {
    name: 'vue',
    dir: fileURLToPath(new URL('../vue-app/', import.meta.url)),
    deckFile: fileURLToPath(new URL('../vue-app/handbook.slides.md', import.meta.url)),
    appFile: fileURLToPath(new URL('../vue-app/App.vue', import.meta.url)),
  },
}

function config(app: ComponentApp): InlineConfig {
  return {
    root: app.dir,
    configFile: false,
    base: './',
    logLevel: 'warn',
    clearScreen: false,
    plugins: [app.name === 'react' ? react() : vue(), slidemark()],
  }
}

const deck = (page: Page, id: 'first' | 'second'): Locator =>
  page.locator(`#${id} > [data-slidemark-deck]`)
const current = (page: Page, id: 'first' | 'second'): Locator =>
  deck(page, id).locator('[data-slidemark-track] > [data-offset="0"]')
/** What `window.controllers()` (the refs) says about each deck. */
const fromRefs = (page: Page) =>
  page.evaluate(() => {
    type Controller = { state: { slide: number }; slides: unknown[]; embedded: boolean } | null
    const { first, second } = (
      window as unknown as { controllers(): { first: Controller; second: Controller } }
    ).controllers()
    const read = (c: Controller) =>
      c && { slide: c.state.slide, slides: c.slides.length, embedded: c.embedded }
    return { first: read(first), second: read(second) }
  })

/** The built app: both decks render, keys move only the focused deck, the ref drives its deck. */
export function builtAppSuite(app: ComponentApp) {
  test.describe.configure({ mode: 'serial' })
  let outDir: string
  let server: Server
  let origin: string

  test.beforeAll(async () => {
    test.setTimeout(180_000)
    outDir = mkdtempSync(join(tmpdir(), `slidemark-e2e-${app.name}-`))
    await build({ ...config(app), build: { outDir, emptyOutDir: true } })
    ;({ url: origin, server } = await serveStatic({ '/': outDir }))
  })

  test.afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve))
    if (outDir) rmSync(outDir, { recursive: true, force: true })
  })

  test.beforeEach(async ({ page }) => {
    await page.goto(`${origin}/index.html`)
    await expect(deck(page, 'first')).toBeVisible()
    await expect(deck(page, 'second')).toBeVisible()
  })

  test(`${app.name}: both decks render, each once, embedded, in its own box`, async ({ page }) => {
    await expect(page.locator('[data-slidemark-deck]')).toHaveCount(2)
    await expect(deck(page, 'first')).toHaveAttribute('data-theme', 'horizon')
    await expect(deck(page, 'second')).toHaveAttribute('data-theme', 'html5-slides')
    const first = await deck(page, 'first').boundingBox()
    expect(first?.height).toBeCloseTo(360, 0)
    const second = await deck(page, 'second').boundingBox()
    expect(second?.width).toBeCloseTo(640, 0)
    expect(Math.abs((second?.width ?? 0) / (second?.height ?? 1) - 900 / 700)).toBeLessThan(0.02)
    const title = readFileSync(app.deckFile, 'utf8').match(/^# (.+)$/m)?.[1] ?? ''
    await expect(current(page, 'first')).toContainText(title)
    await expect(current(page, 'second')).toContainText(title)
    const refs = await fromRefs(page)
    expect(refs.first?.embedded).toBe(true)
    expect(refs.second?.embedded).toBe(true)
    expect(refs.first?.slides).toBe(5)
  })

  test(`${app.name}: keys move only the deck that has focus`, async ({ page }) => {
    await page.keyboard.press('ArrowRight')
    await expect(deck(page, 'first')).toHaveAttribute('data-current-slide', '0')
    await expect(deck(page, 'second')).toHaveAttribute('data-current-slide', '0')

    await deck(page, 'second').click()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect(deck(page, 'second')).toHaveAttribute('data-current-slide', '2')
    await expect(deck(page, 'first')).toHaveAttribute('data-current-slide', '0')

    await deck(page, 'first').focus()
    await page.keyboard.press('End')
    await expect(deck(page, 'first')).toHaveAttribute('data-current-slide', '4')
    await expect(deck(page, 'second')).toHaveAttribute('data-current-slide', '2')
    expect(await page.evaluate(() => location.hash)).toBe('')
  })

  test(`${app.name}: the ref's controller drives its deck and reports where it is`, async ({
    page,
  }) => {
    await page.locator('#next').click()
    await expect(deck(page, 'first')).toHaveAttribute('data-current-slide', '1')
    await expect(deck(page, 'second')).toHaveAttribute('data-current-slide', '0')
    await deck(page, 'first').focus()
    await page.keyboard.press('ArrowRight')
    await expect(deck(page, 'first')).toHaveAttribute('data-current-slide', '2')
    expect(await fromRefs(page)).toMatchObject({ first: { slide: 2 }, second: { slide: 0 } })
  })
}

/** The dev server: an edit of the deck file reaches both decks in place, on the same slide. */
export function devServerSuite(app: ComponentApp) {
  test.describe.configure({ mode: 'serial' })
  // A hot update recompiles the deck on a busy 2-core machine: allow it time.
  test.use({ actionTimeout: 15_000 })
  const original = readFileSync(app.deckFile, 'utf8')
  const originalApp = readFileSync(app.appFile, 'utf8')
  let server: ViteDevServer
  let origin: string
  let cacheDir: string

  const nodeEnv = process.env.NODE_ENV
  test.beforeAll(async () => {
    // A `build()` earlier in this worker set NODE_ENV=production, which would
    // serve production React and Vue (no StrictMode double mount, no Vue HMR).
    process.env.NODE_ENV = 'development'
    // Its own dependency cache: two apps' dev servers sharing e2e/node_modules/.vite
    // re-optimize each other's dependencies and reload the page mid-test.
    cacheDir = mkdtempSync(join(tmpdir(), `slidemark-e2e-${app.name}-vite-`))
    server = await createServer({
      ...config(app),
      cacheDir,
      optimizeDeps: {
        include:
          app.name === 'react' ? ['react', 'react/jsx-dev-runtime', 'react-dom/client'] : ['vue'],
      },
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0 },
    })
    await server.listen()
    const url = server.resolvedUrls?.local[0]
    if (!url) throw new Error('the Vite dev server reported no local URL')
    origin = url.replace(/\/$/, '')
  })

  const restore = () => {
    writeFileSync(app.deckFile, original)
    writeFileSync(app.appFile, originalApp)
  }
  test.afterEach(restore)

  test.afterAll(async () => {
    restore()
    await server?.close()
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true })
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  })

  test(`${app.name} dev: one deck per component, and an edit updates both in place on the same slide`, async ({
    page,
  }) => {
    test.setTimeout(90_000)
    await page.goto(`${origin}/index.html`)
    await expect(deck(page, 'first')).toBeVisible({ timeout: 30_000 })
    // React's StrictMode mounts twice in development: still one deck per box.
    await expect(page.locator('[data-slidemark-deck]')).toHaveCount(2)
    await deck(page, 'first').click()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect(deck(page, 'first')).toHaveAttribute('data-current-slide', '2')
    const title = (await current(page, 'first').locator('h1, h2').first().textContent()) ?? ''
    expect(title).not.toBe('')
    await page.evaluate(() => {
      ;(window as unknown as { hmrMarker: string }).hmrMarker = 'still here'
    })

    // A slide inserted before the one on screen, and a sentence added to that one.
    const sentence = `Edited during the review ${Date.now()}`
    const parts = original.split('\n---\n')
    // parts[0] is the front matter, parts[n + 1] slide n.
    parts.splice(3, 0, '\n#Inserted while presenting\n\nA new slide.\n')
    parts[4] = `${parts[4]?.trimEnd()}\n\n${sentence}\n`
    writeFileSync(app.deckFile, parts.join('\n---\n'))

    await expect(current(page, 'first')).toContainText(sentence, { timeout: 20_000 })
    await expect(deck(page, 'first')).toHaveAttribute('data-current-slide', '3')
    await expect(current(page, 'first')).toContainText(title)
    // The second deck got the edit too and stayed on its first slide.
    await expect(deck(page, 'second')).toHaveAttribute('data-current-slide', '0')
    expect(await fromRefs(page)).toMatchObject({
      first: { slide: 3, slides: 6 },
      second: { slide: 0, slides: 6 },
    })
    await expect(page.locator('[data-slidemark-deck]')).toHaveCount(2)
    expect(await page.evaluate(() => (window as { hmrMarker?: string }).hmrMarker)).toBe(
      'still here',
    )
  })

  if (app.name === 'vue') vueHotReloadTest(() => origin, app)
}

/**
 * Vue's hot reload of the page component (an edit of App.vue) remounts it in
 * place, without a page reload: the old decks are destroyed, each box holds
 * exactly one new deck, and the new template ref drives it.
 */
export function vueHotReloadTest(origin: () => string, app: ComponentApp) {
  test('vue dev: a hot reload of the page component leaves one working deck per box', async ({
    page,
  }) => {
    test.setTimeout(90_000)
    const source = readFileSync(app.appFile, 'utf8')
    await page.goto(`${origin()}/index.html`)
    await expect(page.locator('[data-slidemark-deck]')).toHaveCount(2, { timeout: 30_000 })
    await deck(page, 'first').click()
    await page.keyboard.press('ArrowRight')
    await expect(deck(page, 'first')).toHaveAttribute('data-current-slide', '1')
    await page.evaluate(() => {
      ;(window as unknown as { hmrMarker: string }).hmrMarker = 'still here'
      for (const element of document.querySelectorAll<HTMLElement>('[data-slidemark-deck]')) {
        element.dataset.before = 'the edit'
      }
    })

    writeFileSync(
      app.appFile,
      source
        .replace('Handbook, two ways', 'Handbook, reloaded')
        .replace('// Two <SlidemarkDeck>s', '// Two <SlidemarkDeck>s (the script was edited)'),
    )
    await expect(page.locator('main > h1')).toHaveText('Handbook, reloaded', { timeout: 20_000 })
    await expect(page.locator('[data-slidemark-deck][data-before]')).toHaveCount(0, {
      timeout: 20_000,
    })
    await expect(page.locator('[data-slidemark-deck]')).toHaveCount(2)
    await page.locator('#next').click()
    await expect(deck(page, 'first')).toHaveAttribute('data-current-slide', '1')
    await expect(deck(page, 'second')).toHaveAttribute('data-current-slide', '0')
    expect(await page.evaluate(() => (window as { hmrMarker?: string }).hmrMarker)).toBe(
      'still here',
    )
    // The new decks follow the deck file's edits (the old ones no longer listen).
    const sentence = `After the reload ${Date.now()}`
    const parts = readFileSync(app.deckFile, 'utf8').split('\n---\n')
    parts[2] = `${parts[2]?.trimEnd()}\n\n${sentence}\n`
    writeFileSync(app.deckFile, parts.join('\n---\n'))
    await expect(current(page, 'first')).toContainText(sentence, { timeout: 20_000 })
    await expect(page.locator('[data-slidemark-deck]')).toHaveCount(2)
    expect(await page.evaluate(() => (window as { hmrMarker?: string }).hmrMarker)).toBe(
      'still here',
    )
  })
}
