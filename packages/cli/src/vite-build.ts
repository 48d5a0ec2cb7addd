import path from 'node:path'
import type { DiagramOptions, SlidemarkApi } from '@slidemark/vite-plugin'
import { normalizePath, build as viteBuild } from 'vite'
import { viteSingleFile } from 'vite-plugin-singlefile'
import { slidemarkApi, viteConfig } from './app.js'
import { type BuildOptions, describeBuildError, SINGLE_FILE_NAME } from './commands/build.js'
import { errorLines, type LoadedDeck } from './deck.js'
import { CliError } from './errors.js'
import type { MessagePrinter } from './messages.js'
import type { PreparedDeck } from './prepare.js'

/**
 * A deck for Vite: compiled (`check`, `export`), or still compiling, with
 * `compiled` the compile to wait for (`build`, see `AppOptions.compiled`).
 */
export type DeckToBuild = PreparedDeck & { compiled?: Promise<LoadedDeck> }

/** Runs Vite's build of the generated app into `outDir`. */
export async function buildInto(
  prepared: DeckToBuild,
  outDir: string,
  options: {
    base: string
    singleFile: boolean
    printer: MessagePrinter
    logLevel: BuildOptions['logLevel']
    mountOptions?: Record<string, unknown>
    /** The folder the deck may read files from; default: its folder. */
    root?: string | undefined
    /** Diagrams drawn in Chromium, or `{ browser: false }` to build without Mermaid (see diagrams.ts). */
    diagrams?: DiagramOptions
  },
): Promise<void> {
  const config = viteConfig({
    ...prepared,
    compiled: prepared.compiled ?? Promise.resolve(prepared.deck),
    ...(options.mountOptions ? { mountOptions: options.mountOptions } : {}),
    printer: options.printer,
    root: options.root,
    ...(options.diagrams ? { diagrams: options.diagrams } : {}),
    logLevel: options.logLevel ?? 'info',
    plugins: options.singleFile
      ? [viteSingleFile({ outputFileName: SINGLE_FILE_NAME, removeViteModuleLoader: true })]
      : [],
  })
  try {
    await viteBuild({
      ...config,
      mode: 'production',
      base: options.base,
      // Files in public/ next to the deck cannot be inlined; a single file does without them.
      ...(options.singleFile ? { publicDir: false } : {}),
      build: {
        outDir,
        emptyOutDir: true,
        // The CLI lists the files with their gzip sizes where they end up (formatFileSizes).
        reportCompressedSize: false,
        rolldownOptions: {
          input: path.join(prepared.deck.dir, 'index.html'),
          // Compiling the deck is most of the build; Rolldown's "slow plugin" notice says nothing useful.
          checks: { bundlerTimings: false },
        },
      },
    })
  } catch (error) {
    throw (
      deckError(slidemarkApi(config.plugins), prepared.deck) ??
      describeBuildError(error, prepared.deck)
    )
  }
}

/**
 * One offline HTML file of the deck for the CLI's own Chromium (check,
 * export, drawing diagrams): relative URLs, Vite's warnings only, and no
 * Mermaid chunk, since that page draws diagrams with Mermaid from
 * node_modules (diagrams.ts). Returns the file's path.
 */
export async function buildForChromium(
  prepared: PreparedDeck,
  outDir: string,
  options: {
    printer: MessagePrinter
    root?: string | undefined
    mountOptions?: Record<string, unknown>
  },
): Promise<string> {
  await buildInto(prepared, outDir, {
    ...options,
    base: './',
    singleFile: true,
    logLevel: 'warn',
    diagrams: { browser: false },
  })
  return path.join(outDir, SINGLE_FILE_NAME)
}

/**
 * The deck's errors as the plugin reported them (data, not Vite's log
 * text), one a line: `build failed: talk.slides.md:39:1: error: Cannot find … [missing-asset]`.
 */
function deckError(api: SlidemarkApi, deck: LoadedDeck): CliError | undefined {
  const compiled = [...api.decks()].find((candidate) => candidate.file === normalizePath(deck.path))
  const errors = compiled?.messages.filter((message) => message.severity === 'error') ?? []
  if (errors.length === 0) return undefined
  return new CliError(`build failed: ${errorLines(errors, deck.displayPath)}`)
}
