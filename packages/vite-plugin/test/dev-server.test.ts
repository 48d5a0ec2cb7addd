import fs from 'node:fs'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import type { Slide, SlideCache } from '@slidemark/core'
import {
  type CustomPayload,
  createLogger,
  createServer,
  type ErrorPayload,
  type HotPayload,
  type Logger,
  type UpdatePayload,
  type ViteDevServer,
} from 'vite'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { HOT_SLIDES_EVENT, type HotSlidesPatch } from '../src/hot-slides.js'
import { slidemark } from '../src/index.js'
import { copyFixture } from './helpers.js'

let root: string
let server: ViteDevServer
let origin: string
/** Every HMR payload the dev server sent to browsers. */
const sent: HotPayload[] = []
/** Cache keys written, i.e. slides compiled (a cache hit writes nothing). */
const compiled: string[] = []
const warnings: string[] = []

const deckFile = () => path.join(root, 'src/talk.slides.md')
const readDeck = () => fs.readFileSync(deckFile(), 'utf8')

/**
 * The file watcher (chokidar) drops a `change` that follows another one on
 * the same file within 50 ms, as no editor saves that fast; tests pause like
 * a person would before each save (every save follows a seen update, which
 * comes after the watcher's previous event).
 */
const SAVE_SPACING_MS = 200

/**
 * Saves the deck and waits until the dev server has told browsers about it:
 * a module update, or the changed slides alone (`slidemark:slides`).
 */
async function editDeck(text: string): Promise<UpdatePayload | CustomPayload> {
  await new Promise((resolve) => setTimeout(resolve, SAVE_SPACING_MS))
  sent.length = 0
  fs.writeFileSync(deckFile(), text)
  return vi.waitFor(
    () => {
      const told = sent.find(
        (payload): payload is UpdatePayload | CustomPayload =>
          (payload.type === 'custom' && payload.event === HOT_SLIDES_EVENT) ||
          (payload.type === 'update' &&
            payload.updates.some((entry) => entry.path === '/src/talk.slides.md')),
      )
      if (!told) throw new Error('no update for the deck yet')
      return told
    },
    { timeout: 10_000, interval: 20 },
  )
}

/** What a browser does: fetch the deck module as Vite rewrote its import. */
async function fetchDeck(name = 'talk', timestamp = Date.now()) {
  const response = await fetch(`${origin}/src/${name}.slides.md?import&t=${timestamp}`)
  return { status: response.status, code: await response.text() }
}

function payloadsOf<T extends HotPayload['type']>(type: T) {
  return sent.filter(
    (payload): payload is Extract<HotPayload, { type: T }> => payload.type === type,
  )
}

async function nextUpdateFor(file: string): Promise<UpdatePayload> {
  return vi.waitFor(
    () => {
      const update = payloadsOf('update').find((payload) =>
        payload.updates.some((entry) => entry.path === file),
      )
      if (!update) throw new Error(`no update for ${file} yet`)
      return update
    },
    { timeout: 10_000, interval: 20 },
  )
}

function countingCache(): SlideCache {
  const entries = new Map<string, unknown>()
  return {
    get: (key) => entries.get(key) as ReturnType<SlideCache['get']>,
    set(key, value) {
      compiled.push(key)
      entries.set(key, value)
    },
  }
}

/** Vite prints a plugin's `this.warn` with `Plugin: <name>` under the message. */
const ourWarning = (message: string) =>
  stripVTControlCharacters(message).includes('Plugin: slidemark')

function capturingLogger(): Logger {
  const logger = createLogger('warn', { allowClearScreen: false })
  return {
    ...logger,
    warn(message, options) {
      warnings.push(message)
      if (!ourWarning(message)) logger.warn(message, options)
    },
    warnOnce(message, options) {
      warnings.push(message)
      logger.warnOnce(message, options)
    },
    error() {},
  }
}

