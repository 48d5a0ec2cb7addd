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

/** A slide's share of a thread's work: its text, plus a fixed cost per slide. */
const slideCost = (slide: SlideSource) => slide.text.length + 200

/**
 * Which slides each of `lanes` threads renders first, as indices into
 * `slides`: slides with code in deck order, then those without. The first
 * slide in a language costs a thread far more than the next ones (loading
 * the grammar, compiling its regular expressions: 30-200 ms each), so
 * slides naming the same languages go to the same lane, heaviest group
 * first to the least loaded lane, and slides without code fill the lanes
 * up to about the same size. A lane that runs
 * out takes work from the end of the others, slides without code first
 * (see `takeBatch`).
 */
export function laneQueues(slides: readonly SlideSource[], lanes: number): number[][] {
  const queues = Array.from({ length: Math.max(1, lanes) }, () => ({
    indices: [] as number[],
    cost: 0,
  }))
  const lightest = () => queues.reduce((a, b) => (b.cost < a.cost ? b : a))
  const groups = new Map<string, { indices: number[]; cost: number }>()
  const plain: number[] = []
  slides.forEach((slide, index) => {
    const key = [...namedLanguages(slide.text)].sort().join(' ')
    if (key === '') {
      plain.push(index)
      return
    }
    const group = groups.get(key) ?? { indices: [], cost: 0 }
    group.indices.push(index)
    group.cost += slideCost(slide)
    groups.set(key, group)
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
    queue.cost += slideCost(slides[index] as SlideSource)
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
