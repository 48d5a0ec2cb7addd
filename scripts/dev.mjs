#!/usr/bin/env node
// `pnpm dev`: the playground on Vite's dev server, straight from the packages'
// TypeScript sources, with nothing built first (a fresh clone serves in a
// few seconds; `pnpm build` is for the packages' dist/ and the static deck).
//
// - Browser side (runtime, themes): Vite serves their `src/` through aliases,
//   so an edit to a theme or the runtime hot-reloads like app code.
// - Node side (core, vite-plugin): the plugin runs inside this process, so
//   their sources are transpiled (types stripped by Vite's Oxc, no type
//   check, ~0.2 s) into each package's node_modules/.slidemark-dev/ and
//   imported from there. Restart `pnpm dev` after editing them.
//
// Options: --port N, --host [address], --open. The playground's own
// vite.config.ts (which uses the built plugin) is what `pnpm build` and
// `pnpm --filter playground dev` use; this file mirrors its dev settings.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { createServer, transformWithOxc } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
const packages = path.join(root, 'packages')
const OUT = path.join('node_modules', '.slidemark-dev')

/** TypeScript files under `dir` (recursively), as paths relative to it. */
function sources(dir, prefix = '') {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name)
    if (entry.isDirectory()) return sources(dir, relative)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [relative] : []
  })
}

/**
 * Transpiles packages/<name>/src/**.ts to packages/<name>/node_modules/.slidemark-dev/**.js
 * (bare imports then resolve from the package's own node_modules) and
 * rewrites imports of other workspace packages to their transpiled copies.
 */
async function transpile(name, workspaceImports = {}) {
  const src = path.join(packages, name, 'src')
  const out = path.join(packages, name, OUT)
  rmSync(out, { recursive: true, force: true })
  for (const file of sources(src)) {
    const from = path.join(src, file)
    const to = path.join(out, file.replace(/\.ts$/, '.js'))
    let { code } = await transformWithOxc(readFileSync(from, 'utf8'), from, { lang: 'ts' })
    for (const [specifier, target] of Object.entries(workspaceImports)) {
      const relative = path.relative(path.dirname(to), target).split(path.sep).join('/')
      code = code.replaceAll(`'${specifier}'`, `'${relative}'`)
      code = code.replaceAll(`"${specifier}"`, `"${relative}"`)
    }
    mkdirSync(path.dirname(to), { recursive: true })
    writeFileSync(to, code)
  }
  return path.join(out, 'index.js')
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    open: { type: 'boolean' },
  },
  allowPositionals: false,
})

const started = performance.now()
const core = await transpile('core')
// The compile threads load core's built worker (`dist/worker/`, one bundle); unbuilt, the
// transpiled worker module does, through the path `builtFile()` gives beside these files.
const worker = path.join(path.dirname(core), 'worker', 'pool-worker.js')
mkdirSync(path.dirname(worker), { recursive: true })
writeFileSync(worker, "export { default } from '../lib/pool-worker.js'\n")
// The plugin takes `parseHash` from the runtime (Node side): its sources too, and the
// Mermaid loader a deck with diagrams imports is the runtime's source (Vite serves it).
const runtime = await transpile('runtime')
const plugin = await transpile('vite-plugin', {
  '@slidemark/core': core,
  '@slidemark/core/pool': path.join(path.dirname(core), 'pool.js'),
  '@slidemark/runtime': runtime,
  '@slidemark/runtime/mermaid': path.join(packages, 'runtime', 'src', 'mermaid.ts'),
})
const { slidemark } = await import(pathToFileURL(plugin).href)

/**
 * Aliases from each browser-side package's `exports` to its sources:
 * `./dist/dom/index.js` → `src/dom/index.ts`, `./dist/style.css` → `src/style.css`.
 * Read from package.json, so a new export (say `./code-steps.css`) needs no edit here.
 */
function sourceAliases(name) {
  const dir = path.join(packages, name)
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
  return Object.entries(manifest.exports ?? {}).map(([subpath, target]) => {
    const built = typeof target === 'string' ? target : target.default
    const file = built.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')
    const specifier = `${manifest.name}${subpath.slice(1)}`
    const escaped = specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    return { find: new RegExp(`^${escaped}$`), replacement: path.join(dir, file) }
  })
}

const server = await createServer({
  configFile: false,
  root: path.join(root, 'playground'),
  // The in-memory cache: a disk cache would not notice an edit to core's sources.
  plugins: [slidemark({ cacheDir: false })],
  resolve: {
    alias: ['runtime', 'theme-html5-slides', 'theme-horizon'].flatMap(sourceAliases),
  },
  server: {
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values.host !== undefined ? { host: values.host || true } : {}),
    ...(values.open ? { open: true } : {}),
  },
})
await server.listen()
server.config.logger.info(
  `  playground from the packages' sources, ready in ${Math.round(performance.now() - started)} ms\n`,
)
server.printUrls()
server.bindCLIShortcuts({ print: true })
