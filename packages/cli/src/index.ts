/** The message format of every Slidemark tool, from `@slidemark/core`. */
export { formatMessage } from '@slidemark/core/messages'
export { CHROMIUM_ARGS, findChromium, NO_BROWSER_HELP } from './chromium.js'
export { type BuildOptions, type BuildTarget, build, SINGLE_FILE_NAME } from './commands/build.js'
export { type DevOptions, dev } from './commands/dev.js'
export { type ExportOptions, exportDeck } from './commands/export.js'
export { formatDeckTable, type InspectOptions, inspect } from './commands/inspect.js'
export { CliError, exitCodes, UsageError } from './errors.js'
export { DEFAULT_THEME, type ResolvedTheme, resolveTheme, themeCandidates } from './theme.js'
