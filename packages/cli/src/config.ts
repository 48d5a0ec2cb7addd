import fs from 'node:fs'
import path from 'node:path'
import { formatMessage } from '@slidemark/core/messages'
import { CONFIG_FILES } from '@slidemark/vite-plugin/paths'
import type { CompileSettings } from './deck.js'
import { CliError, exitCodes } from './errors.js'

/** Options of the configuration file the CLI compiles with (the rest of the Vite plugin's are its own). */
const COMPILE_KEYS = [
  'themes',
  'lineNumbers',
  'math',
  'compat',
  'format',
  'remarkPlugins',
  'rehypePlugins',
  'slideTimeout',
] as const

/** Vite plugin options the CLI sets itself: shared configurations may carry them. */
const PLUGIN_ONLY_KEYS = ['include', 'exclude', 'cacheDir', 'cache', 'root', 'warn']

const BOOLEAN_KEYS = ['lineNumbers', 'math', 'compat'] as const
const LIST_KEYS = ['remarkPlugins', 'rehypePlugins'] as const

/** A configuration that cannot be used: exit code 2, as a bad command line. */
function configError(message: string): CliError {
  return new CliError(message, exitCodes.usage)
}

/** Checks the values the CLI uses; a wrong type is an error naming the option. */
function checkValues(config: Record<string, unknown>, shown: string): void {
  const bad = (key: string, expected: string) =>
    configError(`${shown}: option "${key}" must be ${expected}`)
  for (const key of BOOLEAN_KEYS) {
    if (key in config && typeof config[key] !== 'boolean') throw bad(key, 'true or false')
  }
  for (const key of LIST_KEYS) {
    if (key in config && !Array.isArray(config[key])) throw bad(key, 'an array of plugins')
  }
  const themes = config.themes as { light?: unknown; dark?: unknown } | undefined
  if (
    'themes' in config &&
    (typeof themes !== 'object' ||
      themes === null ||
      typeof themes.light !== 'string' ||
      typeof themes.dark !== 'string')
  ) {
    throw bad('themes', '{ light: "<Shiki theme>", dark: "<Shiki theme>" }')
  }
  const timeout = config.slideTimeout
  if ('slideTimeout' in config && (typeof timeout !== 'number' || !(timeout >= 0))) {
    throw bad('slideTimeout', 'a number of milliseconds ≥ 0')
  }
}

/**
 * The compile settings a configuration gives the CLI. Unknown options are an
 * error (a typo must not pass silently); the plugin's file options are warned about.
 */
export function settingsFromConfig(
  config: Record<string, unknown>,
  shown: string,
  warn: (line: string) => void,
): CompileSettings {
  const unknown = Object.keys(config).filter(
    (key) => !(COMPILE_KEYS as readonly string[]).includes(key) && !PLUGIN_ONLY_KEYS.includes(key),
  )
  if (unknown.length > 0) {
    throw configError(
      `${shown}: unknown option ${unknown.map((key) => `"${key}"`).join(', ')}; expected one of ${COMPILE_KEYS.join(', ')}`,
    )
  }
  const ignored = Object.keys(config).filter((key) => PLUGIN_ONLY_KEYS.includes(key))
  if (ignored.length > 0) {
    warn(
      formatMessage({
        file: shown,
        line: 1,
        column: 1,
        severity: 'warning',
        ruleId: 'config-ignored',
        reason: `${ignored.map((key) => `"${key}"`).join(', ')} ${ignored.length === 1 ? 'applies' : 'apply'} only in a Vite app; the CLI ignores ${ignored.length === 1 ? 'it' : 'them'}`,
      }),
    )
  }
  checkValues(config, shown)
  const settings: Record<string, unknown> = {}
  for (const key of COMPILE_KEYS) if (config[key] !== undefined) settings[key] = config[key]
  return settings as CompileSettings
}

/** How a path is shown: relative to the working folder when inside it. */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file
}

/**
 * Loads `--config FILE`, else `slidemark.config.{ts,js,mjs}` in the deck's
 * folder, into compile settings (`{}` when there is none). A file that cannot
 * be loaded is a {@link CliError} with exit code 2 naming it.
 */
export async function loadConfigSettings(
  deck: string,
  configFile: string | undefined,
  warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<CompileSettings> {
  const dir = path.dirname(path.resolve(deck))
  // No folder (a mistyped deck path): the command reports the missing deck itself.
  if (configFile === undefined && !fs.existsSync(dir)) return {}
  // Most decks have no configuration: that is decided without loading Vite (a second or more).
  if (
    configFile === undefined &&
    !CONFIG_FILES.some((name) => fs.existsSync(path.join(dir, name)))
  ) {
    return {}
  }
  const { loadSlidemarkConfig, SlidemarkConfigError } = await import('@slidemark/vite-plugin')
  try {
    const loaded = await loadSlidemarkConfig({ file: configFile, dir, display: shownPath })
    if (!loaded) return {}
    return settingsFromConfig(
      loaded.config as Record<string, unknown>,
      shownPath(loaded.path),
      warn,
    )
  } catch (error) {
    if (error instanceof SlidemarkConfigError) throw configError(error.message)
    throw error
  }
}
