import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import slidemark from '@slidemark/vite-plugin'
import { createLogger, createServer, type InlineConfig } from 'vite'

/** A Vite dev server of an e2e app whose terminal warnings are kept in `warnings`. */
export interface WarningDevServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  origin: string
  close: () => Promise<void>
}

/**
 * Serves `root` with the Slidemark plugin on 127.0.0.1 (any free port, a
 * fresh cache folder), pushing every warning Vite's logger prints into
 * `warnings`, as the tests of what the dev terminal reports need.
 */
export async function startWarningDevServer(
  root: string,
  warnings: string[],
  extra: Pick<InlineConfig, 'optimizeDeps'> = {},
): Promise<WarningDevServer> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'slidemark-e2e-dev-warnings-'))
  const logger = createLogger('warn')
  logger.warn = (message) => {
    warnings.push(message)
  }
  const server = await createServer({
    root,
    configFile: false,
    cacheDir,
    customLogger: logger,
    clearScreen: false,
    plugins: [slidemark({ cacheDir: false })],
    server: { host: '127.0.0.1', port: 0 },
    ...extra,
  })
  await server.listen()
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('the Vite dev server reported no local URL')
  return {
    origin: url.replace(/\/$/, ''),
    close: async () => {
      await server.close()
      rmSync(cacheDir, { recursive: true, force: true })
    },
  }
}
