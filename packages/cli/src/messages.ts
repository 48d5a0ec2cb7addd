import type { DeckMessage } from '@slidemark/core'

/**
 * One line per message, the format editors and CI annotators understand:
 * `talk.slides.md:12:5: unknown language "pyhton" [unknown-language]`, with
 * `error: ` before the reason when the message stops the command.
 */
export function formatMessage(message: DeckMessage, fallbackFile = '<deck>'): string {
  const place = `${message.file ?? fallbackFile}:${message.line}:${message.column}`
  const severity = message.severity === 'error' ? 'error: ' : ''
  return `${place}: ${severity}${message.reason} [${message.ruleId}]`
}

/**
 * Remembers which messages were printed, so a warning is shown once even when
 * the deck is compiled again (a rebuild, a hot update that did not touch it).
 */
export class MessagePrinter {
  readonly #seen = new Set<string>()
  readonly #write: (line: string) => void

  constructor(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {
    this.#write = write
  }

  /** Prints each message not printed before; returns how many were new. */
  print(messages: readonly DeckMessage[]): number {
    let printed = 0
    for (const message of messages) if (this.printLine(formatMessage(message))) printed++
    return printed
  }

  /** Prints an already formatted line unless it was printed before; says whether it was. */
  printLine(line: string): boolean {
    if (this.#seen.has(line)) return false
    this.#seen.add(line)
    this.#write(line)
    return true
  }
}
