import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import slidemark from '@slidemark/vite-plugin'
import { build, type Plugin } from 'vite'
import { APP_MANIFEST, appDirFor, appInputs, type StaticApp } from './static-app.js'
import { type ResolvedTheme, resolveTheme } from './theme.js'

/** The themes installed with the CLI: each gets an app built ahead of time. */
export const BUNDLED_THEMES = ['html5-slides', 'horizon']

const ENTRY_ID = '\0slidemark:static-app.js'

/**
 * The app's one module: what a built deck module needs to hand it its
 * slides (`start`), and the theme's `mount` for the dev server's entry (dev-app.ts).
 */
function entryCode(theme: ResolvedTheme): string {
  return `import { mount } from ${JSON.stringify(theme.dir)}
export { mount }
export { lazySlides, unpackMetadata } from '@slidemark/vite-plugin/lazy-slides'

export function start(slides, meta) {
  mount(document.getElementById('app'), slides, { meta })
}
`
}

function entryPlugin(theme: ResolvedTheme): Plugin {
  return {
    name: 'slidemark:static-app',
    resolveId: (id) => (id === ENTRY_ID ? ENTRY_ID : null),
    load: (id) => (id === ENTRY_ID ? entryCode(theme) : null),
  }
}

/** Vite's manifest entry of a chunk (the fields read here). */
interface ManifestChunk {
  file: string
  css?: string[]
  isEntry?: boolean
}

/** The files under `dir`, relative to it, without the manifest. */
function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith('.vite'))
    .sort()
}

/**
 * Builds `theme`'s app with the settings `slidemark build` gives Vite
 * (relative URLs, no modulepreload polyfill, no PostCSS config), into its
 * folder under `dist/apps`, and writes its {@link StaticApp} manifest.
 */
export async function buildStaticApp(theme: ResolvedTheme): Promise<StaticApp> {
  const outDir = appDirFor(theme.packageName)
  await build({
    configFile: false,
    envDir: false,
    root: theme.dir,
    logLevel: 'warn',
    base: './',
    mode: 'production',
    // The plugin's build settings and chunk rewrites (no preload helper for the runtime's own
    // lazy chunks), as in a deck's Vite build; it compiles no deck here.
    plugins: [entryPlugin(theme), slidemark({ include: /(?!)/, cacheDir: false })],
    css: { postcss: {} },
    build: {
      outDir,
      emptyOutDir: true,
      manifest: true,
      reportCompressedSize: false,
      rolldownOptions: {
        input: { app: ENTRY_ID },
        preserveEntrySignatures: 'allow-extension',
      },
    },
  })
  const manifest = JSON.parse(
    fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry)
  if (!entry) throw new Error(`Vite built no entry for ${theme.packageName}`)
  fs.rmSync(path.join(outDir, '.vite'), { recursive: true, force: true })
  const app: StaticApp = {
    theme: theme.packageName,
    files: listFiles(outDir),
    entry: entry.file,
    css: entry.css ?? [],
    inputs: appInputs(theme.dir),
  }
  fs.writeFileSync(path.join(outDir, APP_MANIFEST), `${JSON.stringify(app, null, 2)}\n`)
  return app
}

/** Builds every bundled theme's app (`pnpm build`). */
export async function buildStaticApps(): Promise<StaticApp[]> {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const apps: StaticApp[] = []
  for (const name of BUNDLED_THEMES) apps.push(await buildStaticApp(resolveTheme(name, here)))
  return apps
}