beforeAll(async () => {
  root = copyFixture('vanilla-app')
  server = await createServer({
    root,
    configFile: false,
    customLogger: capturingLogger(),
    server: { host: '127.0.0.1', port: 0, strictPort: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [slidemark({ cache: countingCache() })],
  })
  await server.listen()
  const address = server.httpServer?.address()
  if (!address || typeof address === 'string') throw new Error('dev server has no port')
  origin = `http://127.0.0.1:${address.port}`
  const hot = server.environments.client.hot
  const send = hot.send.bind(hot) as (payload: HotPayload) => void
  hot.send = ((payload: HotPayload) => {
    sent.push(payload)
    send(payload)
  }) as typeof hot.send
}, 30_000)

afterAll(async () => {
  await server?.close()
  fs.rmSync(root, { recursive: true, force: true })
})

beforeEach(() => {
  sent.length = 0
  compiled.length = 0
})

describe('dev server', { timeout: 20_000 }, () => {
  it('serves the deck as a self-accepting module with its images imported', async () => {
    const { status, code } = await fetchDeck()
    expect(status).toBe(200)
    expect(code).toContain('Thanks for watching')
    expect(code).toMatch(/import __sm_asset_0 from "\/src\/img\/photo\.png\?import"/)
    expect(code).toContain('import.meta.hot.accept(')
    const module =
      await server.environments.client.moduleGraph.getModuleByUrl('/src/talk.slides.md')
    expect(module?.isSelfAccepting).toBe(true)
  })

  it('loads in server-side rendering without touching browser globals', async () => {
    const module = await server.ssrLoadModule('/src/talk.slides.md')
    const picture = (module.default as Slide[]).find((slide) => slide.title === 'A picture')
    expect(picture?.content).toContain('<img src="/src/img/photo.png"')
    expect(module.title).toBe('Modules all the way down')
    expect(module.onUpdate(() => {})).toBeTypeOf('function')
  })

  it('sends only the edited slide, recompiled alone, not a module update or a reload', async () => {
    await fetchDeck()
    const original = readDeck()
    compiled.length = 0
    const told = await editDeck(original.replace('Thanks for watching', 'Thanks for reading'))
    expect(told).toMatchObject({ type: 'custom', event: HOT_SLIDES_EVENT })
    const patch = (told as CustomPayload).data as HotSlidesPatch
    expect(patch.id).toBe(deckFile().split(path.sep).join('/'))
    expect(patch.to).toBeGreaterThan(patch.from)
    expect(patch.slides).toHaveLength(1)
    const [index, slide] = patch.slides[0] ?? []
    expect(slide?.index).toBe(index)
    expect(slide?.content).toContain('Thanks for reading')
    expect(compiled).toHaveLength(1)
    expect(payloadsOf('update')).toEqual([])
    expect(payloadsOf('full-reload')).toEqual([])
    // A page loaded later gets the module compiled afresh, with the edit.
    const { status, code } = await fetchDeck()
    expect(status).toBe(200)
    expect(code).toContain('Thanks for reading')
    await editDeck(original)
  })

  it('sends a one-slide edit compiled alone first, and nothing more when the whole deck agrees', async () => {
    await fetchDeck()
    const original = readDeck()
    const edited = original.replace('Thanks for watching', 'Thanks for watching\n\nand reading')
    const guess = (await editDeck(edited)) as CustomPayload
    expect(guess).toMatchObject({ type: 'custom', event: HOT_SLIDES_EVENT })
    const patch = guess.data as HotSlidesPatch
    expect(patch.slides.map(([index]) => index)).toEqual([4])
    expect(patch.slides[0]?.[1].source).toEqual({ start: 35, end: 39 })
    // The next edit's patch starts from the guess: the whole compile found nothing to correct.
    const next = ((await editDeck(original)) as CustomPayload).data as HotSlidesPatch
    expect(next.from).toBe(patch.to)
    expect(next.slides[0]?.[1].content).not.toContain('and reading')
    expect(payloadsOf('update')).toEqual([])
  })

  it('corrects a one-slide guess with what the whole deck makes of the edit', async () => {
    await fetchDeck()
    const original = readDeck()
    // An open HTML comment: alone the slide is one slide, in the deck it swallows the next one.
    const edited = original.replace('# Some Python\n', '# Some Python\n\n<!-- a note\n')
    const guess = ((await editDeck(edited)) as CustomPayload).data as HotSlidesPatch
    expect(guess.length).toBe(5)
    const correction = await vi.waitFor(
      () => {
        const found = sent
          .flatMap((payload) =>
            payload.type === 'custom' && payload.event === HOT_SLIDES_EVENT
              ? [payload.data as HotSlidesPatch]
              : [],
          )
          .find((candidate) => candidate.from === guess.to)
        if (!found) throw new Error('no correction yet')
        return found
      },
      { timeout: 10_000, interval: 20 },
    )
    expect(correction.length).toBe(4)
    expect(payloadsOf('update')).toEqual([])
    expect(payloadsOf('full-reload')).toEqual([])
    const { code } = await fetchDeck()
    expect(code).not.toContain('Thanks for watching')
    await editDeck(original)
  })

  it('sends an edit to a slide with an image as a module update (its URL is an import)', async () => {
    await fetchDeck()
    const original = readDeck()
    const update = await editDeck(original.replace('# A picture', '# A photograph'))
    expect(update).toMatchObject({
      type: 'update',
      updates: [expect.objectContaining({ type: 'js-update', path: '/src/talk.slides.md' })],
    })
    expect((await fetchDeck()).code).toContain('A photograph')
    await fetchDeck()
    await editDeck(original)
  })

  it('reports a broken edit as an error overlay with its place, then recovers on the fix', async () => {
    const original = readDeck()
    await editDeck(original.replace('author: Fixture Author', 'author: Fixture: Author'))
    const broken = await fetchDeck()
    expect(broken.status).toBe(500)
    const [error] = payloadsOf('error') as ErrorPayload[]
    expect(error?.err.message).toMatch(/src\/talk\.slides\.md:3:\d+: .*\[invalid-front-matter\]/)
    expect(error?.err.loc).toMatchObject({ file: deckFile(), line: 3 })
    expect(error?.err.frame).toContain('> 3 | author: Fixture: Author')
    expect(error?.err.plugin).toBe('slidemark')
    expect(payloadsOf('full-reload')).toEqual([])

    // The next update clears Vite's overlay in the browser; the module compiles again.
    await editDeck(original)
    const fixed = await fetchDeck()
    expect(fixed.status).toBe(200)
    expect(fixed.code).toContain('Thanks for watching')
    expect(payloadsOf('full-reload')).toEqual([])
  })

  it('names the deck, line and column of a missing image, and recovers once the file exists', async () => {
    const original = readDeck()
    await editDeck(original.replace('# The end\n', '# The end\n\nSee ![chart](./img/chart.png)\n'))
    expect((await fetchDeck()).status).toBe(500)
    const [error] = payloadsOf('error') as ErrorPayload[]
    const line = readDeck().split('\n').indexOf('See ![chart](./img/chart.png)') + 1
    expect(error?.err.message).toContain(
      `src/talk.slides.md:${line}:5: Cannot find "./img/chart.png"`,
    )
    expect(error?.err.loc).toEqual({ file: deckFile(), line, column: 5 })
    expect(error?.err.frame).toContain(`> ${line} | See ![chart](./img/chart.png)`)

    sent.length = 0
    fs.copyFileSync(path.join(root, 'src/img/logo.svg'), path.join(root, 'src/img/chart.png'))
    await nextUpdateFor('/src/talk.slides.md')
    expect((await fetchDeck()).status).toBe(200)
    await editDeck(original)
  })

  it('reports an image deleted while the server runs, and recovers when it is back', async () => {
    await fetchDeck()
    const logo = path.join(root, 'src/img/logo.svg')
    const bytes = fs.readFileSync(logo)
    sent.length = 0
    fs.rmSync(logo)
    await nextUpdateFor('/src/talk.slides.md')
    expect((await fetchDeck()).status).toBe(500)
    const [error] = payloadsOf('error') as ErrorPayload[]
    expect(error?.err.message).toContain('src/talk.slides.md:21:1: Cannot find "./img/logo.svg"')

    sent.length = 0
    fs.writeFileSync(logo, bytes)
    await nextUpdateFor('/src/talk.slides.md')
    expect((await fetchDeck()).status).toBe(200)
  })

  it('reloads the page when a deck that never compiled is fixed', async () => {
    const file = path.join(root, 'src/late.slides.md')
    fs.writeFileSync(file, '---\ntitle: Late: deck\n---\n\n# Late\n')
    expect((await fetchDeck('late')).status).toBe(500)
    await new Promise((resolve) => setTimeout(resolve, SAVE_SPACING_MS))
    sent.length = 0
    fs.writeFileSync(file, '---\ntitle: Late deck\n---\n\n# Late\n')
    await vi.waitFor(() => expect(payloadsOf('full-reload')).toHaveLength(1), { timeout: 10_000 })
    expect(payloadsOf('update')).toEqual([])
    expect((await fetchDeck('late')).status).toBe(200)
  })

  it('prints a warning once with file:line:column, however often the deck is served', async () => {
    const file = path.join(root, 'src/warn.slides.md')
    fs.writeFileSync(file, '# Code\n\n    !klingon\n    qapla()\n\n---\n\n# Two\n\nSecond\n')
    await fetchDeck('warn')
    await fetchDeck('warn')
    fs.writeFileSync(
      file,
      '# Code\n\n    !klingon\n    qapla()\n\n---\n\n# Two\n\nSecond, edited\n',
    )
    await vi.waitFor(async () => expect((await fetchDeck('warn')).code).toContain('edited'))
    const printed = warnings.filter(ourWarning).map((message) => stripVTControlCharacters(message))
    expect(printed).toHaveLength(1)
    expect(printed[0]).toMatch(/src\/warn\.slides\.md:3:\d+: .*klingon.* \[unknown-language\]/)
    // The place as data (loc), shown by Vite with a frame.
    expect(printed[0]).toMatch(/File: .*\/src\/warn\.slides\.md:3:\d+/)
    expect(printed[0]).toContain('> 3 |     !klingon')
  })
})
