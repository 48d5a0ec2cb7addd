import fs from 'node:fs'
import { builtFile } from './built-file.js'
import type { SlideSource } from './split.js'

/** Fence info strings, `!lang` marker lines and inline `{:lang}`: the languages a slide may use. */
const languageNames =
  /^[ \t>]*(?:`{3,}|~{3,})[ \t]*([\w#+.-]+)|^[ \t>]*!([\w#+.-]+)[ \t]*$|\{:([\w#+.-]+)\}/gm

/** The code languages `text` names (lower case; names Shiki does not know included). */
export function namedLanguages(text: string): Set<string> {
  const names = new Set<string>()
  for (const match of text.matchAll(languageNames)) {
    names.add((match[1] ?? match[2] ?? match[3] ?? '').toLowerCase())
  }
  return names
}

/**
 * What a language costs a thread, as the size in bytes of its grammar's
 * regex table (dist/language-costs.json, written with the tables): the
 * JavaScript grammar's patterns are many and long, and a JavaScript slide
 * took 2.3 times as long to highlight as a Python, Go or Rust one, its first
 * slide 300 ms against 20-130 ms.
 */
export type LanguageCosts = Readonly<Record<string, number>>

/** The table size a language missing from `LanguageCosts` counts as (a middling grammar). */
const unlistedLanguage = 40_000

let readCosts: LanguageCosts | undefined

/** dist/language-costs.json, read once; empty when the build wrote none. */
export function languageCosts(): LanguageCosts {
  if (readCosts) return readCosts
  try {
    readCosts = JSON.parse(fs.readFileSync(builtFile('language-costs.json'), 'utf8'))
  } catch {
    readCosts = {}
  }
  return readCosts as LanguageCosts
}

/** Table bytes of `language`, bounded: a few grammars are huge, and tables only hint at time. */
const bytesOf = (costs: LanguageCosts, language: string) =>
  Math.min(costs[language] ?? unlistedLanguage, 400_000)

/**
 * A slide's share of a thread's work, in characters of plain Markdown: its
 * text plus a fixed cost per slide, its code weighing more in a bigger
 * grammar (a 120 KB table doubles it).
 */
function slideCost(slide: SlideSource, languages: readonly string[], costs: LanguageCosts) {
  const weight = Math.max(1, ...languages.map((name) => 1 + bytesOf(costs, name) / 120_000))
  return (slide.text.length + 200) * weight
}

/** What a thread pays once to load `language` and compile its regexes, in the same units. */
const loadCost = (language: string, costs: LanguageCosts) => 0.6 * bytesOf(costs, language)

/**
 * Which slides each of `lanes` threads renders first, as indices into
 * `slides`: slides with code in deck order, then those without. The first
 * slide in a language costs a thread far more than the next ones (loading
 * the grammar, compiling its regular expressions: 20-300 ms each), so
 * slides naming the same languages go to the same lane, heaviest group
 * first to the least loaded lane (a group weighs its slides and its
 * languages' loading, by `costs`), and slides without code fill the lanes
 * up to about the same weight. A lane that runs out takes work from the
 * end of the others, slides without code first (see `takeBatch`).
 */
export function laneQueues(
  slides: readonly SlideSource[],
  lanes: number,
  costs: LanguageCosts = languageCosts(),
): number[][] {
  const queues = Array.from({ length: Math.max(1, lanes) }, () => ({
    indices: [] as number[],
    cost: 0,
  }))
  const lightest = () => queues.reduce((a, b) => (b.cost < a.cost ? b : a))
  const groups = new Map<string, { indices: number[]; cost: number }>()
  const plain: number[] = []
  slides.forEach((slide, index) => {
    const languages = [...namedLanguages(slide.text)].sort()
    if (languages.length === 0) {
      plain.push(index)
      return
    }
    const key = languages.join(' ')
    let group = groups.get(key)
    if (!group) {
      const load = languages.reduce((sum, name) => sum + loadCost(name, costs), 0)
      group = { indices: [], cost: load }
      groups.set(key, group)
    }
    group.indices.push(index)
    group.cost += slideCost(slide, languages, costs)
  })
  for (const group of [...groups.values()].sort((a, b) => b.cost - a.cost)) {
    const queue = lightest()
    queue.indices.push(...group.indices)
    queue.cost += group.cost
  }
  const byIndex = (a: number, b: number) => a - b
  for (const queue of queues) queue.indices.sort(byIndex)
  for (const index of plain) {
    const queue = lightest()
    queue.indices.push(index)
    queue.cost += slideCost(slides[index] as SlideSource, [], costs)
  }
  return queues.map((queue) => queue.indices)
}

/**
 * The next batch for the lane owning `own`: the first half of what is left
 * in it, so the first batches are big and the last ones small enough for
 * the threads to finish together (a round trip to a thread costs about as
 * much as a slide). A lane with nothing left takes the last half of the
 * fullest other lane. Empty when every lane is done.
 */
export function takeBatch(own: number[], queues: readonly number[][]): number[] {
  if (own.length > 0) return own.splice(0, Math.ceil(own.length / 2))
  const fullest = queues.reduce((a, b) => (b.length > a.length ? b : a))
  return fullest.splice(fullest.length - Math.ceil(fullest.length / 2))
}
