import fs from 'node:fs'
import { type CAC, type Command, cac } from 'cac'
import { setCompileSettings } from './deck.js'
import { UsageError } from './errors.js'
import { DEFAULT_THEME } from './theme.js'

/** The CLI's own version, from its package.json. */
export function version(): string {
  const file = new URL('../package.json', import.meta.url)
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version
}

/** An option value that must be a string (mri turns `--out 2024` into a number). */
function text(value: unknown, option: string): string | undefined {
  if (value === undefined || value === false) return undefined
  if (value === true || value === '') throw new UsageError(`option --${option} needs a value`)
  if (Array.isArray(value)) throw new UsageError(`option --${option} was given more than once`)
  return String(value)
}

/** `--port`: an integer from 0 to 65535. */
export function parsePort(value: unknown): number | undefined {
  const raw = text(value, 'port')
  if (raw === undefined) return undefined
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, got "${raw}"`)
  }
  return port
}

/** `--slide-timeout`: seconds, a number ≥ 0 (0: no limit), as milliseconds. */
export function parseSlideTimeout(value: unknown): number | undefined {
  const raw = text(value, 'slide-timeout')
  if (raw === undefined) return undefined
  const seconds = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
    throw new UsageError(`--slide-timeout must be a number of seconds (0: no limit), got "${raw}"`)
  }
  return seconds === 0 ? Number.POSITIVE_INFINITY : seconds * 1000
}

/** Whether `--name` or `--no-name` is on the command line (cac gives a negatable switch a default). */
function switchGiven(args: readonly string[], name: string): boolean {
  return args.some(
    (arg) => arg === `--${name}` || arg === `--no-${name}` || arg.startsWith(`--${name}=`),
  )
}

/**
 * Applies what every compiling command shares: the configuration file
 * (`--config`, else `slidemark.config.*` beside the deck) under the flags
 * `--slide-timeout`, `--line-numbers` and `--math`, which win over it.
 */
async function compileFlags(
  deck: string,
  options: Record<string, unknown>,
  args: readonly string[],
): Promise<void> {
  const slideTimeout = parseSlideTimeout(options.slideTimeout)
  const configFile = text(options.config, 'config')
  const { loadConfigSettings } = await import('./config.js')
  const settings = { ...(await loadConfigSettings(deck, configFile)) }
  if (slideTimeout !== undefined) settings.slideTimeout = slideTimeout
  if (switchGiven(args, 'line-numbers')) settings.lineNumbers = options.lineNumbers !== false
  if (switchGiven(args, 'math')) settings.math = options.math !== false
  setCompileSettings(settings)
}

/** `--host` alone means every interface, as in Vite. */
function parseHost(value: unknown): string | boolean | undefined {
  if (value === true) return true
  return text(value, 'host')
}

/** A file path, or `true` when the option is given without one (`--pdf`). */
function optionalPath(value: unknown, option: string): string | true | undefined {
  if (value === true) return true
  return text(value, option)
}

const SLIDE_TIMEOUT_HELP = 'Seconds one slide may take to compile (default: 10; 0: no limit)'

const CONFIG_HELP =
  "Configuration file (default: slidemark.config.{ts,js,mjs} in the deck's folder)"

const ROOT_HELP = "Folder the deck may read files from (default: the deck's folder)"

const OVERWRITE_HELP = 'Replace an output folder or file that Slidemark did not write'

const THEME_HELP = `Theme package or short name (default: front matter "theme:", else ${DEFAULT_THEME})`

/**
 * Builds the `slidemark` command line. Actions return promises that `main`
 * awaits; each command's module (and Vite, Playwright) loads only when used.
 */
export function createProgram(): CAC {
  const cli = cac('slidemark')

  const devAction = async (deck: string | undefined, options: Record<string, unknown>) => {
    if (deck === undefined) throw new UsageError('missing deck file, e.g. slidemark talk.slides.md')
    // `slidemark biuld` is a typo for a command, not a deck called "biuld".
    if (/^[a-z][\w-]*$/i.test(deck) && !fs.existsSync(deck)) {
      throw new UsageError(`unknown command "${deck}"`)
    }
    await compileFlags(deck, options, cli.rawArgs)
    const devOptions = {
      port: parsePort(options.port),
      host: parseHost(options.host),
      open: options.open === true,
      theme: text(options.theme, 'theme'),
      root: text(options.root, 'root'),
    }
    const { dev } = await import('./commands/dev.js')
    await dev(deck, devOptions)
  }

  withCompileOptions(
    cli
      .command('[deck]', 'Present a deck with hot reload (same as `slidemark dev`)')
      .option('--port <port>', 'Port to listen on (default: 5173, or the next free one)')
      .option('--host [host]', 'Host to listen on; --host alone listens on every interface')
      .option('--open', 'Open the deck in your browser')
      .option('--theme <name>', THEME_HELP)
      .option('--root <dir>', ROOT_HELP),
  )
    .example('slidemark talk.slides.md')
    .example('slidemark build talk.slides.md --single-file')
    .example('slidemark export talk.slides.md --pdf talk.pdf')
    .example('slidemark inspect talk.slides.md --json')
    .action(devAction)

  withCompileOptions(
    cli
      .command('dev <deck>', 'Present a deck with hot reload; prints the local URL')
      .option('--port <port>', 'Port to listen on (default: 5173, or the next free one)')
      .option('--host [host]', 'Host to listen on; --host alone listens on every interface')
      .option('--open', 'Open the deck in your browser')
      .option('--theme <name>', THEME_HELP)
      .option('--root <dir>', ROOT_HELP),
  )
    .example('slidemark dev talk.slides.md --port 3030 --open')
    .action(devAction)

  withCompileOptions(
    cli
      .command('build <deck>', 'Build a static deck, or one self-contained HTML file')
      .option('--out <path>', 'Output folder (default: dist); with --single-file also a .html file')
      .option('--base <path>', 'Public base path, e.g. /talks/ (default: ./, any folder)')
      .option('--single-file', 'Write one presentation.html with everything inlined; opens offline')
      .option('--theme <name>', THEME_HELP)
      .option('--root <dir>', ROOT_HELP),
  )
    .option('--overwrite', OVERWRITE_HELP)
    .option('--no-check', 'Skip the layout check in Chromium that follows the build')
    .option(
      '--browser <path>',
      'Chromium or Chrome for the check (default: CHROMIUM_PATH, else found)',
    )
    .example('slidemark build talk.slides.md --out public/talk --base /talk/')
    .example('slidemark build talk.slides.md --single-file')
    .action(async (deck: string, options: Record<string, unknown>) => {
      await compileFlags(deck, options, cli.rawArgs)
      const buildOptions = {
        out: text(options.out, 'out'),
        base: text(options.base, 'base'),
        singleFile: options.singleFile === true,
        theme: text(options.theme, 'theme'),
        overwrite: options.overwrite === true,
        root: text(options.root, 'root'),
        check: options.check !== false,
        browser: text(options.browser, 'browser'),
      }
      const { build } = await import('./commands/build.js')
      await build(deck, buildOptions)
    })

  withCompileOptions(
    cli
      .command('export <deck>', 'Render a deck to PDF, PNG images or PowerPoint in Chromium')
      .option('--pdf [file]', 'Write a PDF, one page per slide (default when no --png: <deck>.pdf)')
      .option('--png [dir]', 'Write one PNG per slide into a folder (default: <deck>-png/)')
      .option('--pptx [file]', 'Write an editable PowerPoint file (default: <deck>.pptx)')
      .option('--steps', 'One page, image or PowerPoint slide per build step instead of per slide')
      .option('--notes', "Print each slide's presenter notes below it")
      .option('--browser <path>', 'Chromium or Chrome to use (default: CHROMIUM_PATH, else found)')
      .option('--theme <name>', THEME_HELP)
      .option('--root <dir>', ROOT_HELP),
  )
    .option('--overwrite', OVERWRITE_HELP)
    .example('slidemark export talk.slides.md --pdf talk.pdf')
    .example('slidemark export talk.slides.md --png slides/ --steps')
    .example('slidemark export talk.slides.md --pptx talk.pptx --steps')
    .action(async (deck: string, options: Record<string, unknown>) => {
      await compileFlags(deck, options, cli.rawArgs)
      const exportOptions = {
        pdf: optionalPath(options.pdf, 'pdf'),
        png: optionalPath(options.png, 'png'),
        pptx: optionalPath(options.pptx, 'pptx'),
        steps: options.steps === true,
        notes: options.notes === true,
        browser: text(options.browser, 'browser'),
        theme: text(options.theme, 'theme'),
        overwrite: options.overwrite === true,
        root: text(options.root, 'root'),
      }
      const { exportDeck } = await import('./commands/export.js')
      await exportDeck(deck, exportOptions)
    })

  cli
    .command(
      'convert <deck>',
      'Rewrite a Marp, Slidev, remark, reveal.js or landslide deck in Slidemark syntax',
    )
    .option('--out <file>', 'Where to write it (default: <deck>.slides.md next to the input)')
    .option(
      '--format <name>',
      'Read the deck as slidemark, landslide, remark, reveal, marp or slidev',
    )
    .option('--overwrite', OVERWRITE_HELP)
    .example('slidemark convert talk.md --out talk.slides.md')
    .action(async (deck: string, options: Record<string, unknown>) => {
      const convertOptions = {
        out: text(options.out, 'out'),
        format: text(options.format, 'format'),
        overwrite: options.overwrite === true,
      }
      const { convert } = await import('./commands/convert.js')
      await convert(deck, convertOptions)
    })

  withCompileOptions(
    cli
      .command(
        'check <deck>',
        'Lay every slide out in Chromium and report what does not fit or load',
      )
      .option('--json', 'Print the problems as a JSON array of messages')
      .option('--browser <path>', 'Chromium or Chrome to use (default: CHROMIUM_PATH, else found)')
      .option('--theme <name>', THEME_HELP)
      .option('--root <dir>', ROOT_HELP),
  )
    .example('slidemark check talk.slides.md')
    .action(async (deck: string, options: Record<string, unknown>) => {
      await compileFlags(deck, options, cli.rawArgs)
      const checkOptions = {
        json: options.json === true,
        browser: text(options.browser, 'browser'),
        theme: text(options.theme, 'theme'),
        root: text(options.root, 'root'),
      }
      const { checkDeck } = await import('./commands/check.js')
      await checkDeck(deck, checkOptions)
    })

  withCompileOptions(
    cli
      .command(
        'inspect <deck>',
        'List the compiled slides: index, kind, title, steps, notes, lines',
      )
      .option('--json', 'Print the whole Deck as compile() returns it'),
  )
    .example('slidemark inspect talk.slides.md --json')
    .action(async (deck: string, options: Record<string, unknown>) => {
      await compileFlags(deck, options, cli.rawArgs)
      const { inspect } = await import('./commands/inspect.js')
      await inspect(deck, { json: options.json === true })
    })

  cli.help((sections) => [
    ...sections,
    {
      title: 'Exit codes',
      body: [
        '  0    done',
        '  1    bad input or failed work (missing file, not a deck, unknown theme, build error, no browser)',
        '  2    bad command line (unknown command or option, missing deck)',
        '  130  interrupted with Ctrl-C (nothing half-written is left)',
      ].join('\n'),
    },
  ])
  cli.version(version())
  return cli
}

/** The options of every command that compiles a deck, declared once. */
function withCompileOptions(command: Command): Command {
  return command
    .option('--slide-timeout <seconds>', SLIDE_TIMEOUT_HELP)
    .option('--config <file>', CONFIG_HELP)
    .option('--line-numbers', 'Number the lines of code blocks (--no-line-numbers: never)')
    .option('--no-line-numbers', 'Do not number code lines, whatever the configuration says')
    .option('--math', 'Render $…$ and $$…$$ with KaTeX (--no-math: never)')
    .option('--no-math', 'Leave $…$ as text, whatever the configuration says')
}
