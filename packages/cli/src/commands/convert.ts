import path from 'node:path'
import type { DeckFormat } from '@slidemark/core'
import { writeFileAtomic } from '../atomic.js'
import { displayPathOf, readDeckSource } from '../deck.js'
import { CliError, UsageError } from '../errors.js'
import { MessagePrinter } from '../messages.js'
import { checkOutputFile } from '../outputs.js'

export interface ConvertOptions {
  /** Where to write the Slidemark deck (default: next to the input, see {@link defaultOutput}). */
  out?: string
  /** Read the input as this format instead of detecting it. */
  format?: string
  /** `--overwrite`: replace an existing output file. */
  overwrite?: boolean
  /** Working folder the paths are relative to. */
  cwd?: string
  /** Where the one-line summary goes (standard output). */
  write?: (text: string) => void
  printer?: MessagePrinter
}

/** `talk.md` → `talk.slides.md`; `talk.slides.md` → `talk.converted.slides.md`. */
export function defaultOutput(input: string): string {
  const base = input.replace(/\.(?:md|markdown)$/i, '')
  return base.endsWith('.slides') ? `${base.slice(0, -7)}.converted.slides.md` : `${base}.slides.md`
}

/**
 * `slidemark convert DECK [--out FILE] [--format NAME]`: writes the deck in
 * Slidemark syntax (`convertDeck`), then checks that the new file compiles
 * to as many slides as the input. Never writes over the input, and over
 * another existing file only with `--overwrite`.
 */
export async function convert(input: string, options: ConvertOptions = {}): Promise<void> {
  const cwd = options.cwd ?? process.cwd()
  const write = options.write ?? ((text: string) => process.stdout.write(`${text}\n`))
  const printer = options.printer ?? new MessagePrinter()
  const { compile, convertDeck, deckFormats } = await import('@slidemark/core')
  const format = options.format
  if (format !== undefined && !deckFormats.includes(format as DeckFormat)) {
    throw new UsageError(`--format must be one of ${deckFormats.join(', ')}, got "${format}"`)
  }
  const read = readDeckSource(input, cwd)
  const target = path.resolve(cwd, options.out ?? defaultOutput(read.path))
  checkOutputFile(
    target,
    { option: '--out', cwd, deck: read.path, overwrite: options.overwrite === true },
    () => false,
  )
  const converted = convertDeck(read.source, format ? { format: format as DeckFormat } : {})
  const messages = converted.messages.map((message) => ({ ...message, file: read.displayPath }))
  printer.print([...read.readMessages, ...messages])
  const errors = messages.filter((message) => message.severity === 'error')
  if (errors.length > 0) {
    throw new CliError(`${read.displayPath} has ${errors.length} error(s); nothing was written`)
  }
  const before = await compile(read.source, format ? { format: format as DeckFormat } : {})
  const after = await compile(converted.text)
  if (after.slides.length !== before.slides.length) {
    throw new CliError(
      `the converted deck has ${after.slides.length} slides where ${read.displayPath} has ${before.slides.length}; nothing was written (please report this deck)`,
    )
  }
  writeFileAtomic(target, converted.text)
  write(
    `${read.displayPath} (${converted.format}, ${after.slides.length} slides) → ${displayPathOf(target, cwd)}`,
  )
}
