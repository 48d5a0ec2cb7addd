import fs from 'node:fs'
import path from 'node:path'
import { build, parseAst } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { slidemark } from '../src/index.js'
import { type ChunkFacts, unwrapOwnPreloads } from '../src/preload.js'
import { copyFixture, listFiles } from './helpers.js'

const own = (id: string) => id.startsWith('/runtime/')

const chunks: Record<string, ChunkFacts> = {
  'assets/index.js': { fileName: 'assets/index.js', imports: [], moduleIds: ['/app/main.js'] },
  'assets/views.js': {
    fileName: 'assets/views.js',
    imports: ['assets/index.js'],
    moduleIds: ['/runtime/views.js'],
  },
  'assets/page.js': {
    fileName: 'assets/page.js',
    imports: ['assets/index.js'],
    moduleIds: ['/app/page.js', '/app/page.css'],
  },
  'assets/heavy.js': {
    fileName: 'assets/heavy.js',
    imports: ['assets/shared.js'],
    moduleIds: ['/runtime/heavy.js'],
  },
  'assets/shared.js': { fileName: 'assets/shared.js', imports: [], moduleIds: ['/runtime/x.js'] },
}

const unwrap = (code: string) =>
  unwrapOwnPreloads(code, chunks['assets/index.js'] as ChunkFacts, chunks, own, (text) =>
    parseAst(text),
  )

describe('unwrapOwnPreloads', () => {
  it('turns the preload of an own chunk that needs nothing else into a plain import()', () => {
    const code = `const é = "ünïcode ✓";\nconst v = __vitePreload(() => import("./views.js").then((m) => m), __VITE_PRELOAD__);\n`
    expect(unwrap(code)).toBe(
      `const é = "ünïcode ✓";\nconst v = (() => import("./views.js").then((m) => m))();\n`,
    )
  })

  it('unwraps async loaders and keeps the calls around them', () => {
    const code = `f(__vitePreload(async () => { const m = await import("./views.js"); return m }, __VITE_PRELOAD__)).then(g)`
    expect(unwrap(code)).toBe(
      `f((async () => { const m = await import("./views.js"); return m })()).then(g)`,
    )
  })

  it("leaves the app's chunks, chunks that import more, and unknown shapes to Vite", () => {
    for (const code of [
      `__vitePreload(() => import("./page.js"), __VITE_PRELOAD__)`,
      `__vitePreload(() => import("./heavy.js"), __VITE_PRELOAD__)`,
      `__vitePreload(() => import("./missing.js"), __VITE_PRELOAD__)`,
      `__vitePreload(() => import(name), __VITE_PRELOAD__)`,
      `__vitePreload(() => import("./views.js"), true ? __VITE_PRELOAD__ : void 0)`,
      `__vitePreload(() => import("./views.js"), [])`,
    ]) {
      expect(unwrap(code)).toBeUndefined()
    }
  })

  it('unwraps only the own call when the chunk has both', () => {
    const code = `a(__vitePreload(() => import("./page.js"), __VITE_PRELOAD__));b(__vitePreload(() => import("./views.js"), __VITE_PRELOAD__))`
    expect(unwrap(code)).toBe(
      `a(__vitePreload(() => import("./page.js"), __VITE_PRELOAD__));b((() => import("./views.js"))())`,
    )
  })
})

describe('vite build with the runtime', () => {
  const roots: string[] = []
  afterAll(() => {
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true })
  })

  /** Builds an app whose main.ts is `main`, with `files` next to it; returns its JS and CSS. */
  async function buildApp(main: string, files: Record<string, string> = {}) {
    const root = copyFixture('vanilla-app', { needsPackages: true })
    roots.push(root)
    fs.writeFileSync(path.join(root, 'src/main.ts'), main)
    for (const [name, text] of Object.entries(files)) {
      fs.writeFileSync(path.join(root, 'src', name), text)
    }
    await build({
      root,
      logLevel: 'silent',
      configFile: false,
      plugins: [slidemark({ cacheDir: path.join(root, '.slidemark-cache') })],
    })
    const dist = path.join(root, 'dist')
    const files_ = listFiles(dist)
    const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8')
    const entry = files_.find((file) => /^assets\/index-.*\.js$/.test(file))
    return { files: files_, entry: entry ? read(entry) : '', read }
  }

  /** A deck mounted as a theme mounts it. */
  const runtimeMain = [
    `import { mountDeck } from '@slidemark/runtime/dom'`,
    `import slides from './talk.slides.md'`,
    `const theme = { name: 't', rootClass: 't', trackClass: 'track', slideClass: 'slide', width: 800, height: 600, render: (slide) => slide.content }`,
    `mountDeck(document.body, slides, {}, theme)`,
    '',
  ].join('\n')

  it("loads the runtime's lazy chunk with a plain import(), without Vite's preload helper", async () => {
    const app = await buildApp(runtimeMain)
    expect(app.files.some((file) => /^assets\/views-code-.*\.js$/.test(file))).toBe(true)
    expect(app.entry).toMatch(/import\(`\.\/views-code-[\w-]+\.js`\)/)
    expect(app.entry).not.toContain('vite:preloadError')
  }, 60_000)

  it("keeps the helper for the app's own lazy chunk, which still loads its CSS", async () => {
    const app = await buildApp(
      `${runtimeMain}document.body.onkeydown = () => void import('./page.ts')\n`,
      {
        'page.ts': `import './page.css'\nexport const page = 1\n`,
        'page.css': 'p { color: red }\n',
      },
    )
    expect(app.entry).toContain('vite:preloadError')
    const css = app.files.find((file) => /^assets\/page-.*\.css$/.test(file))
    expect(css).toBeDefined()
    expect(app.entry).toContain(path.basename(css as string))
    expect(app.entry).toMatch(/import\(`\.\/views-code-[\w-]+\.js`\)/)
  }, 60_000)
})
