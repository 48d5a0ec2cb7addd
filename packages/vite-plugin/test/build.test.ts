import fs from 'node:fs'
import path from 'node:path'
import { compile, type DeckMeta, type Slide, type SlideCache } from '@slidemark/core'
import { build, normalizePath } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { slidemark } from '../src/index.js'
import { copyFixture, importSsrBuild, listFiles, readJs } from './helpers.js'

interface DeckModule {
  default: Slide[]
  meta: DeckMeta
  title: string
  onUpdate: (listener: () => void) => () => void
}

let root: string
let clientFiles: string[]
let clientJs: string
let deck: DeckModule

const slideTitled = (title: string) => {
  const slide = deck.default.find((candidate) => candidate.title === title)
  if (!slide) throw new Error(`no slide titled ${title}`)
  return slide
}

beforeAll(async () => {
  root = copyFixture('vanilla-app')
  const base = { root, logLevel: 'silent', configFile: false } as const
  const plugins = () => [slidemark({ cacheDir: path.join(root, '.slidemark-cache') })]
  await build({ ...base, plugins: plugins() })
  await build({
    ...base,
    plugins: plugins(),
    build: { ssr: 'src/talk.slides.md', outDir: 'dist-ssr' },
  })
  clientFiles = listFiles(path.join(root, 'dist'))

  clientJs = readJs(path.join(root, 'dist'), clientFiles)
  deck = await importSsrBuild(path.join(root, 'dist-ssr'))
}, 60_000)

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('vite build of a vanilla TypeScript app importing a deck', () => {
  it('exports the compiled slides, the front matter as meta and the title', () => {
    expect(deck.default.map((slide) => slide.title)).toEqual([
      'Modules all the way down',
      'A picture',
      'A tiny logo',
      'Some Python',
      'The end',
    ])
    expect(deck.meta).toMatchObject({ title: 'Modules all the way down', author: 'Fixture Author' })
    expect(deck.title).toBe('Modules all the way down')
  })

  it('highlights a !python block at build time', () => {
    const { content } = slideTitled('Some Python')
    expect(content).toContain('<pre')
    // Shiki's light/dark output: every token carries its colours as CSS variables.
    expect(content).toMatch(/<span style="--shiki-light:#\w{6};--shiki-dark:#\w{6}">def<\/span>/)
    expect(content).toContain('data-language="python"')
    expect(content).not.toContain('!python')
  })

  it('emits a large image with a content hash and points the slide at it', () => {
    const emitted = clientFiles.find((file) => /^assets\/photo-[\w-]{8,}\.png$/.test(file))
    expect(emitted).toBeDefined()
    const original = fs.readFileSync(path.join(root, 'src/img/photo.png'))
    expect(fs.readFileSync(path.join(root, 'dist', emitted as string))).toEqual(original)
    const picture = slideTitled('A picture')
    expect(picture.content).toContain(`src="/${emitted}"`)
    expect(picture.assets.map((asset) => asset.url)).toEqual([`/${emitted}`])
    expect(clientJs).toContain(`/${emitted}`)
  })

  it('inlines a small image under assetsInlineLimit and emits no file for it', () => {
    const logo = slideTitled('A tiny logo')
    expect(logo.content).toMatch(/<img src="data:image\/svg\+xml,[^"]+" alt="logo">/)
    expect(clientFiles.some((file) => file.includes('logo'))).toBe(false)
  })

  it('leaves absolute URLs as written', () => {
    expect(slideTitled('A tiny logo').content).toContain('src="https://example.com/remote.png"')
  })

  it('ships no compiler code to the browser: highlighting happened at build time', () => {
    expect(clientJs).toContain('Thanks for watching')
    for (const marker of ['micromark', 'unified', 'createHighlighter', 'oniguruma', 'remark']) {
      expect(clientJs, marker).not.toContain(marker)
    }
  })

  it('makes onUpdate a no-op outside the dev server', () => {
    const unsubscribe = deck.onUpdate(() => {})
    expect(unsubscribe).toBeTypeOf('function')
    expect(unsubscribe()).toBeUndefined()
  })
})

describe('a deck compiled by the tool running Vite (`compiled`)', () => {
  it('is used instead of a compile of its own: the plugin compiles no slide', async () => {
    const app = copyFixture('vanilla-app')
    try {
      const deckFile = normalizePath(path.join(app, 'src', 'talk.slides.md'))
      const text = fs.readFileSync(deckFile, 'utf8')
      const own = await compile(text, { filename: deckFile })
      const handed = {
        ...own,
        slides: own.slides.map((slide) => ({
          ...slide,
          content: `${slide.content}<p>handed over</p>`,
        })),
      }
      const asked: string[] = []
      let cached = 0
      const cache: SlideCache = {
        get: () => undefined,
        set: () => {
          cached++
        },
      }
      const compiled = (file: string, source: string) => {
        asked.push(file)
        return source === text ? Promise.resolve(handed) : undefined
      }
      await build({
        root: app,
        logLevel: 'silent',
        configFile: false,
        plugins: [slidemark({ cache, compiled, lazy: false })],
      })
      expect(asked).toEqual([deckFile])
      expect(cached).toBe(0)
      expect(readJs(path.join(app, 'dist'), listFiles(path.join(app, 'dist')))).toContain(
        'handed over',
      )
    } finally {
      fs.rmSync(app, { recursive: true, force: true })
    }
  }, 60_000)
})
