import type { DeckMessage } from '../types.js'

/**
 * The one message format of every Slidemark tool (the Vite plugin, the CLI):
 * `talk.slides.md:12:5: unknown language "pyhton" [unknown-language]`, the
 * line editors and CI annotators understand, with `error: ` before the reason
 * when the message stops the build.
 */
export interface FormatMessageOptions {
  /** The file shown when the message has none (`message.file`). Default: `<deck>`. */
  file?: string
  /**
   * Shown paths are relative to this folder when inside it (always with `/`);
   * default: paths as they are.
   */
  root?: string
  /**
   * Colour the severity and the rule id with ANSI codes. Default: `false`;
   * see {@link useColor} for when a tool should turn it on.
   */
  color?: boolean
}

const RED = '\x1b[31m'
const DIM = '\x1b[2m'
const RESET = '\x1b[0m'

function paint(text: string, code: string, color: boolean | undefined): string {
  return color ? `${code}${text}${RESET}` : text
}

/** `file` with `/` separators, relative to `root` when inside it. */
export function formatFile(file: string, root?: string): string {
  const shown = file.replaceAll('\\', '/')
  if (root === undefined) return shown
  const base = root.replaceAll('\\', '/').replace(/\/+$/, '')
  return shown.startsWith(`${base}/`) ? shown.slice(base.length + 1) : shown
}

/** `src/talk.slides.md:4:1` (see {@link formatFile}). */
export function formatPlace(file: string, line: number, column: number, root?: string): string {
  return `${formatFile(file, root)}:${line}:${column}`
}

/** `src/talk.slides.md:4:1: error: Unknown language "pyhton" [unknown-language]`. */
export function formatMessage(
  message: Pick<DeckMessage, 'line' | 'column' | 'reason' | 'ruleId' | 'severity'> & {
    file?: string | undefined
  },
  options: FormatMessageOptions = {},
): string {
  const { color, root } = options
  const place = formatPlace(
    message.file ?? options.file ?? '<deck>',
    message.line,
    message.column,
    root,
  )
  const severity = message.severity === 'error' ? paint('error: ', RED, color) : ''
  return `${place}: ${severity}${message.reason} ${paint(`[${message.ruleId}]`, DIM, color)}`
}

/**
 * Whether a tool writing to `stream` should colour its messages: only on a
 * terminal, and never when `NO_COLOR` is set (https://no-color.org).
 */
export function useColor(
  stream: { isTTY?: boolean | undefined },
  env: Record<string, string | undefined>,
): boolean {
  return stream.isTTY === true && !env.NO_COLOR
}
