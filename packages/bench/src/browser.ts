/**
 * Chromium through playwright-core (the system /usr/bin/chromium, never a
 * downloaded one), a static file server for built apps, and a probe that
 * timestamps the moment a text is on screen.
 */

import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { Unavailable } from './result.js'

/** The CLI's Chromium finder and flags (imported late: `slidemark` may be built by then). */
export async function launchChromium(): Promise<Browser> {
  const { CHROMIUM_ARGS, findChromium } = await import('slidemark')
  let executablePath: string
  try {
    executablePath = findChromium()
  } catch (error) {
    throw new Unavailable(error instanceof Error ? error.message : String(error))
  }
  const { chromium } = await import('playwright-core')
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true })
}

/**
 * Installed before any page script runs: on every animation frame, looks for
 * an element whose own text contains `window.__benchMarker` and that is
 * visible and inside the viewport; records `performance.now()` (time since
 * navigation start) and the epoch time of that frame.
 */
function installProbe() {
  const w = window as unknown as {
    __benchMarker?: string
    __benchSeen?: { sinceNavigation: number; epoch: number; marker: string }
  }
  const onScreen = (marker: string): boolean => {
    const found = document.evaluate(
      `//*[contains(text(), ${JSON.stringify(marker)})]`,
      document,
      null,
      XPathResult.ORDERED_NODE_SNAPSHOT_TYPE,
      null,
    )
    for (let i = 0; i < found.snapshotLength; i++) {
      const element = found.snapshotItem(i) as Element
      const box = element.getBoundingClientRect()
      const inViewport =
        box.width > 0 &&
        box.height > 0 &&
        box.right > 0 &&
        box.bottom > 0 &&
        box.left < innerWidth &&
        box.top < innerHeight
      const visible =
        typeof element.checkVisibility !== 'function' ||
        element.checkVisibility({ opacityProperty: true, visibilityProperty: true })
      if (inViewport && visible) return true
    }
    return false
  }
  // A marker set before a full page reload is still awaited after it.
  w.__benchMarker = sessionStorage.getItem('__benchMarker') ?? w.__benchMarker
  const tick = () => {
    const marker = w.__benchMarker
    if (marker && w.__benchSeen?.marker !== marker && document.body && onScreen(marker)) {
      const now = performance.now()
      w.__benchSeen = { sinceNavigation: now, epoch: performance.timeOrigin + now, marker }
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/** Adds the probe to every document the page loads, watching for `marker` from the start. */
export async function addProbe(page: Page, marker: string): Promise<void> {
  await page.addInitScript(
    `window.__benchMarker = ${JSON.stringify(marker)}; (${installProbe.toString()})();`,
  )
}

/** Starts watching for a new marker in the current document. */
export async function watchFor(page: Page, marker: string): Promise<void> {
  await page.evaluate((text) => {
    ;(window as unknown as { __benchMarker?: string }).__benchMarker = text
    sessionStorage.setItem('__benchMarker', text)
  }, marker)
}

/**
 * Waits until the probe has seen `marker` on screen; returns its timestamps.
 * Survives full page reloads in between (the probe is reinstalled and keeps
 * waiting for the same marker).
 */
export async function seen(
  page: Page,
  marker: string,
  timeoutMs = 30_000,
): Promise<{ sinceNavigation: number; epoch: number }> {
  const deadline = performance.now() + timeoutMs
  while (true) {
    try {
      const handle = await page.waitForFunction(
        (text) => {
          const s = (window as unknown as { __benchSeen?: { marker: string } }).__benchSeen
          return s && s.marker === text ? s : undefined
        },
        marker,
        { timeout: Math.max(1, deadline - performance.now()), polling: 10 },
      )
      return (await handle.jsonValue()) as unknown as { sinceNavigation: number; epoch: number }
    } catch (error) {
      const reloaded =
        error instanceof Error && /context was destroyed|navigat/i.test(error.message)
      if (!reloaded || performance.now() > deadline) throw error
    }
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

/** Serves `root` on 127.0.0.1 (a random port); `close()` stops it. */
export async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    let file = path.join(root, pathname)
    if (!file.startsWith(root)) {
      response.writeHead(403).end()
      return
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html')
    if (!existsSync(file)) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    })
    response.end(readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
