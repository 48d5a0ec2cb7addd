import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Deck } from '@slidemark/core'
import { staticDeckModules } from '@slidemark/vite-plugin/tools'
import type { LoadedDeck } from './deck.js'
import { pageHtml } from './page.js'
import { findPackageDir, type ResolvedTheme } from './theme.js'

/**
 * A bundled theme's app, built by Vite ahead of time (`pnpm build` of this
 * package, scripts/build-apps.js): the runtime, the theme, its CSS and
 * fonts, minified, with a `start(slides, meta)` export. `slidemark build`
 * writes a plain deck (no images, math or diagrams) next to it without
 * loading Vite: most of a small deck's build was Vite starting, and a big
 * deck's was Vite re-reading its slides.
 */
export interface StaticApp {
  /** The theme package it presents. */
  theme: string
  /** Its folder's files, relative to it (`assets/app-3f2a.js`, …). */
  files: string[]
  /** The module the deck imports, relative to the folder. */
  entry: string
  /** Stylesheets the page links, relative to the folder. */
  css: string[]
  /** {@link appInputs} of the theme it was built from: a rebuilt theme or runtime makes it stale. */
  inputs: string
}

/** The manifest in each app's folder. */
export const APP_MANIFEST = 'app.json'

/** Where the apps are: `dist/apps/<theme package, / as +>/` (this file is in `src/` or `dist/`). */
export const APPS_DIR = fileURLToPath(new URL('../dist/apps/', import.meta.url))

export function appDirFor(packageName: string): string {
  return path.join(APPS_DIR, packageName.replace('/', '+'))
}

/** The `.js` and `.css` files under `dir`, sorted. */
function codeFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(?:js|css)$/.test(file))
    .sort()
    .map((file) => path.join(dir, file))
}

/**
 * A hash of what an app is built from: the theme's and the runtime's
 * `package.json` and built code, and the deck loader. Contents, not
 * times, so an app built before a package was published still matches.
 */
export function appInputs(themeDir: string): string {
  const runtime = findPackageDir('@slidemark/runtime', themeDir)
  const loader = fileURLToPath(import.meta.resolve('@slidemark/vite-plugin/lazy-slides'))
  const files = [themeDir, runtime]
    .filter((dir): dir is string => dir !== undefined)
    .flatMap((dir) => [path.join(dir, 'package.json'), ...codeFiles(path.join(dir, 'dist'))])
  const hash = createHash('sha256')
  for (const file of [...files, loader]) hash.update(file.slice(-80)).update(fs.readFileSync(file))
  return hash.digest('base64url').slice(0, 16)
}

/** Apps already looked up in this process, by theme package and folder (a build asks twice). */
const checked = new Map<string, StaticApp | undefined>()

/** The prebuilt app for `theme`, if there is one and it was built from the theme installed now. */
export function staticAppFor(theme: ResolvedTheme): StaticApp | undefined {
  const key = `${theme.packageName}\0${theme.dir}`
  if (!checked.has(key)) checked.set(key, findStaticApp(theme))
  return checked.get(key)
}

function findStaticApp(theme: ResolvedTheme): StaticApp | undefined {
  let app: StaticApp
  try {
    const manifest = path.join(appDirFor(theme.packageName), APP_MANIFEST)
    app = JSON.parse(fs.readFileSync(manifest, 'utf8')) as StaticApp
  } catch {
    return undefined
  }
  if (app.theme !== theme.packageName) return undefined
  try {
    return appInputs(theme.dir) === app.inputs ? app : undefined
  } catch {
    return undefined
  }
}

/** An image (`![a](b)`, `![a][b]`), a media or frame tag, a CSS `url(`, a diagram: signs of assets. */
const LIKELY_ASSETS =
  /!\[[^\]\n]*\][([]|<(?:img|video|audio|source|iframe|object|embed)\b|url\(|mermaid/i

/**
 * Whether a build can skip Vite before the deck is compiled: no single
 * file, no `public/` folder to copy, nothing that looks like an image,
 * a diagram or a stylesheet import, and a prebuilt app for the theme.
 * The compiled deck is checked again ({@link canWriteStatic}).
 */
export function mayWriteStatic(
  read: Pick<LoadedDeck, 'source' | 'dir'>,
  theme: ResolvedTheme | undefined,
  singleFile: boolean,
): theme is ResolvedTheme {
  if (singleFile || !theme || fs.existsSync(path.join(read.dir, 'public'))) return false
  if (LIKELY_ASSETS.test(read.source)) return false
  return staticAppFor(theme) !== undefined
}

/**
 * Whether the compiled deck needs nothing from Vite: no assets, no math
 * (the test the Vite plugin's `hasMath` makes). Diagrams are the caller's
 * check (`deckHasDiagrams`).
 */
export function canWriteStatic(deck: Deck): boolean {
  return deck.slides.every(
    (slide) => slide.assets.length === 0 && !slide.content.includes('class="katex'),
  )
}

/** A short content hash for a file name, as Vite names its chunks. */
function hashOf(code: string): string {
  return createHash('sha256').update(code).digest('base64url').slice(0, 8)
}

/**
 * Writes the built deck into `outDir` (which exists and is empty): the
 * app's files, the deck's modules in `assets/`, and `index.html` with
 * URLs under `base`. Returns nothing; errors are the file system's.
 */
export function writeStaticDeck(
  loaded: LoadedDeck,
  app: StaticApp,
  theme: ResolvedTheme,
  outDir: string,
  base: string,
): void {
  const from = appDirFor(theme.packageName)
  for (const file of app.files) {
    fs.mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true })
    fs.copyFileSync(path.join(from, file), path.join(outDir, file))
  }
  const assets = path.join(outDir, 'assets')
  fs.mkdirSync(assets, { recursive: true })
  // Only URL-safe characters: a `#` or `?` in a deck's name would cut its chunks' URLs short.
  const name = path
    .basename(loaded.path)
    .replace(/\.(?:slides\.)?(?:md|markdown)$/i, '')
    .replace(/[^\w.-]/g, '_')
  const chunkFiles: string[] = []
  const modules = staticDeckModules(loaded.deck, {
    app: `./${path.basename(app.entry)}`,
    file: path.basename(loaded.path),
    chunkUrl: (chunk, code) => {
      const file = `${name}-${chunk}-${hashOf(code)}.js`
      chunkFiles[chunk] = file
      return `./${file}`
    },
  })
  modules.chunks.forEach((code, chunk) => {
    fs.writeFileSync(path.join(assets, chunkFiles[chunk] as string), code)
  })
  const entry = `assets/index-${hashOf(modules.entry)}.js`
  fs.writeFileSync(path.join(outDir, entry), modules.entry)
  const preload = modules.preload(chunkFiles.map((file) => `${base}assets/${file}`))
  const head = [
    // Before the stylesheets, which a script would wait for (see the Vite plugin's deep-link.ts).
    ...(preload ? [`<script>${preload}</script>`] : []),
    `<script type="module" crossorigin src="${base}${entry}"></script>`,
    `<link rel="modulepreload" crossorigin href="${base}${app.entry}">`,
    ...app.css.map((css) => `<link rel="stylesheet" crossorigin href="${base}${css}">`),
  ]
  fs.writeFileSync(path.join(outDir, 'index.html'), pageHtml(loaded.deck, head))
}
