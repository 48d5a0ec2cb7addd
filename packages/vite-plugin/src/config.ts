import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { loadConfigFromFile } from 'vite'
import type { Options } from './index.js'
import { CONFIG_FILES } from './paths.js'

/**
 * What `slidemark.config.{ts,js,mjs}` exports by default: the Vite plugin's
 * options. The `slidemark` command reads the file beside the deck; in a Vite
 * app, pass the same object to `slidemark()`.
 */
export type SlidemarkConfig = Options

/** Types a configuration in `slidemark.config.ts`; returns it unchanged. */
export function defineConfig(config: SlidemarkConfig): SlidemarkConfig {
  return config
}

export { CONFIG_FILES }

/** A configuration file that cannot be used; `message` starts with `file:line:column` or `file`. */
export class SlidemarkConfigError extends Error {
  readonly file: string

  constructor(file: string, reason: string, line?: number, column?: number) {
    const place = line === undefined ? file : `${file}:${line}:${column ?? 1}`
    super(`${place}: ${reason}`)
    this.name = 'SlidemarkConfigError'
    this.file = file
  }
}

export interface LoadedConfig {
  /** Absolute path of the file read. */
  path: string
  config: SlidemarkConfig
}

export interface LoadConfigOptions {
  /** A configuration file to read (relative to `cwd`); it must exist. */
  file?: string | undefined
  /** The folder searched for `slidemark.config.*` when `file` is not given (the deck's folder). */
  dir?: string | undefined
  cwd?: string
  /** How the file is named in errors; default: its path as given or found. */
  display?: (file: string) => string
}

/** Rolldown's build error gathers the real ones (a syntax error with its `loc`) in `errors`. */
function firstCause(error: unknown): unknown {
  const errors = (error as { errors?: unknown[] } | undefined)?.errors
  return Array.isArray(errors) && errors.length > 0 ? errors[0] : error
}

/** `column` when it lies on `line` of `file`, else 1: a bundled module's source map can miss the column. */
function columnOn(file: string, line: number, column: number): number {
  try {
    const text = fs.readFileSync(file, 'utf8').split(/\r?\n/)[line - 1]
    return text !== undefined && column <= text.length ? column : 1
  } catch {
    return 1
  }
}

/** Where an error thrown while loading `file` points inside it, if anywhere. */
function placeIn(error: unknown, file: string): { line: number; column: number } | undefined {
  const loc = (error as { loc?: { line?: number; column?: number } } | undefined)?.loc
  if (typeof loc?.line === 'number') return { line: loc.line, column: (loc.column ?? 0) + 1 }
  // With source maps on while the file runs, the stack names the file itself, not Vite's bundle of it.
  const stack = error instanceof Error ? (error.stack ?? '') : ''
  const name = path.basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`[/\\\\]${name}:(\\d+):(\\d+)`).exec(stack)
  if (!match) return undefined
  const line = Number(match[1])
  return { line, column: columnOn(file, line, Number(match[2])) }
}

/**
 * For an error thrown in a file the configuration imports (bundled with it):
 * that file's place, relative to the configuration's folder, e.g. `themes.ts:4:9`.
 */
function importedPlace(error: unknown, file: string): string | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : ''
  // A frame is `at … (/dir/file.ts:1:2)` (a CommonJS bundle) or `at file:///dir/file.ts:1:2`.
  const frames = stack.matchAll(/(file:\/\/\S+?|[/\\]\S+?|[A-Za-z]:\\\S+?):(\d+):(\d+)\)?$/gm)
  for (const [, where, line, column] of frames) {
    const frame = where?.startsWith('file://') ? fileURLToPath(where) : (where as string)
    if (/[/\\]node_modules[/\\]|\.timestamp-/.test(frame)) continue
    const relative = path.relative(path.dirname(file), frame)
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue
    return `${relative}:${line}:${columnOn(frame, Number(line), Number(column))}`
  }
  return undefined
}

/** The first line of what was thrown, without Vite's own prefixes. */
function reasonOf(error: unknown): string {
  const text = stripVTControlCharacters(error instanceof Error ? error.message : String(error))
  const line = text
    .split('\n')[0]
    ?.replace(/^\[[A-Z_]+\]\s*/, '')
    .trim()
  return line || 'it threw an error'
}

/** Bundles and runs the file as Vite runs `vite.config.ts` (TypeScript works on Node 20). */
async function importConfig(file: string, shown: string): Promise<SlidemarkConfig> {
  let loaded: Awaited<ReturnType<typeof loadConfigFromFile>>
  const sourceMaps = process.sourceMapsEnabled
  process.setSourceMapsEnabled(true)
  try {
    loaded = await loadConfigFromFile(
      { command: 'build', mode: 'production' },
      file,
      path.dirname(file),
      'silent',
    )
  } catch (error) {
    if (/config must export or return an object/.test(reasonOf(error))) {
      throw new SlidemarkConfigError(shown, 'must export an object of options (export default {…})')
    }
    const cause = firstCause(error)
    const place = placeIn(cause, file)
    const imported = place ? undefined : importedPlace(cause, file)
    throw new SlidemarkConfigError(
      shown,
      `cannot load the configuration: ${reasonOf(cause)}${imported ? ` (at ${imported})` : ''}`,
      place?.line,
      place?.column,
    )
  } finally {
    process.setSourceMapsEnabled(sourceMaps)
  }
  const config = loaded?.config
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new SlidemarkConfigError(shown, 'must export an object of options (export default {…})')
  }
  return config as SlidemarkConfig
}

/**
 * Reads `slidemark.config.{ts,js,mjs}` from `dir`, or `file`. `undefined`
 * when no file is given and none is found. A file that is missing, throws,
 * or does not export an object is a {@link SlidemarkConfigError}.
 */
export async function loadSlidemarkConfig(
  options: LoadConfigOptions = {},
): Promise<LoadedConfig | undefined> {
  const cwd = options.cwd ?? process.cwd()
  const display = options.display ?? ((file: string) => path.relative(cwd, file) || file)
  let file: string | undefined
  if (options.file !== undefined) {
    file = path.resolve(cwd, options.file)
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      throw new SlidemarkConfigError(display(file), 'no such configuration file')
    }
  } else {
    const dir = path.resolve(cwd, options.dir ?? '.')
    file = CONFIG_FILES.map((name) => path.join(dir, name)).find((name) => fs.existsSync(name))
    if (file === undefined) return undefined
  }
  return { path: file, config: await importConfig(file, display(file)) }
}
