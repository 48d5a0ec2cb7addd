import fs from 'node:fs'
import path from 'node:path'
import type { Deck, DeckMessage, SlideCache } from '@slidemark/core'
import { decodeDeck } from '@slidemark/core/decode'
import { formatMessage } from '@slidemark/core/messages'
import type { PoolCompileOptions } from '@slidemark/core/pool'
import { CliError } from './errors.js'
import { registerCompilePool } from './interrupt.js'
import type { MessagePrinter } from './messages.js'

/** A deck file read from disk and compiled once, checked for every kind of bad input. */
export interface LoadedDeck {
  /** Absolute path of the deck file. */
  path: string
  /** The path shown in messages: relative to the working folder when inside it. */
  displayPath: string
  /** The deck's folder; relative assets and project themes resolve from here. */
  dir: string
  /** The file's text. */
  source: string
  /** What reading the file found: an `invalid-utf8` warning, or nothing. */
  readMessages: DeckMessage[]
  /** `compile()`'s result for `source`, with `filename: displayPath`. */
  deck: Deck
}

/**
 * How the deck is compiled: the configuration file's compile options
 * (`lineNumbers`, `math`, `themes`, plugins…) under the command line's flags.
 * The CLI's Vite plugin uses the same.
 */
export interface CompileSettings extends Omit<PoolCompileOptions, 'filename' | 'cache'> {
  /** `--slide-timeout` in milliseconds; `undefined`: the pool's default (10 s). */
  slideTimeout?: number
}

let settings: CompileSettings = {}

/** Whether the settings carry remark or rehype plugins (functions no cache key can capture). */
export function hasUserPlugins(options: CompileSettings): boolean {
  return [options.remarkPlugins, options.rehypePlugins].some(
    (list) => Array.isArray(list) && list.length > 0,
  )
}

/** Sets how this command compiles decks (configuration and flags), before it loads any. */
export function setCompileSettings(next: CompileSettings): void {
  settings = next
}

/** The settings `setCompileSettings` gave, for the Vite plugin's compiles. */
export function compileSettings(): CompileSettings {
  return settings
}

/** Extensions accepted as a deck; `*.slides.md` is the convention. */
const DECK_EXTENSIONS = ['.md', '.markdown']

/** How the deck path is shown: relative when under `cwd`, else absolute. */
export function displayPathOf(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file
}

/** Reads the deck's text, or fails with a one-line reason. */
export function readDeckSource(input: string, cwd = process.cwd()): Omit<LoadedDeck, 'deck'> {
  const file = path.resolve(cwd, input)
  const shown = displayPathOf(file, cwd)
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    throw new CliError(`cannot find ${shown}: no such file`)
  }
  if (stat.isDirectory()) throw new CliError(`${shown} is a folder, not a deck file`)
  // A pipe can be read once, and a deck is read more than once (the compile, the watcher):
  // it hung or failed later, far from the cause.
  if (!stat.isFile()) {
    throw new CliError(
      `${shown} is not a regular file (a pipe or a device): save the deck to a file`,
    )
  }
  if (!DECK_EXTENSIONS.includes(path.extname(file).toLowerCase())) {
    throw new CliError(`${shown} is not a deck: expected a Markdown file (.slides.md or .md)`)
  }
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new CliError(`cannot read ${shown}: ${code === 'EACCES' ? 'permission denied' : code}`)
  }
  // Not UTF-8 (a Latin-1 deck) is a warning with the place of the first bad byte, as in the Vite plugin.
  const { text: source, messages: readMessages } = decodeDeck(bytes, shown)
  if (source.includes('\0')) throw new CliError(`${shown} is not a deck: it is not a text file`)
  if (source.replace(/^\uFEFF/, '').trim() === '') throw new CliError(`${shown} is empty`)
  // Vite works with real paths: a deck reached through a symbolic link is built from where it really is.
  const real = fs.realpathSync(file)
  return { path: real, displayPath: shown, dir: path.dirname(real), source, readMessages }
}

