import { parseDocument } from 'yaml'
import type { DeckMeta } from '../types.js'
import { looseYaml } from './marp-yaml.js'
import { type PlacedMessage, placedMessage, ruleIds } from './messages.js'

export interface FrontMatter {
  meta: DeckMeta
  messages: PlacedMessage[]
  /** 0-based index of the first line after the front matter (0 when there is none). */
  bodyStart: number
}

const fenceOpen = /^---[ \t]*$/
const fenceClose = /^(?:---|\.\.\.)[ \t]*$/
/** A line that reads like the start of a YAML mapping (`key:`), to tell broken front matter from a deck that opens with `---`. */
const looksLikeKey = /^["']?[\w$-][^:#]*["']?:(?:[ \t]|$)/

/**
 * Read YAML front matter: `---` on line 1, YAML, then `---` (or `...`).
 * A block whose YAML is not a mapping (a deck that merely starts with a
 * thematic break, say `---\n\n# Title\n\n---`) is not front matter, unless
 * it is broken YAML that starts like a mapping: that is an error with its
 * place. `lines` are the deck's lines (LF-normalized).
 */
export function readFrontMatter(lines: readonly string[]): FrontMatter {
  const none: FrontMatter = { meta: {}, messages: [], bodyStart: 0 }
  if (lines.length < 2 || !fenceOpen.test(lines[0] ?? '')) return none
  let close = -1
  for (let index = 1; index < lines.length; index++) {
    if (fenceClose.test(lines[index] ?? '')) {
      close = index
      break
    }
  }
  if (close === -1) return none

  const yamlLines = lines.slice(1, close)
  const bodyStart = close + 1
  if (yamlLines.every((line) => line.trim() === '')) return { meta: {}, messages: [], bodyStart }

  const document = parseYamlBlock(yamlLines.join('\n'))
  const firstMeaningful = yamlLines.find((line) => line.trim() !== '' && !/^\s*#/.test(line))
  if (document.errors.length > 0) {
    if (firstMeaningful === undefined || !looksLikeKey.test(firstMeaningful)) return none
    const messages = document.errors.map((error) => {
      const place = placeInLines(yamlLines, error.pos?.[0] ?? 0)
      return placedMessage(
        `Invalid YAML front matter: ${firstLine(error.message)}`,
        place.line + 1,
        place.column,
        ruleIds.invalidFrontMatter,
        'error',
      )
    })
    return { meta: {}, messages, bodyStart }
  }

  /** Front matter that is there but unusable: an error at its first line, empty `meta`. */
  const failed = (reason: string, ruleId: string): FrontMatter => ({
    meta: {},
    messages: [placedMessage(reason, 2, 1, ruleId, 'error')],
    bodyStart,
  })
  let value: unknown
  try {
    value = document.toJS({ maxAliasCount: 100 })
  } catch (error) {
    const reason = firstLine(String((error as Error).message ?? error))
    return failed(`Invalid YAML front matter: ${reason}`, ruleIds.invalidFrontMatter)
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    if (firstMeaningful === undefined || !looksLikeKey.test(firstMeaningful)) return none
    return failed(
      'Front matter must be a YAML mapping (`key: value` lines)',
      ruleIds.frontMatterNotMapping,
    )
  }
  return { meta: value as DeckMeta, messages: [], bodyStart }
}

/** A line `marp: true`: the deck is Marp's, whose front matter is read as loose YAML. */
const marpOn = /^marp[ \t]*:[ \t]*true[ \t]*$/m

/**
 * The block's YAML; in a Marp deck, a directive value YAML refuses
 * (`footer: Talk: part 2`) is read as the text written, as Marpit reads it.
 */
function parseYamlBlock(text: string) {
  const document = parseDocument(text, { uniqueKeys: true })
  if (document.errors.length === 0 || !marpOn.test(text)) return document
  const loose = parseDocument(looseYaml(text), { uniqueKeys: true })
  return loose.errors.length === 0 ? loose : document
}

/** yaml's pretty errors repeat the place and quote the source; keep the sentence. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
}

/**
 * The 1-based line and column of `offset` in `lines` joined by `\n`, kept
 * inside the text: yaml's own `linePos` can point past a line's end.
 */
function placeInLines(lines: readonly string[], offset: number): { line: number; column: number } {
  let rest = Number.isFinite(offset) ? Math.max(0, Math.trunc(offset)) : 0
  for (let index = 0; index < lines.length; index++) {
    const length = lines[index]?.length ?? 0
    if (rest <= length) return { line: index + 1, column: rest + 1 }
    rest -= length + 1
  }
  const last = lines.length
  return { line: Math.max(1, last), column: (lines[last - 1]?.length ?? 0) + 1 }
}
