import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { currentSlide } from './deck-page.js'
import { assertBuilt, copyFixture, launchChromium, startCli } from './helpers.js'

let browser: Browser
let project: string

beforeAll(async () => {
  assertBuilt()
  project = copyFixture('talk')
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  fs.rmSync(project, { recursive: true, force: true })
})

const READY = /slidemark: ready at (http:\/\/127\.0\.0\.1:\d+\/)/

/**
 * Opens `url` and waits until Vite's HMR client is connected: a file saved
 * before that would be missed by the page on a busy machine.
 */
async function openConnected(page: Page, url: string): Promise<void> {
  const connected = page.waitForEvent('console', {
    predicate: (message) => message.text().includes('[vite] connected'),
    timeout: 30_000,
  })
  await page.goto(url)
  await connected
}

/** Whether anything still answers at `url`. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url)
    return true
  } catch {
    return false
  }
}

describe('slidemark dev', () => {
  it('serves the deck, applies edits without a reload, and stops on SIGINT', async () => {
    const server = await startCli(['talk.slides.md', '--port', '0', '--host', '127.0.0.1'], READY, {
      cwd: project,
    })
    const url = server.match[1] as string
    const page = await browser.newPage()
    const requested: string[] = []
    page.on('request', (request) => requested.push(new URL(request.url()).pathname))
    try {
      await openConnected(page, `${url}#slide2`)
      expect((await currentSlide(page)).text).toBe('Why tides matter')
      // The theme and the runtime come as the theme's prebuilt app, not module by module.
      expect(requested.filter((file) => file.startsWith('/@slidemark/apps/'))).not.toEqual([])
      expect(requested.filter((file) => /\/(?:runtime|theme-html5-slides)\//.test(file))).toEqual(
        [],
      )
      await page.evaluate(() => {
        ;(window as unknown as { marker: string }).marker = 'kept'
      })
      const deck = path.join(project, 'talk.slides.md')
      fs.writeFileSync(
        deck,
        fs
          .readFileSync(deck, 'utf8')
          .replace('# Why tides matter', '# Why tides matter to sailors'),
      )
      await expect
        .poll(async () => (await currentSlide(page)).text, { timeout: 30_000 })
        .toBe('Why tides matter to sailors')
      expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
        'kept',
      )
      expect((await currentSlide(page)).index).toBe(1)
    } finally {
      await page.close()
    }
    server.child.kill('SIGINT')
    const result = await server.exited
    expect(result.code).toBe(0)
    expect(await answers(url)).toBe(false)
    // Nothing was written next to the deck.
    expect(fs.readdirSync(project).sort()).toEqual(['img', 'talk.slides.md'])
  })

  it('a big deck: the page opens on a deep link before the deck is compiled, never on a wrong or empty slide', async () => {
    const slides = Array.from({ length: 90 }, (_, i) => {
      const n = i + 1
      const code = Array.from({ length: 8 }, (_, line) => `    total_${n} += ${line}  # 行 ${line}`)
      return n % 2 === 0
        ? `# Tide table ${n}\n\n    !python\n${code.join('\n')}`
        : `## Harbour ${n}: 潮の満ち引き\n\n- depth ${n} m\n- window ${n * 2} min`
    })
    const dir = fs.mkdtempSync(path.join(project, '..', 'slidemark-big-'))
    fs.writeFileSync(
      path.join(dir, 'big.slides.md'),
      `---\ntitle: Tides\n---\n\n${slides.join('\n\n---\n\n')}\n`,
    )
    const server = await startCli(['big.slides.md', '--port', '0', '--host', '127.0.0.1'], READY, {
      cwd: dir,
    })
    const page = await browser.newPage()
    try {
      expect(server.output()).toContain('(90 slides)')
      await page.goto(`${server.match[1]}#slide80`)
      const first = await currentSlide(page)
      expect(first.index).toBe(79)
      expect(['Loading slide 80…', 'Tide table 80']).toContain(first.text)
      await expect
        .poll(async () => (await currentSlide(page)).text, { timeout: 60_000 })
        .toBe('Tide table 80')
      expect(await page.locator('[data-slidemark-counter]').textContent()).toBe('80 / 90')
    } finally {
      await page.close()
      server.child.kill('SIGINT')
      await server.exited
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it("editing the front matter's theme: switches the theme", async () => {
    const dir = copyFixture('talk')
    const server = await startCli(['talk.slides.md', '--port', '0', '--host', '127.0.0.1'], READY, {
      cwd: dir,
    })
    const page = await browser.newPage()
    try {
      await openConnected(page, server.match[1] as string)
      const deckElement = page.locator('[data-slidemark-deck]')
      expect(await deckElement.getAttribute('data-theme')).toBe('html5-slides')
      const deck = path.join(dir, 'talk.slides.md')
      fs.writeFileSync(
        deck,
        fs.readFileSync(deck, 'utf8').replace('lang: en', 'lang: en\ntheme: horizon'),
      )
      await expect
        .poll(() => deckElement.getAttribute('data-theme'), { timeout: 30_000 })
        .toBe('horizon')
    } finally {
      await page.close()
      server.child.kill('SIGINT')
      await server.exited
      fs.rmSync(dir, { recursive: true, force: true })
    }
    expect(server.output()).toContain('theme changed to @slidemark/theme-horizon')
  })

  it('stops on SIGTERM', async () => {
    const server = await startCli(
      ['dev', 'talk.slides.md', '--port', '0', '--host', '127.0.0.1'],
      READY,
      {
        cwd: project,
      },
    )
    const url = server.match[1] as string
    expect(await answers(url)).toBe(true)
    server.child.kill('SIGTERM')
    expect((await server.exited).code).toBe(0)
    expect(await answers(url)).toBe(false)
  })
})
