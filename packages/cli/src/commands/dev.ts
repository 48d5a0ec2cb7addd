import type { DeckOutline } from '@slidemark/vite-plugin/tools'
import type { ViteDevServer } from 'vite'
import { compileSettings, startCompileThreads } from '../deck.js'
import { CliError } from '../errors.js'
import { waitForStopSignal } from '../interrupt.js'
import { MessagePrinter } from '../messages.js'
import { resolveRoot } from '../outputs.js'
import { prepareDeck } from '../prepare.js'
import { info } from '../progress.js'
import { slideCacheFor } from '../slide-cache.js'

export interface DevOptions {
  /** Port to listen on; default 5173, or the next free one. A port given here must be free. */
  port?: number | undefined
  /** Host to listen on; `true` for every interface. Default: `localhost`. */
  host?: string | boolean | undefined
  /** Open the deck in the default browser. */
  open?: boolean | undefined
  /** Theme name; default: the front matter's `theme:`, else `html5-slides`. */
  theme?: string | undefined
  cwd?: string | undefined
  /** The folder the deck may read files from (`--root`); default: the deck's folder. */
  root?: string | undefined
  /** Resolves when the server should stop; default: SIGINT or SIGTERM. */
  until?: Promise<unknown>
  /** Called once the server listens, for tools and tests that drive it (the plugin's `api` is in `server.config.plugins`). */
  onReady?: (server: ViteDevServer) => void
}

/** `slidemark dev`: serves the deck with hot reload until Ctrl-C. */
export async function dev(input: string, options: DevOptions = {}): Promise<void> {
  // A compile thread starts first: it loads the pipeline on another core while this thread loads Vite.
  await startCompileThreads()
  // Vite loads while the deck compiles.
  const loading = Promise.all([
    import('vite'),
    import('../app.js'),
    import('../theme-watch.js'),
    import('../static-app.js'),
  ])
  loading.catch(() => {})
  const printer = new MessagePrinter()
  // A big deck: only its front matter (its theme) compiles before the server starts, no slide,
  // so the page loads while the compile threads start; the plugin compiles the slides.
  const { outlineDeck } = await import('@slidemark/vite-plugin/tools')
  const compat = compileSettings().compat === false ? { compat: false } : {}
  // Split once (the whole deck: some 15 ms for 500 slides), for the first part and the slide count.
  let outline: DeckOutline | undefined
  const firstPart = (source: string) => {
    outline = outlineDeck(source, { ...compat, first: 0 })
    return outline?.prefix
  }
  const prepared = await prepareDeck(
    input,
    options.theme,
    printer,
    options.cwd,
    slideCacheFor,
    firstPart,
  )
  const [{ createServer }, { ENTRY_URL, viteConfig }, { followThemeChanges }, { staticAppFor }] =
    await loading
  const root = resolveRoot(options.root, prepared.deck.path, options.cwd ?? process.cwd())
  // The generated app reads the theme from here, so a front matter edit can switch it.
  // A bundled theme's page loads its prebuilt app: two files instead of some thirty modules.
  const app = { ...prepared, printer, root, prebuilt: staticAppFor }
  const config = viteConfig(app)
  const server = await createServer({
    ...config,
    mode: 'development',
    server: {
      ...config.server,
      ...(options.port !== undefined ? { port: options.port, strictPort: true } : {}),
      ...(options.host !== undefined ? { host: options.host } : {}),
      open: options.open ?? false,
    },
  })
  try {
    await server.listen()
  } catch (error) {
    await server.close()
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE' || /already in use/i.test(String((error as Error).message))) {
      throw new CliError(`port ${options.port} is already in use; choose another with --port`)
    }
    if (code === 'EACCES') throw new CliError(`no permission to listen on port ${options.port}`)
    throw error
  }
  // The page's modules transform before the browser asks for them: the entry's imports follow
  // (the theme, or its prebuilt app, and the deck's first slides, whose compile starts now).
  const client = server.environments.client
  for (const url of ['/@vite/client', ENTRY_URL]) client.warmupRequest(url).catch(() => {})
  followThemeChanges(server, app, options.theme)
  const { deck, theme } = prepared
  const url = server.resolvedUrls?.local[0] ?? server.resolvedUrls?.network[0]
  const count = outline?.sources.length ?? deck.deck.slides.length
  info(`slidemark: presenting ${deck.displayPath} (${count} slides) with ${theme.packageName}`)
  server.printUrls()
  if (url) info(`slidemark: ready at ${url} (Ctrl-C to stop)`)
  options.onReady?.(server)
  await (options.until ?? waitForStopSignal())
  await server.close()
}
