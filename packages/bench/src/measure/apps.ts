/**
 * Whole-process and browser figures (items 5, 6 and 7): `slidemark build`
 * and `vite build` of the fixture app, the bytes a built app loads at start,
 * first slide on screen in Chromium, dev-server start and HMR.
 */

import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { type AppDir, createAppDir, startCliDev, type Timing, viteBuild } from '../app.js'
import { addProbe, launchChromium, seen, serveStatic, watchFor } from '../browser.js'
import { editOneWord, generateDeck, TITLE_MARKER } from '../deck.js'
import type { Row } from '../result.js'
import { median } from '../stats.js'
import { atMost, measure, requireTime, type Suite } from '../suite.js'

export async function measureApps(suite: Suite): Promise<void> {
  const deck500 = generateDeck(500)

  let built500: AppDir | undefined
  await measure(suite, 5, 'vite build of the fixture app, 500 slides', async () => {
    const app = createAppDir('build-500', deck500)
    const cold = await viteBuild(app)
    const warm = await viteBuild(app)
    built500 = app
    return [
      buildRow('vite build of the fixture app (cold cache), 500 slides', [cold], {
        note: `warm cache: ${(warm.ms / 1000).toFixed(2)} s`,
      }),
    ]
  })

  await measure(suite, 6, 'start-up bytes', measureStartupBytes)
  await measure(suite, 6, 'start-up bytes, built 500 slides', async () => {
    if (!built500) throw new Error('the 500-slide app was not built (see item 5)')
    const sizes = startupSizes(path.join(built500.dir, 'dist'))
    const kb = sizes.js.gzip / 1024
    return [
      {
        item: 6,
        label:
          'start-up JavaScript, gzip, built 500-slide deck (slide metadata in the entry, HTML in chunks)',
        value: kb,
        unit: 'KB',
        target: { text: '<= 15 KB gzip', met: atMost(kb, 15) },
        note: `raw ${(sizes.js.raw / 1024).toFixed(1)} KB; every slide in the entry was 47 KB gzip`,
      },
    ]
  })

  let browser: Browser | undefined
  try {
    await measure(suite, 6, 'first slide on screen, built 500 slides', async () => {
      browser ??= await launchChromium()
      suite.machine.chromium = browser.version()
      if (!built500) throw new Error('the 500-slide app was not built (see item 5)')
      return [await firstSlideBuilt(browser, built500, '500 slides', 5)]
    })
    await measure(suite, 6, 'deep link to slide 450, built 500 slides', async () => {
      browser ??= await launchChromium()
      if (!built500) throw new Error('the 500-slide app was not built (see item 5)')
      const row = await firstSlideBuilt(browser, built500, '500 slides, #slide450', 5, {
        hash: '#slide450',
        marker: 'Topic 449:',
      })
      return [
        { ...row, label: 'navigation to slide 450 on screen (a late chunk), built 500 slides' },
      ]
    })
    await measure(suite, 6, 'first slide on screen, built 2000 slides', async () => {
      requireTime(suite)
      browser ??= await launchChromium()
      const app = createAppDir('build-2000', generateDeck(2000))
      try {
        await viteBuild(app)
        const row = await firstSlideBuilt(browser, app, '2000 slides', 3)
        delete row.target
        return [row]
      } finally {
        app.remove()
      }
    })
    built500?.remove()

    await measure(suite, 7, 'dev server start to first slide', async () => {
      browser ??= await launchChromium()
      return [await devStart(browser, deck500)]
    })
    await measure(suite, 7, 'HMR write to screen, 500 slides', async () => {
      browser ??= await launchChromium()
      return [await hmr(browser, deck500, 20)]
    })
  } finally {
    built500?.remove()
    await browser?.close()
  }
}

/** A whole-build row: median wall time, with the median CPU time (which load barely moves) in the note. */
function buildRow(label: string, runs: Timing[], extra: Partial<Row> = {}): Row {
  const cpu = runs.flatMap((run) => (run.cpuMs === undefined ? [] : [run.cpuMs]))
  return {
    item: 5,
    label,
    value: median(runs.map((run) => run.ms)),
    unit: 'ms',
    ...extra,
    note: [cpu.length > 0 ? `CPU ${(median(cpu) / 1000).toFixed(2)} s` : undefined, extra.note]
      .filter(Boolean)
      .join('; '),
  }
}

/**
 * Builds the app with a one-slide deck (so the deck adds almost nothing) and
 * sums the JavaScript and CSS its index.html loads at start: the entry
 * script, modulepreloads and stylesheets, compressed with gzip -9 and
 * brotli (quality 11).
 */
