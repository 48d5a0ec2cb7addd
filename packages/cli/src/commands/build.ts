import fs from 'node:fs'
import path from 'node:path'
import { promisify, stripVTControlCharacters } from 'node:util'
import { gzip } from 'node:zlib'
import type { DrawnDiagram, SlideCache } from '@slidemark/core'
import type { Browser } from 'playwright-core'
import { makeWorkDir, moveFileAtomic, type StagingDir, stageDir } from '../atomic.js'
import { findChromium } from '../chromium.js'
import { displayPathOf, type LoadedDeck, readDeckSource, startCompileThreads } from '../deck.js'
import { CliError, diskFullError, UsageError } from '../errors.js'
import { registerCleanup } from '../interrupt.js'
import { MessagePrinter } from '../messages.js'
import {
  checkOutputDir,
  checkOutputFile,
  deckInputs,
  isSlidemarkHtml,
  MANIFEST_FILE,
  type OutputCheck,
  resolveRoot,
  writeManifest,
} from '../outputs.js'
import type { PreparedDeck } from '../prepare.js'
import { prepareDeck } from '../prepare.js'
import { info } from '../progress.js'
import { hasSlideCache, slideCacheFor } from '../slide-cache.js'
import {
  canWriteStatic,
  mayWriteStatic,
  type StaticApp,
  staticAppFor,
  writeStaticDeck,
} from '../static-app.js'
import { likelyTheme, type ResolvedTheme } from '../theme.js'
import type { DeckToBuild } from '../vite-build.js'

/** The file `--single-file` writes into the output folder. */
export const SINGLE_FILE_NAME = 'presentation.html'

export interface BuildOptions {
  /** Output folder (default `dist`), or with `singleFile` a `.html` file path. Relative to `cwd`. */
  out?: string | undefined
  /** Public base path, e.g. `/talks/`. Default `./`: the deck works from any folder or sub-path. */
  base?: string | undefined
  /** One self-contained HTML file (scripts, styles, fonts, images inlined). */
  singleFile?: boolean | undefined
  /** Theme name; default: the front matter's `theme:`, else `html5-slides`. */
  theme?: string | undefined
  /** The folder the deck may read files from (`--root`); default: the deck's folder. */
  root?: string | undefined
  /** Replace an output folder or file that Slidemark did not write (`--overwrite`). */
  overwrite?: boolean | undefined
  cwd?: string | undefined
  /**
   * Lay the built deck out in Chromium and print what `slidemark check` would
   * (default `true`; `--no-check` skips it). Without a browser, one line says so.
   */
  check?: boolean | undefined
  /** Chromium or Chrome for the check; default `CHROMIUM_PATH`, else a well-known one. */
  browser?: string | undefined
  /** Vite's log level; `export` builds quietly. */
  logLevel?: 'info' | 'warn' | 'error' | 'silent'
}

/** Where a build goes. */
export interface BuildTarget {
  /** The folder written, or the single HTML file. */
  path: string
  kind: 'dir' | 'file'
}

/** Checks `--base`: a path starting with `/`, `./`, or a full URL; a trailing `/` is added. */
export function normalizeBase(base: string | undefined): string {
  if (base === undefined || base === '' || base === '.' || base === './') return './'
  if (!/^(\/|\.\/|https?:\/\/)/.test(base)) {
    throw new UsageError(`--base must start with "/", "./" or "http(s)://", got "${base}"`)
  }
  return base.endsWith('/') ? base : `${base}/`
}

/** Resolves `--out`: a folder, or with `singleFile` a `.html` file or `presentation.html` in that folder. */
export function resolveTarget(
  out: string | undefined,
  singleFile: boolean,
  cwd: string,
): BuildTarget {
  const resolved = path.resolve(cwd, out ?? 'dist')
  if (singleFile && /\.html?$/i.test(resolved)) return { path: resolved, kind: 'file' }
  if (singleFile) return { path: path.join(resolved, SINGLE_FILE_NAME), kind: 'file' }
  return { path: resolved, kind: 'dir' }
}

