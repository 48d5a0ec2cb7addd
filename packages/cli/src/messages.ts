import type { DeckMessage } from '@slidemark/core'
import { formatMessage, useColor } from '@slidemark/core/messages'

/**
 * Prints deck messages one per line, in the format every Slidemark tool uses
 * (`formatMessage` from `@slidemark/core`:
 * `talk.slides.md:12:5: unknown language "pyhton" [unknown-language]`),
 * coloured only on a terminal without `NO_COLOR`. Remembers which messages
 * were printed, so a warning is shown once even when the deck is compiled
 * again (a rebuild, a hot update that did not touch it).
 */
export class MessagePrinter {
  readonly #seen = new Set<string>()
  readonly #write: (line: string) => void
  readonly #color: boolean

  constructor(write?: (line: string) => void) {
    this.#write = write ?? ((line) => process.stderr.write(`${line}\n`))
    this.#color = write === undefined && useColor(process.stderr, process.env)
  }

  /** Prints each message not printed before; returns how many were new. */
  print(messages: readonly DeckMessage[]): number {
    let printed = 0
    for (const message of messages) {
      const line = formatMessage(message)
      if (this.#seen.has(line)) continue
      this.#seen.add(line)
      this.#write(this.#color ? formatMessage(message, { color: true }) : line)
      printed++
    }
    return printed
  }
}
