import fs from 'node:fs'
import type { DeckMeta } from '@slidemark/core'
import { formatMessage } from '@slidemark/core/messages'
import type { ViteDevServer } from 'vite'
import { allowedDirs, ENTRY_ID, slidemarkApi, type ViteConfigOptions } from './app.js'
import { CliError } from './errors.js'
import { info } from './progress.js'
import { chooseTheme, resolveDeckTheme } from './theme.js'

/**
 * In the dev server, editing the front matter's `theme:` switches the theme:
 * the entry module is regenerated and the page reloads (a theme cannot be
 * swapped in place). A theme that cannot be found is reported and the
 * current one stays. With `--theme` the theme is fixed and edits are ignored.
 *
 * The deck is not compiled here: the Slidemark plugin reports each compile
 * through its `api`, so a save compiles once.
 */
export function followThemeChanges(
  server: ViteDevServer,
  app: ViteConfigOptions,
  themeFlag: string | undefined,
): void {
  if (themeFlag !== undefined) return
  const { deck } = app
  let checking = Promise.resolve()

  const check = async (meta: DeckMeta) => {
    let next: ViteConfigOptions['theme']
    try {
      const { name } = chooseTheme(undefined, meta.theme, deck.displayPath)
      if (name === app.theme.requested) return
      // The text is read only to place a warning about the `theme:` line.
      const source = fs.readFileSync(deck.path, 'utf8')
      next = resolveDeckTheme(undefined, { ...deck, source, meta }, (message) =>
        info(`slidemark: ${formatMessage(message, { file: deck.displayPath })}`),
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

  slidemarkApi(server.config.plugins).onDeck((compiled) => {
    // A deck that does not compile shows Vite's overlay; the theme waits for the fix.
    if (compiled.messages.some((message) => message.severity === 'error')) return
    checking = checking
      .then(() => check(compiled.meta))
      .catch((error: unknown) => {
        info(
          `slidemark: could not switch themes: ${error instanceof Error ? error.message : error}`,
        )
      })
  })
}