/**
 * Starts one compile thread before anything else loads (none with user
 * plugins, which compile on this thread): it loads the pipeline and Shiki
 * on another core while this thread loads Vite, and the dev server's first
 * slides compile on it. With the deck's `source`, as many threads as it will
 * use (see `estimateSlides`). The pool adds threads when a compile needs them.
 */
export async function startCompileThreads(source?: string): Promise<void> {
  if (hasUserPlugins(settings)) return
  const pool = await import('@slidemark/core/pool')
  registerCompilePool(pool)
  pool.startCompilePool(source === undefined ? 1 : pool.estimateSlides(source))
}

/** Compiles a deck read by {@link readDeckSource}, without judging the result. */
export async function compileDeck(
  read: Omit<LoadedDeck, 'deck'>,
  cache?: SlideCache,
): Promise<LoadedDeck> {
  // Loaded on first use, so bad paths are reported before the compiler loads.
  // Slides render in worker threads: Ctrl-C is handled at once, a slide stuck is timed out.
  const pool = await import('@slidemark/core/pool')
  registerCompilePool(pool)
  const { compileInPool } = pool
  const deck = await compileInPool(read.source, {
    ...settings,
    filename: read.displayPath,
    // Plugin functions are not part of a cache key: with them, every slide compiles afresh.
    ...(cache && !hasUserPlugins(settings) ? { cache } : {}),
  })
  const messages = [...read.readMessages, ...deck.messages].map(withTimeoutHint)
  return { ...read, deck: { ...deck, messages } }
}

/** A slide over its time budget says how to give it more. */
function withTimeoutHint(message: DeckMessage): DeckMessage {
  if (message.ruleId !== 'slide-timeout') return message
  return {
    ...message,
    reason: `${message.reason}; to allow more time, pass --slide-timeout SECONDS (0: no limit)`,
  }
}

/** Errors shown, one a line: a deck with several (missing images, say) is fixed in one go. */
const LISTED_ERRORS = 10

/** The deck's errors, one `file:line:column: …` line each, the first LISTED_ERRORS of them. */
export function errorLines(errors: readonly DeckMessage[], file: string): string {
  const shown = errors.slice(0, LISTED_ERRORS).map((message) => formatMessage({ ...message, file }))
  const rest = errors.length - shown.length
  return `${shown.join('\n')}${rest > 0 ? `\n(and ${rest} more)` : ''}`
}

/**
 * Fails with a reason when the deck cannot be presented: an error
 * message (for instance invalid front matter) or, unless `slides` is false
 * (only a part of the deck was compiled), no slides at all.
 */
export function assertPresentable(loaded: LoadedDeck, { slides = true } = {}): void {
  const errors = loaded.deck.messages.filter((message) => message.severity === 'error')
  if (errors.length > 0) throw new CliError(errorLines(errors, loaded.displayPath))
  if (slides && loaded.deck.slides.length === 0) {
    throw new CliError(`${loaded.displayPath} is not a deck: it has no slides`)
  }
}

/**
 * Reads and compiles a deck. Warnings go to `printer`; an error message or a
 * deck without slides is a {@link CliError}. `cacheFor` picks the slide cache
 * for the deck's folder once the path is known to be good. `firstPart`, when
 * it returns a text, compiles only that beginning of the deck (the dev
 * server: a big deck's front matter, for its theme; the Vite plugin compiles
 * and reports the slides): `deck` then has only its slides, maybe none, and
 * `source` is still the whole file.
 */
export async function loadDeck(
  input: string,
  printer: MessagePrinter,
  cwd = process.cwd(),
  cacheFor?: (deckDir: string) => Promise<SlideCache | undefined>,
  firstPart?: (source: string) => string | undefined,
): Promise<LoadedDeck> {
  const read = readDeckSource(input, cwd)
  const part = firstPart?.(read.source)
  const cache = cacheFor ? await cacheFor(read.dir) : undefined
  const loaded =
    part === undefined
      ? await compileDeck(read, cache)
      : { ...(await compileDeck({ ...read, source: part }, cache)), source: read.source }
  printer.print(loaded.deck.messages.filter((message) => message.severity !== 'error'))
  assertPresentable(loaded, { slides: part === undefined })
  return loaded
}
