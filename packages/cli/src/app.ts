import path from 'node:path'
import { type Deck, defaultCache, type SlideCache } from '@slidemark/core'
import slidemark, { type DiagramOptions, type SlidemarkApi } from '@slidemark/vite-plugin'
import {
  createLogger,
  type InlineConfig,
  type Logger,
  normalizePath,
  type Plugin,
  type PluginOption,
  searchForWorkspaceRoot,
} from 'vite'
import { compileSettings, hasUserPlugins, type LoadedDeck } from './deck.js'
import {
  APPS_URL,
  appFileCode,
  appFilesMiddleware,
  type ServedApp,
  type ServedApps,
  serveApp,
} from './dev-app.js'
import type { MessagePrinter } from './messages.js'
import { escapeHtml, pageHtml, pageLabels } from './page.js'
import { DENIED_FILES, serveGuardPlugin } from './serve-guard.js'
import { cacheDirFor } from './slide-cache.js'
import type { StaticApp } from './static-app.js'
import type { ResolvedTheme } from './theme.js'

/**
 * The app a deck needs, generated in memory: an `index.html` with one
 * `<main id="app">`, and an entry module that imports the deck, mounts the
 * theme and follows hot updates, exactly as a hand-written app would (see the
 * theme contract). Nothing is written into the deck's folder.
 */

/** The entry module's URL in `index.html`. */
export const ENTRY_URL = '/@slidemark/entry.js'
export const ENTRY_ID = '\0slidemark:entry.js'
/** The id the entry imports the deck by; resolved to the deck's absolute path. */
const DECK_SPECIFIER = 'virtual:slidemark/deck'

export interface AppOptions {
  deck: LoadedDeck
  theme: ResolvedTheme
  /** Extra options for the theme's `mount` (JSON values), e.g. `{ printNotes: true }` for `export --notes`. */
  mountOptions?: Record<string, unknown>
  /** The folder the deck may read files from (`--root`); default: the deck's folder. */
  root?: string | undefined
  /**
   * Build: the deck's compile, which may still be running as Vite starts
   * (`deck` then has no slides yet). The Slidemark plugin waits for it
   * instead of compiling the deck again, and the page's title and language
   * are taken from it as Vite writes the page.
   */
  compiled?: Promise<LoadedDeck>
  /**
   * Dev server: the theme's prebuilt app, if it has one (`staticAppFor`),
   * which the page loads as plain files (see dev-app.ts). Asked again when
   * the theme changes.
   */
  prebuilt?: (theme: ResolvedTheme) => StaticApp | undefined
}

/**
 * The deck's page. The empty icon link keeps browsers from requesting
 * `/favicon.ico`. A prebuilt `app`'s module loads beside the entry that imports it.
 */
export function indexHtml({ deck }: Pick<AppOptions, 'deck'>, app?: ServedApp): string {
  const head = app
    ? [
        ...app.css.map((url) => `<link rel="stylesheet" href="${url}">`),
        `<link rel="modulepreload" href="${app.entry}">`,
      ]
    : []
  return pageHtml(deck.deck, head, `\n    <script type="module" src="${ENTRY_URL}"></script>`)
}

/** The entry module: the same few lines the theme contract shows; `mount` from the prebuilt `app` if given. */
export function entryCode(
  { theme, mountOptions = {} }: Omit<AppOptions, 'deck'>,
  app?: ServedApp,
): string {
  const extra = Object.keys(mountOptions).length > 0 ? `, ...${JSON.stringify(mountOptions)}` : ''
  return `import slides, { meta, onUpdate, title } from ${JSON.stringify(DECK_SPECIFIER)}
import { mount } from ${JSON.stringify(app?.entry ?? theme.packageName)}

// The dev server serves a big deck's page before its first slide (the title) is compiled.
if (title) document.title = title
const root = document.getElementById('app')
const presentation = mount(root, slides, { meta${extra} })
onUpdate((next, nextMeta) => {
  presentation.update(next, nextMeta)
  if (typeof nextMeta.title === 'string') document.title = nextMeta.title
})
`
}

