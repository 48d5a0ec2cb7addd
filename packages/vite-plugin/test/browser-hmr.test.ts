/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks given to page.evaluate() run in the browser.

import fs from 'node:fs'
import path from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { slidemark } from '../src/index.js'
import { copyFixture } from './helpers.js'

const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter((candidate): candidate is string => Boolean(candidate))
  .find((candidate) => fs.existsSync(candidate))

/**
 * The watcher drops a second change to a file within 50 ms; people save
 * slower than that. Each save follows a seen update, so a pause before it is
 * enough.
 */
const SAVE_SPACING_MS = 200

let root: string
let server: ViteDevServer
let browser: Browser
let page: Page

async function saveDeck(edit: (text: string) => string) {
  await new Promise((resolve) => setTimeout(resolve, SAVE_SPACING_MS))
  const file = path.join(root, 'src/talk.slides.md')
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')))
}

const headings = () =>
  page.evaluate(() => [...document.querySelectorAll('section h1')].map((h) => h.textContent))
const overlayMessage = () =>
  page.evaluate(
    () =>
      document.querySelector('vite-error-overlay')?.shadowRoot?.querySelector('.message')
        ?.textContent ?? null,
  )

describe.skipIf(!chromiumPath)(
  'a deck in a real browser, edited while the dev server runs',
  { timeout: 30_000 },
  () => {
    beforeAll(async () => {
      root = copyFixture('vanilla-app')
      server = await createServer({
        root,
        configFile: false,
        logLevel: 'silent',
        server: { host: '127.0.0.1', port: 0 },
        optimizeDeps: { noDiscovery: true, include: [] },
        plugins: [slidemark({ cacheDir: false })],
      })
      await server.listen()
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      })
      page = await browser.newPage()
      await page.goto(server.resolvedUrls?.local[0] ?? 'missing-url')
      await page.waitForSelector('section img')
      // Survives only if the page is never reloaded.
      await page.evaluate(() => Object.assign(window, { loadedOnce: true }))
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await server?.close()
      fs.rmSync(root, { recursive: true, force: true })
    })

    it('shows the deck with its image served by Vite', async () => {
      expect(await headings()).toEqual(['A picture', 'A tiny logo', 'Some Python', 'The end'])
      const image = await page.$eval('section img', (img) => ({
        src: img.getAttribute('src'),
        width: (img as HTMLImageElement).naturalWidth,
      }))
      expect(image).toEqual({ src: '/src/img/photo.png', width: 48 })
    })

    it('hands an edit to the onUpdate listener without reloading the page', async () => {
      await saveDeck((text) => text.replace('# The end', '# The very end'))
      await page.waitForFunction(() => document.body.textContent?.includes('The very end'))
      expect(await headings()).toEqual(['A picture', 'A tiny logo', 'Some Python', 'The very end'])
      expect(await page.evaluate(() => 'loadedOnce' in window)).toBe(true)
    })

    it('keeps the last good slides under the error overlay, and the fix clears it', async () => {
      await saveDeck((text) => text.replace('author: Fixture Author', 'author: Fixture: Author'))
      await page.waitForSelector('vite-error-overlay')
      expect(await overlayMessage()).toMatch(
        /src\/talk\.slides\.md:3:\d+: .*\[invalid-front-matter\]/,
      )
      expect(await headings()).toEqual(['A picture', 'A tiny logo', 'Some Python', 'The very end'])

      await saveDeck((text) =>
        text
          .replace('author: Fixture: Author', 'author: Fixture Author')
          .replace('# The very end', '# Fin'),
      )
      await page.waitForFunction(() => document.body.textContent?.includes('Fin'))
      expect(await overlayMessage()).toBeNull()
      expect(await headings()).toEqual(['A picture', 'A tiny logo', 'Some Python', 'Fin'])
      expect(await page.evaluate(() => 'loadedOnce' in window)).toBe(true)
    })
  },
)