/** Bytes of every script, modulepreload and stylesheet a built app's `index.html` loads. */
function startupSizes(dist: string) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
  const urls = new Set<string>()
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const tag = match[0]
    const src = /\s(?:src|href)="([^"]+)"/.exec(tag)?.[1]
    if (!src || /^https?:/.test(src)) continue
    if (tag.startsWith('<script') || /rel="(?:stylesheet|modulepreload)"/.test(tag)) urls.add(src)
  }
  const sizes = { js: { raw: 0, gzip: 0, brotli: 0 }, css: { raw: 0, gzip: 0, brotli: 0 } }
  for (const url of urls) {
    const file = readFileSync(path.join(dist, url.replace(/^\.?\//, '')))
    const kind = url.endsWith('.css') ? sizes.css : sizes.js
    kind.raw += file.length
    kind.gzip += gzipSync(file, { level: 9 }).length
    kind.brotli += brotliCompressSync(file, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length
  }
  return sizes
}

async function measureStartupBytes(): Promise<Row[]> {
  const app = createAppDir('bytes', `${TITLE_MARKER}\n\nOne slide\n`)
  try {
    await viteBuild(app)
    const sizes = startupSizes(path.join(app.dir, 'dist'))
    const kb = (bytes: number) => bytes / 1024
    return [
      {
        item: 6,
        label: 'start-up JavaScript, gzip (runtime + html5-slides, 1-slide deck)',
        value: kb(sizes.js.gzip),
        unit: 'KB',
        target: { text: '<= 10 KB gzip', met: atMost(kb(sizes.js.gzip), 10) },
        note: `brotli ${kb(sizes.js.brotli).toFixed(1)} KB, raw ${kb(sizes.js.raw).toFixed(1)} KB`,
      },
      {
        item: 6,
        label: 'start-up CSS, gzip (html5-slides theme)',
        value: kb(sizes.css.gzip),
        unit: 'KB',
        target: { text: '<= 8 KB gzip', met: atMost(kb(sizes.css.gzip), 8) },
        note: `brotli ${kb(sizes.css.brotli).toFixed(1)} KB, raw ${kb(sizes.css.raw).toFixed(1)} KB`,
      },
    ]
  } finally {
    app.remove()
  }
}

/** Navigation to the first slide's text on screen, fresh browser context each load. */
async function firstSlideBuilt(
  browser: Browser,
  app: AppDir,
  label: string,
  loads: number,
  at: { hash: string; marker: string } = { hash: '', marker: TITLE_MARKER },
): Promise<Row> {
  const server = await serveStatic(path.join(app.dir, 'dist'))
  try {
    const times: number[] = []
    for (let load = 0; load < loads; load++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      try {
        const page = await context.newPage()
        await addProbe(page, at.marker)
        await page.goto(server.url + at.hash, { waitUntil: 'commit', timeout: 120_000 })
        times.push((await seen(page, at.marker)).sinceNavigation)
      } finally {
        await context.close()
      }
    }
    const ms = median(times)
    return {
      item: 6,
      label: `navigation to first slide on screen, built ${label}`,
      value: ms,
      unit: 'ms',
      target: { text: '<= 0.5 s', met: atMost(ms, 500) },
    }
  } finally {
    await server.close()
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Spawning `slidemark deck.slides.md` (cold cache) to the 500-slide deck's first slide on screen. */
async function devStart(browser: Browser, deck: string): Promise<Row> {
  const times: number[] = []
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await addProbe(page, TITLE_MARKER)
    const server = await startCliDev(deck, await freePort())
    try {
      await page.goto(server.url, { waitUntil: 'commit', timeout: 120_000 })
      const { epoch } = await seen(page, TITLE_MARKER, 120_000)
      times.push(epoch - server.spawnedAt)
    } finally {
      await context.close()
      await server.stop()
      server.remove()
    }
  }
  const ms = median(times)
  return {
    item: 7,
    label: 'dev server: spawn `slidemark deck` (cold cache) to first slide on screen, 500 slides',
    value: ms,
    unit: 'ms',
    target: { text: '<= 2 s', met: atMost(ms, 2000) },
  }
}

/**
 * With the 500-slide deck open on slide 250 in the dev server, writes the deck
 * with one word of that slide changed and times write → new text on screen.
 */
export async function hmr(browser: Browser, deck: string, edits: number): Promise<Row> {
  const server = await startCliDev(deck, await freePort())
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    await addProbe(page, TITLE_MARKER)
    await page.goto(server.url, { waitUntil: 'commit', timeout: 120_000 })
    await seen(page, TITLE_MARKER, 120_000)
    // Let the dev server settle (late dependency optimisation can reload the page once).
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined)
    // Open slide 250 (index 249) through the #slideN hash; edit the title slide if that fails.
    let edit = (marker: string) => editOneWord(deck, 249, marker)
    let where = 'slide 250'
    await watchFor(page, 'Topic 249:')
    await page.evaluate(() => {
      location.hash = '#slide250'
    })
    try {
      await seen(page, 'Topic 249:', 5000)
    } catch {
      edit = (marker) => deck.replace(TITLE_MARKER, `${TITLE_MARKER} ${marker}`)
      where = 'title slide (#slide250 did not open slide 250)'
    }
    const times: number[] = []
    let reloads = 0
    page.on('load', () => {
      reloads++
    })
    for (let run = 0; run < edits + 1; run++) {
      const marker = `Edited${run}x`
      await watchFor(page, marker)
      const written = performance.timeOrigin + performance.now()
      writeFileSync(server.deckFile, edit(marker))
      // The first edit after start-up can take many seconds on a loaded machine (the watcher's
      // first event); it is not counted, so it gets a long limit.
      const { epoch } = await seen(page, marker, run === 0 ? 120_000 : 15_000)
      // The first edit warms the plugin's edit path; it is not counted.
      if (run > 0) times.push(epoch - written)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const ms = median(times)
    return {
      item: 7,
      label: `HMR: write one-slide change to text on screen, 500 slides (median of ${edits})`,
      value: ms,
      unit: 'ms',
      target: { text: '<= 50 ms', met: atMost(ms, 50) },
      note: `edited ${where}; ${reloads === 0 ? 'no full page reload' : `${reloads} full page reload(s)`}`,
    }
  } finally {
    await context.close()
    await server.stop()
    server.remove()
  }
}