/** The built page `html` with the title and language of the compiled `deck` (see `AppOptions.compiled`). */
function labelPage(html: string, deck: LoadedDeck): string {
  const { title, lang } = pageLabels(deck.deck)
  return html
    .replace(
      /^(<!doctype html>\s*<html) lang="[^"]*"/i,
      (_, start) => `${start} lang="${escapeHtml(lang)}"`,
    )
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)}</title>`)
}

/** The Vite plugin serving the generated page and entry, in dev and in build. */
export function appPlugin(options: AppOptions): Plugin {
  const htmlFile = path.join(options.deck.dir, 'index.html')
  const { compiled } = options
  const served: ServedApps = new Map()
  // Looked up as the page and entry are made: a theme switch changes `options.theme`.
  const app = () => {
    const found = options.prebuilt?.(options.theme)
    return found && serveApp(served, options.theme.packageName, found)
  }
  return {
    name: 'slidemark:app',
    enforce: 'pre',
    async resolveId(id, importer) {
      // A prebuilt app's files keep their URLs; its chunks are imported relative to its module.
      if (id.startsWith(APPS_URL)) return id
      if (importer?.startsWith(APPS_URL) && id.startsWith('.')) {
        return new URL(id, `http://app${importer}`).pathname
      }
      // The theme resolves to the folder it was found in (the deck's project or the CLI's own).
      if (id === options.theme.packageName) {
        return this.resolve(options.theme.dir, importer, { skipSelf: true })
      }
      if (id === ENTRY_URL) return ENTRY_ID
      if (id === DECK_SPECIFIER) return options.deck.path
      if (id === htmlFile) return htmlFile
      return null
    },
    load(id) {
      if (id === ENTRY_ID) return entryCode(options, app())
      if (id === htmlFile) return indexHtml(options, app())
      // Only Vite's pre-transform of the entry's imports asks: the page gets the file as it is.
      if (id.startsWith(APPS_URL)) return appFileCode(served, id)
      return null
    },
    // Vite runs this as it writes the page, after every module: the compile has finished.
    ...(compiled
      ? { transformIndexHtml: async (html: string) => labelPage(html, await compiled) }
      : {}),
    configureServer(server) {
      server.middlewares.use(appFilesMiddleware(served))
      // Before Vite's own middlewares, so a user's index.html next to the deck is not served instead.
      server.middlewares.use(async (req, res, next) => {
        const pathname = (req.url ?? '/').split('?')[0]
        if (pathname !== '/' && pathname !== '/index.html') return next()
        try {
          const html = await server.transformIndexHtml(
            req.url ?? '/',
            indexHtml(options, app()),
            req.originalUrl,
          )
          res.statusCode = 200
          res.setHeader('Content-Type', 'text/html; charset=utf-8')
          res.setHeader('Cache-Control', 'no-cache')
          res.end(html)
        } catch (error) {
          next(error)
        }
      })
    },
  }
}

/** The outermost `node_modules` folder on `file`'s path: pnpm keeps a theme's dependencies there too. */
function outermostNodeModules(file: string): string | undefined {
  const parts = file.split(path.sep)
  const at = parts.indexOf('node_modules')
  return at === -1 ? undefined : parts.slice(0, at + 1).join(path.sep)
}

/**
 * Folders the dev server may serve: the deck's root (its folder, or
 * `--root`), the theme and wherever its own dependencies live.
 */
export function allowedDirs(root: string, theme: ResolvedTheme): string[] {
  const dirs = new Set<string>([root, theme.dir, searchForWorkspaceRoot(theme.dir)])
  const modules = outermostNodeModules(theme.dir)
  if (modules) dirs.add(modules)
  return [...dirs]
}

/**
 * The API of the Slidemark plugin among a Vite config's `plugins` (an
 * inline config's nested arrays, or a resolved config's list).
 */
