import fs from 'node:fs'
import path from 'node:path'
import type { ViteDevServer } from 'vite'
import { allowedDirs, ENTRY_ID, type ViteConfigOptions } from './app.js'
import { CliError } from './errors.js'
import { formatMessage } from './messages.js'
import { info } from './progress.js'
import { chooseTheme, resolveDeckTheme } from './theme.js'

/**
 * In the dev server, editing the front matter's `theme:` switches the theme:
 * the entry module is regenerated and the page reloads (a theme cannot be
 * swapped in place). A theme that cannot be found is reported and the
 * current one stays. With `--theme` the theme is fixed and edits are ignored.
 */
export function followThemeChanges(
  server: ViteDevServer,
  app: ViteConfigOptions,
  themeFlag: string | undefined,
): void {
  if (themeFlag !== undefined) return
  const { deck } = app
  let checking = Promise.resolve()

  const check = async () => {
    let source: string
    try {
      source = fs.readFileSync(deck.path, 'utf8')
    } catch {
      return
    }
    const { compile } = await import('@slidemark/core')
    const compiled = await compile(source, { filename: deck.displayPath })
    // A deck that does not compile shows Vite's overlay; the theme waits for the fix.
    if (compiled.messages.some((message) => message.severity === 'error')) return
    let next: ViteConfigOptions['theme']
    try {
      const { name } = chooseTheme(undefined, compiled.meta.theme, deck.displayPath)
      if (name === app.theme.requested) return
      next = resolveDeckTheme(undefined, { ...deck, source, meta: compiled.meta }, (message) =>
        info(`slidemark: ${formatMessage(message)}`),
      )
      if (next.packageName === app.theme.packageName) return
    } catch (error) {
      if (!(error instanceof CliError)) throw error
      info(`slidemark: ${error.message}; still presenting with ${app.theme.packageName}`)
      return
    }
    app.theme = next
    server.config.server.fs.allow.push(...allowedDirs(app.root ?? deck.dir, next))
    const graph = server.environments.client.moduleGraph
    const entry = graph.getModuleById(ENTRY_ID)
    if (entry) graph.invalidateModule(entry)
    server.environments.client.hot.send({ type: 'full-reload' })
    info(`slidemark: theme changed to ${next.packageName}; reloading the page`)
  }

  server.watcher.on('change', (file) => {
    if (path.resolve(file) !== deck.path) return
    checking = checking.then(check).catch((error: unknown) => {
      info(`slidemark: could not switch themes: ${error instanceof Error ? error.message : error}`)
    })
  })
}
