import type { Deck } from '@slidemark/core'
import { assertPresentable, compileDeck, loadDeck, readDeckSource } from '../deck.js'
import { MessagePrinter } from '../messages.js'
import { renderTable, truncate } from '../table.js'

export interface InspectOptions {
  /** Print the whole `Deck` as JSON instead of the table. */
  json?: boolean
  /** Working folder the deck path is relative to. */
  cwd?: string
  /** Where the result goes (standard output). */
  write?: (text: string) => void
}

/** Titles longer than this are cut in the table (the JSON has them whole). */
const TITLE_COLUMNS = 48

/** The slides of a deck as a table: index, kind, title, steps, notes, source lines. */
export function formatDeckTable(deck: Deck): string {
  const rows = deck.slides.map((slide) => [
    String(slide.index),
    slide.kind,
    truncate(slide.title.replace(/\s+/g, ' ').trim(), TITLE_COLUMNS),
    String(slide.steps),
    slide.notes === '' ? '-' : 'yes',
    `${slide.source.start}-${slide.source.end}`,
  ])
  const table = renderTable(
    [
      { header: 'index', align: 'right' },
      { header: 'kind' },
      { header: 'title' },
      { header: 'steps', align: 'right' },
      { header: 'notes' },
      { header: 'lines' },
    ],
    rows,
  )
  const steps = deck.slides.reduce((sum, slide) => sum + slide.steps, 0)
  const title = typeof deck.meta.title === 'string' ? `${deck.meta.title}: ` : ''
  return `${table}\n\n${title}${deck.slides.length} slides, ${steps} steps`
}

/** `slidemark inspect`: the compiled deck as a table, or as JSON exactly as `compile()` returns it. */
export async function inspect(input: string, options: InspectOptions = {}): Promise<void> {
  const write = options.write ?? ((text: string) => process.stdout.write(text))
  if (options.json) {
    // Scripts get the deck, messages included, even when it has errors; the
    // exit code still says whether it can be presented.
    const loaded = await compileDeck(readDeckSource(input, options.cwd))
    write(`${JSON.stringify(loaded.deck, null, 2)}\n`)
    assertPresentable(loaded)
    return
  }
  const { deck } = await loadDeck(input, new MessagePrinter(), options.cwd)
  write(`${formatDeckTable(deck)}\n`)
}