export function slidemarkApi(plugins: readonly PluginOption[] | undefined): SlidemarkApi {
  const flat: unknown[] = []
  const add = (option: unknown) => (Array.isArray(option) ? option.forEach(add) : flat.push(option))
  add(plugins ?? [])
  const plugin = flat.find(
    (candidate): candidate is Plugin<SlidemarkApi> =>
      typeof candidate === 'object' &&
      candidate !== null &&
      (candidate as Plugin).name === 'slidemark',
  )
  if (!plugin?.api) throw new Error('the Vite config has no Slidemark plugin')
  return plugin.api
}

/**
 * Prints the warnings of every deck the plugin compiles (a rebuild, a saved
 * edit), through the CLI's printer: the same format as the CLI's own, each
 * once. Errors are not printed here: the command reports them as it fails, and
 * the dev server shows them on the page.
 */
export function printPluginMessages(
  api: SlidemarkApi,
  deck: LoadedDeck,
  printer: MessagePrinter,
): () => void {
  return api.onDeck((compiled) => {
    const warnings = compiled.messages.filter((message) => message.severity !== 'error')
    printer.print(warnings.map((message) => ({ ...message, file: deck.displayPath })))
  })
}

/** Vite's logger, except for a failed build, which the CLI reports itself as one line with its place. */
export function createAppLogger(logLevel: InlineConfig['logLevel'] = 'info'): Logger {
  const logger = createLogger(logLevel, { allowClearScreen: false })
  const error = logger.error.bind(logger)
  logger.error = (message, options) => {
    if (/Build failed in /.test(message)) return
    error(message, options)
  }
  return logger
}

export interface ViteConfigOptions extends AppOptions {
  printer: MessagePrinter
  /** Slide cache shared with the Vite plugin; default: the one `compile()` uses by default. */
  cache?: SlideCache
  logLevel?: InlineConfig['logLevel']
  /** Extra plugins (the single-file plugin). */
  plugins?: PluginOption[]
  /** Diagrams drawn ahead of time, or built without Mermaid (the plugin's `diagrams`). */
  diagrams?: DiagramOptions
}

/**
 * The plugin's `compiled`: the CLI's compile of the deck, for the same
 * text, as `compileInPool` returned it (the plugin adds the messages of
 * reading the file itself). The deck is compiled once.
 */
function handOver(deck: LoadedDeck, compiled: Promise<LoadedDeck>) {
  return (file: string, source: string): Promise<Deck> | undefined => {
    if (file !== normalizePath(deck.path) || source !== deck.source) return undefined
    return compiled.then((loaded) => ({
      ...loaded.deck,
      messages: loaded.deck.messages.slice(loaded.readMessages.length),
    }))
  }
}

/** The whole Vite configuration for a deck; no config file is read. */
export function viteConfig(options: ViteConfigOptions): InlineConfig {
  const { deck, theme } = options
  const root = options.root ?? deck.dir
  const allow = allowedDirs(root, theme)
  const config: InlineConfig = {
    configFile: false,
    envDir: false,
    root: deck.dir,
    cacheDir: cacheDirFor(deck.dir),
    customLogger: createAppLogger(options.logLevel),
    logLevel: options.logLevel ?? 'info',
    clearScreen: false,
    plugins: [
      serveGuardPlugin(deck.dir),
      appPlugin(options),
      // The slide cache the CLI's own compile filled: no slide is highlighted twice.
      // Its warnings reach the user through the CLI's printer (see `printPluginMessages`), not Vite's log.
      slidemark({
        ...compileSettings(),
        include: [deck.path],
        cache: hasUserPlugins(compileSettings()) ? false : (options.cache ?? defaultCache),
        root,
        warn: false,
        ...(options.diagrams ? { diagrams: options.diagrams } : {}),
        ...(options.compiled ? { compiled: handOver(deck, options.compiled) } : {}),
      }),
      ...(options.plugins ?? []),
    ],
    server: { fs: { strict: true, allow, deny: DENIED_FILES } },
    // Themes ship finished CSS; a PostCSS config in the user's project is not ours to load.
    css: { postcss: {} },
    // The theme is ESM already: nothing to pre-bundle, and no crawling of the user's folder.
    optimizeDeps: { noDiscovery: true, include: [] },
  }
  printPluginMessages(slidemarkApi(config.plugins), deck, options.printer)
  return config
}