/** Refuses a target the build may not replace (see `outputs.ts`). */
export function checkTarget(target: BuildTarget, check: Omit<OutputCheck, 'option'>): void {
  if (target.kind === 'dir') checkOutputDir(target.path, { ...check, option: '--out' })
  else checkOutputFile(target.path, { ...check, option: '--out' }, isSlidemarkHtml)
}

/** What Rolldown reports about one problem. */
interface BuildProblem {
  message?: string
  id?: string
  loc?: { file?: string; line: number; column: number }
  plugin?: string
}

/** The first line of `text` that says something. */
function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '' && !/^Build failed with \d+ errors?:?$/.test(line)) ?? ''
  )
}

/**
 * A build failure as one line with its place, e.g.
 * `build failed: talk.slides.md:39:1: Cannot find "./img/a.png" [missing-asset]`.
 */
export function describeBuildError(
  error: unknown,
  deck?: LoadedDeck,
  cwd = process.cwd(),
): CliError {
  if (error instanceof CliError) return error
  const full = diskFullError(error)
  if (full) return new CliError(`build failed: ${full.message}`)
  const problem = (error as { errors?: BuildProblem[] } | undefined)?.errors?.[0]
  const fallback = error instanceof Error ? error.message : String(error)
  // Rolldown colours its messages; one line in a log has no use for the codes.
  let message = firstLine(stripVTControlCharacters(problem?.message ?? fallback)).replace(
    /^\[[\w:-]+\]\s*/,
    '',
  )
  const file = problem?.loc?.file ?? problem?.id
  if (deck && file === deck.path) {
    // The plugin's message starts with the deck's path relative to the Vite root; show ours.
    message = message.replace(/^[^:]*\.(?:md|markdown):\d+:\d+: /, '')
    message = `${deck.displayPath}:${problem?.loc?.line ?? 1}:${problem?.loc?.column ?? 1}: ${message}`
  } else if (file && problem?.loc && !message.includes(`:${problem.loc.line}:`)) {
    message = `${displayPathOf(file, cwd)}:${problem.loc.line}:${problem.loc.column}: ${message}`
  }
  return new CliError(`build failed: ${message || 'unknown error'}`)
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== MANIFEST_FILE)
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

const gzipAsync = promisify(gzip)

/**
 * The files written, with their sizes and gzip sizes, aligned like Vite's own
 * report. The files are compressed in libuv's thread pool, all at once: a big
 * deck writes dozens of chunks, and compressing them one by one on this
 * thread was a good part of the time after Vite's build.
 */
export async function formatFileSizes(target: BuildTarget, cwd: string): Promise<string> {
  const files = target.kind === 'file' ? [target.path] : listFiles(target.path)
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`
  const rows = await Promise.all(
    files.map(async (file) => {
      const data = await fs.promises.readFile(file)
      const zipped = await gzipAsync(data)
      return [`  ${displayPathOf(file, cwd)}`, kB(data.length), `gzip ${kB(zipped.length)}`]
    }),
  )
  const width = (column: number) => Math.max(...rows.map((row) => row[column]?.length ?? 0))
  return rows
    .map(
      ([name = '', size = '', gzip = '']) =>
        `${name.padEnd(width(0))}  ${size.padStart(width(1))}  │ ${gzip}`,
    )
    .join('\n')
}

/**
 * After a build: the layout check `slidemark check` runs, on the files just
 * written, its warnings printed as `file:line:column: reason [ruleId]`. The
 * build stands whatever the check finds; a check that cannot run says why.
 * `session` is the Chromium the diagrams were drawn in, when they were.
 */
async function checkAfterBuild(
  target: BuildTarget,
  base: string,
  deck: LoadedDeck,
  printer: MessagePrinter,
  browser: string | undefined,
  session?: Browser,
): Promise<void> {
  let executable: string | Browser
  try {
    executable = session ?? findChromium({ browser })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    info(`slidemark: layout not checked (--no-check skips this): ${reason}`)
    return
  }
  const slides = deck.deck.slides
  const built = target.kind === 'file' ? target.path : { dir: target.path, base }
  const name = typeof executable === 'string' ? path.basename(executable) : 'Chromium'
  info(`slidemark: checking the layout of ${slides.length} slides in ${name}…`)
  try {
    const { checkBuilt } = await import('./check.js')
    const found = await checkBuilt(executable, built, deck.displayPath, slides)
    printer.print(found.sort((a, b) => a.line - b.line || a.column - b.column))
    const count = found.length === 1 ? '1 problem' : `${found.length} problems`
    info(
      found.length === 0
        ? 'slidemark: layout checked: every slide fits'
        : `slidemark: layout checked: ${count} (see above; slidemark check lists them again)`,
    )
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    info(`slidemark: layout not checked: ${reason.split('\n')[0]}`)
  }
}

/** Diagrams drawn at build time, and the Chromium they were drawn in (still open). */
interface DrawnForBuild {
  drawn: Map<string, DrawnDiagram>
  browser: Browser
  close: () => Promise<void>
}

/**
 * Draws the deck's Mermaid diagrams in Chromium before the real build (see
 * diagrams.ts): a quick build without Mermaid into a temporary file, one
 * page in the light colour scheme and, for a theme with dark colours, one in
 * the dark. Problems are printed at their lines. Without Chromium, or when
 * drawing fails, one line says so and the browser draws them (`undefined`).
 */
async function drawForBuild(
  prepared: PreparedDeck,
  root: string,
  printer: MessagePrinter,
  browserOption: string | undefined,
): Promise<DrawnForBuild | undefined> {
  const { deck } = prepared
  let executable: string
  try {
    executable = findChromium({ browser: browserOption })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    info(`slidemark: diagrams left to the browser (Mermaid ships with the deck): ${reason}`)
    return undefined
  }
  const work = makeWorkDir('slidemark-diagrams')
  const releaseWork = registerCleanup(() => fs.rmSync(work, { recursive: true, force: true }))
  let browser: Browser | undefined
  let releaseBrowser = () => {}
  const close = async () => {
    await browser?.close()
    releaseBrowser()
  }
  try {
    info(`slidemark: drawing the diagrams in ${path.basename(executable)}…`)
    const { buildForChromium } = await import('../vite-build.js')
    // A deck that does not build fails here as the real build would, with the same message.
    const html = await buildForChromium(prepared, work, { root, printer })
    try {
      const { launch } = await import('./export.js')
      browser = await launch(executable)
      const opened = browser
      releaseBrowser = registerCleanup(() => opened.close())
      const light = await drawIn(browser, html, deck.displayPath, 'light')
      printer.print(light.messages.sort((a, b) => a.line - b.line || a.column - b.column))
      const drawn = light.canBeDark
        ? (await import('../diagrams.js')).withDarkDrawings(
            light,
            await drawIn(browser, html, deck.displayPath, 'dark'),
          )
        : light.drawn
      return { drawn, browser, close }
    } catch (error) {
      await close()
      const reason = error instanceof Error ? error.message : String(error)
      info(`slidemark: diagrams left to the browser: ${reason.split('\n')[0]}`)
      return undefined
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
    releaseWork()
  }
}

/** The diagrams of the built deck `html`, drawn in one page in the given colour scheme. */
async function drawIn(browser: Browser, html: string, file: string, scheme: 'light' | 'dark') {
  const [{ openDeck }, { drawnDiagrams, pageCanBeDark }] = await Promise.all([
    import('./export.js'),
    import('../diagrams.js'),
  ])
  const page = await openDeck(browser, html, { drawDiagrams: true, colorScheme: scheme })
  try {
    const result = await drawnDiagrams(page, file, scheme)
    return { ...result, canBeDark: scheme === 'light' && (await pageCanBeDark(page)) }
  } finally {
    await page.context().close()
  }
}

/**
 * On a cold build (no slide cache yet, no user plugins) the compile threads
 * start first, so they load the pipeline and Shiki on other cores while
 * this thread loads Vite. A warm build starts none unless slides miss.
 */
async function startColdCompileThreads(read: Omit<LoadedDeck, 'deck'>): Promise<void> {
  if (!hasSlideCache(read.dir)) await startCompileThreads(read.source)
}

/**
 * Whether the compiled deck has Mermaid diagrams. The module (and all of
 * `@slidemark/core` it loads) is imported when needed: before the compile
 * threads start, it would only delay them.
 */
async function hasDiagrams(prepared: PreparedDeck): Promise<boolean> {
  const { deckHasDiagrams } = await import('../diagrams.js')
  return deckHasDiagrams(prepared.deck.deck.slides)
}

/** `slidemark build`: a static deck folder, or one self-contained HTML file. */
export async function build(input: string, options: BuildOptions = {}): Promise<BuildTarget> {
  const cwd = options.cwd ?? process.cwd()
  const singleFile = options.singleFile ?? false
  const base = normalizeBase(options.base)
  const started = performance.now()
  // The output is checked before any work, and again once the deck's images are known.
  const target = resolveTarget(options.out, singleFile, cwd)
  const read = readDeckSource(input, cwd)
  const deckPath = read.path
  const root = resolveRoot(options.root, deckPath, cwd)
  const check = { cwd, deck: deckPath, overwrite: options.overwrite ?? false }
  checkTarget(target, check)
  await startColdCompileThreads(read)
  // A deck for a bundled theme's prebuilt app needs no Vite; else Vite loads while the deck compiles.
  const theme = likelyTheme(options.theme, read)
  const maybeStatic = mayWriteStatic(read, theme, singleFile)
  if (!maybeStatic) import('../vite-build.js').catch(() => {})
  const printer = new MessagePrinter()
  // The slide cache is written while Vite builds (see settle below): the deck waits for nothing.
  const cache = await slideCacheFor(read.dir, { background: true })
  const preparing = prepareDeck(input, options.theme, printer, cwd, async () => cache)
  const context = { root, base, singleFile, printer, options }
  const early = maybeStatic
    ? undefined
    : buildEarly({ read, cache, preparing }, theme, target, context)
  let prepared: PreparedDeck
  try {
    prepared = await preparing
    // Vite writes into a temporary folder: checking before it is moved into place is enough.
    checkTarget(target, { ...check, inputs: deckInputs(prepared.deck) })
  } catch (error) {
    await early?.discard()
    await cache.settle()
    throw error
  }
  const { deck } = prepared
  const total = deck.deck.slides.length
  info(`slidemark: compiled ${total}/${total} slides of ${deck.displayPath}`)
  const drawing = (await hasDiagrams(prepared))
    ? await drawForBuild(prepared, root, printer, options.browser)
    : undefined
  try {
    info(`slidemark: building with ${prepared.theme.packageName}…`)
    const app = maybeStatic && !drawing ? await staticAppOf(prepared, theme) : undefined
    const staging = app
      ? stageStatic(prepared, app, target, base)
      : ((await early?.take(prepared)) ??
        (await stageBuild(prepared, target, { ...context, drawing })))
    await commitBuild(staging, target, cwd)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const shown = displayPathOf(target.path, cwd)
    info(
      target.kind === 'file'
        ? `slidemark: wrote ${shown} (${total} slides, opens offline) in ${seconds} s`
        : `slidemark: wrote ${shown}/ (${total} slides) in ${seconds} s; serve it with any static server`,
    )
    if (options.check ?? true) {
      await checkAfterBuild(target, base, deck, printer, options.browser, drawing?.browser)
    }
  } finally {
    await drawing?.close()
    await cache.settle()
  }
  return target
}

/** How Vite builds the deck, whichever deck it gets. */
interface StageContext {
  root: string
  base: string
  singleFile: boolean
  printer: MessagePrinter
  options: BuildOptions
  drawing?: DrawnForBuild | undefined
}

/** A Vite build started before the deck finished compiling (see {@link buildEarly}). */
interface EarlyBuild {
  /** Its staged output once `prepared` is known to match it; `undefined`: it was dropped. */
  take(prepared: PreparedDeck): Promise<StagingDir | undefined>
  /** Stops it (the deck failed): waits for Vite to end, removes what it wrote. */
  discard(): Promise<void>
}

/**
 * Starts Vite's build while the deck compiles: the compile threads keep the
 * other cores busy and this thread would only wait, so Vite resolves its
 * configuration and transforms the theme meanwhile, and the deck's module
 * waits for the compile instead of compiling again. Only when the theme is
 * known from the front matter (`likelyTheme`), the deck has no diagrams
 * (drawn in Chromium before the build, see {@link drawForBuild}) and the
 * output's folder exists (a deck that fails creates nothing). A compiled
 * deck that does not match (another theme in the end) drops this build.
 */
function buildEarly(
  deck: { read: Omit<LoadedDeck, 'deck'>; cache: SlideCache; preparing: Promise<PreparedDeck> },
  theme: ResolvedTheme | undefined,
  target: BuildTarget,
  context: StageContext,
): EarlyBuild | undefined {
  const { read, cache, preparing } = deck
  if (/mermaid/i.test(read.source) || !fs.existsSync(path.dirname(target.path))) return undefined
  if (!theme) return undefined
  const matches = async (prepared: PreparedDeck) =>
    prepared.theme.dir === theme.dir &&
    prepared.theme.packageName === theme.packageName &&
    !(await hasDiagrams(prepared))
  const compiled = preparing.then(async (prepared) =>
    (await matches(prepared))
      ? prepared.deck
      : Promise.reject(new Error('the early build is dropped')),
  )
  compiled.catch(() => {})
  const pending = { ...read, deck: { meta: {}, slides: [], messages: [] } }
  const staged = stageBuild({ deck: pending, theme, cache, compiled }, target, context)
  staged.catch(() => {})
  const discard = () =>
    staged.then(
      (staging) => staging.discard(),
      () => {},
    )
  return {
    async take(prepared) {
      if (await matches(prepared)) return staged
      await discard()
      return undefined
    },
    discard,
  }
}

/**
 * The prebuilt app of the deck's theme, when the compiled deck can do with
 * it (see static-app.ts): the theme guessed before compiling is the one
 * the deck asked for, and it has no assets, math or diagrams.
 */
async function staticAppOf(
  prepared: PreparedDeck,
  guessed: ResolvedTheme,
): Promise<StaticApp | undefined> {
  const { theme, deck } = prepared
  if (theme.dir !== guessed.dir || theme.packageName !== guessed.packageName) return undefined
  if (!canWriteStatic(deck.deck) || (await hasDiagrams(prepared))) return undefined
  return staticAppFor(theme)
}

/** The deck written next to its theme's prebuilt app, in a temporary folder next to `target`. */
function stageStatic(
  prepared: PreparedDeck,
  app: StaticApp,
  target: BuildTarget,
  base: string,
): StagingDir {
  const staging = stageDir(target.path)
  try {
    writeStaticDeck(prepared.deck, app, prepared.theme, staging.path, base)
    return staging
  } catch (error) {
    staging.discard()
    throw describeBuildError(error, prepared.deck)
  }
}

/** Vite's build of the deck into a temporary folder next to `target` (see {@link commitBuild}). */
async function stageBuild(
  prepared: DeckToBuild,
  target: BuildTarget,
  context: StageContext,
): Promise<StagingDir> {
  const { root, base, singleFile, printer, drawing, options } = context
  // The file build happens in a folder next to the final file, then one rename.
  const staging = stageDir(target.kind === 'dir' ? target.path : `${target.path}.build`)
  try {
    const { buildInto } = await import('../vite-build.js')
    await buildInto(prepared, staging.path, {
      root,
      base,
      singleFile,
      printer,
      // Vite would list the files under the temporary folder; the CLI lists them where they end up.
      logLevel: options.logLevel ?? 'warn',
      ...(drawing
        ? {
            diagrams: {
              drawn: (_file, place) => drawing.drawn.get(`${place.line}:${place.column}`),
            },
          }
        : {}),
    })
    return staging
  } catch (error) {
    staging.discard()
    throw error
  }
}

/** Moves a staged build into place and lists the files written. */
async function commitBuild(staging: StagingDir, target: BuildTarget, cwd: string): Promise<void> {
  try {
    if (target.kind === 'file') {
      const html = path.join(staging.path, SINGLE_FILE_NAME)
      if (!fs.existsSync(html))
        throw new CliError(`build failed: Vite wrote no ${SINGLE_FILE_NAME}`)
      moveFileAtomic(html, target.path)
      staging.discard()
    } else {
      writeManifest(staging.path, displayPathOf(target.path, cwd))
      staging.commit()
    }
  } catch (error) {
    staging.discard()
    throw error
  }
  info(await formatFileSizes(target, cwd))
}
