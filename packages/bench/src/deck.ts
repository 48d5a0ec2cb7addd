/**
 * Test decks for the benchmarks: generated decks of any size, the hand-written
 * gevent-shaped deck, and the conversions the peers need.
 *
 * Every deck is written in Slidemark's own syntax first (`---` between slides,
 * `!lang` indented code blocks, `$$$$` build steps). `toFencedForm` rewrites it
 * for tools that only know CommonMark (Marp, the bare unified pipeline), so all
 * of them are measured on the same text.
 */

import { readFileSync } from 'node:fs'

/** Languages of the generated code blocks, in rotation. */
export const CODE_LANGUAGES = ['python', 'javascript', 'go', 'rust'] as const
export type CodeLanguage = (typeof CODE_LANGUAGES)[number]

/** Lines in every generated code block (the "20-line code block"). */
export const CODE_BLOCK_LINES = 20

/** Text on the first (title) slide of every generated deck; browsers wait for it. */
export const TITLE_MARKER = 'Slidemark benchmark deck'

/** What one generated slide carries besides its heading and paragraph. */
export type SlideFeature = 'list' | 'table' | 'inline-html' | 'steps'
const FEATURES: readonly SlideFeature[] = ['list', 'table', 'inline-html', 'steps']

/** The feature of slide `index` (1-based content slides; 0 is the title slide). */
export function featureOf(index: number): SlideFeature {
  return FEATURES[Math.floor(index / 2) % FEATURES.length] as SlideFeature
}

/** The language of slide `index`'s code block, or `undefined` when it has none. */
export function codeLanguageOf(index: number): CodeLanguage | undefined {
  if (index === 0 || index % 2 === 0) return undefined
  return CODE_LANGUAGES[((index - 1) / 2) % CODE_LANGUAGES.length]
}

/**
 * A deck of `count` slides (`count >= 1`) in Slidemark syntax. Slide 0 is a
 * title slide; every other slide has an `h1`, a paragraph, one feature
 * (list, table, inline HTML or `$$$$` steps, in rotation) and, on every
 * second slide, a 20-line `!lang` code block in a rotating language. Each
 * slide's text is distinct, so per-slide caches cannot share entries.
 */
export function generateDeck(count: number): string {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`A deck needs at least one slide, got ${count}`)
  }
  const slides = [titleSlide(count)]
  for (let index = 1; index < count; index++) slides.push(contentSlide(index))
  return `${slides.join('\n\n---\n\n')}\n`
}

function titleSlide(count: number): string {
  return [
    TITLE_MARKER,
    `${count} slides generated for pnpm bench`,
    'Headings, lists, tables, inline HTML, build steps and code',
  ].join('\n\n')
}

function contentSlide(index: number): string {
  const parts = [
    `# Topic ${index}: ${WORDS[index % WORDS.length]} and ${WORDS[(index * 7) % WORDS.length]}`,
    `Slide ${index} explains *${WORDS[(index * 3) % WORDS.length]}* with **${WORDS[(index * 5) % WORDS.length]}**, ` +
      `a [link](https://example.com/${index}) and \`inline_${index}()\` code.`,
  ]
  const feature = featureOf(index)
  if (feature === 'list') {
    parts.push(
      [1, 2, 3, 4]
        .map((n) => `- Point ${n} of slide ${index}: ${WORDS[(index + n) % WORDS.length]}`)
        .join('\n'),
    )
  } else if (feature === 'table') {
    parts.push(
      [
        '| Step | Cost | Note |',
        '| --- | ---: | --- |',
        ...[1, 2, 3].map(
          (n) => `| ${WORDS[(index + n) % WORDS.length]} | ${index * n} ms | row ${n} |`,
        ),
      ].join('\n'),
    )
  } else if (feature === 'inline-html') {
    parts.push(
      `<big>Slide ${index} in big type</big><br />then a <span class="note">note ${index}</span> inline.`,
    )
  } else {
    parts.push(`First step of slide ${index}.`, '$$$$', `Second step of slide ${index}.`, '$$$$')
    parts.push(`- Third step, item ${index}`)
  }
  const lang = codeLanguageOf(index)
  if (lang) parts.push(indentedCodeBlock(lang, codeLines(lang, index)))
  return parts.join('\n\n')
}

function indentedCodeBlock(lang: string, lines: string[]): string {
  return [`!${lang}`, ...lines].map((line) => (line === '' ? '' : `    ${line}`)).join('\n')
}

/** Twenty lines of plausible `lang` source, distinct per slide. */
export function codeLines(lang: CodeLanguage, index: number): string[] {
  const lines = CODE_TEMPLATES[lang].map((line) => line.replaceAll('@@', String(index)))
  if (lines.length !== CODE_BLOCK_LINES) throw new Error(`template for ${lang} is not 20 lines`)
  return lines
}

const CODE_TEMPLATES: Record<CodeLanguage, string[]> = {
  python: [
    'import asyncio',
    'from dataclasses import dataclass',
    '',
    '@dataclass',
    'class Job@@:',
    '    name: str',
    '    weight: int = @@',
    '',
    '    def score(self, factor: float) -> float:',
    '        # weighted score for slide @@',
    '        return self.weight * factor + len(self.name)',
    '',
    'async def run_@@(jobs: list[Job@@]) -> float:',
    '    total = 0.0',
    '    for job in jobs:',
    '        await asyncio.sleep(0)',
    '        total += job.score(1.5)',
    '    return total',
    '',
    'print(asyncio.run(run_@@([Job@@("a"), Job@@("bb")])))',
  ],
  javascript: [
    "import { readFile } from 'node:fs/promises'",
    '',
    'const LIMIT_@@ = @@ * 2',
    '',
    'export async function load@@(path) {',
    "  const text = await readFile(path, 'utf8')",
    "  const rows = text.split('\\n').filter(Boolean)",
    '  return rows.slice(0, LIMIT_@@).map((row, i) => ({',
    '    id: i + @@,',
    '    value: row.trim(),',
    '  }))',
    '}',
    '',
    'export function summarize@@(items) {',
    '  let total = 0',
    '  for (const item of items) total += item.value.length',
    '  return { count: items.length, total }',
    '}',
    '',
    "load@@('data.txt').then(summarize@@).then(console.log)",
  ],
  go: [
    'package main',
    '',
    'import (',
    '\t"fmt"',
    '\t"strings"',
    ')',
    '',
    'type Item@@ struct {',
    '\tName  string',
    '\tCount int',
    '}',
    '',
    'func total@@(items []Item@@) int {',
    '\tsum := @@',
    '\tfor _, it := range items {',
    '\t\tsum += it.Count * len(strings.TrimSpace(it.Name))',
    '\t}',
    '\treturn sum',
    '}',
    'func main() { fmt.Println(total@@([]Item@@{{"a", 1}, {"b", 2}})) }',
  ],
  rust: [
    'use std::collections::HashMap;',
    '',
    '#[derive(Debug, Clone)]',
    'struct Entry@@ {',
    '    key: String,',
    '    hits: u32,',
    '}',
    '',
    'fn tally_@@(entries: &[Entry@@]) -> HashMap<String, u32> {',
    '    let mut map = HashMap::new();',
    '    for e in entries {',
    '        *map.entry(e.key.clone()).or_insert(@@) += e.hits;',
    '    }',
    '    map',
    '}',
    '',
    'fn main() {',
    '    let e = vec![Entry@@ { key: "x".into(), hits: 3 }];',
    '    println!("{:?}", tally_@@(&e));',
    '}',
  ],
}

const WORDS = [
  'parsing',
  'caching',
  'rendering',
  'layout',
  'latency',
  'throughput',
  'hashing',
  'streams',
  'buffers',
  'workers',
  'timers',
  'queues',
  'sockets',
  'schemas',
  'indexes',
  'tokens',
  'grammars',
  'closures',
]

/** The hand-written deck shaped like the gevent talk (Japanese text, `!python` blocks, `$$$$`). */
export function geventShapedDeck(): string {
  return readFileSync(new URL('../fixtures/gevent-shaped.slides.md', import.meta.url), 'utf8')
}

/**
 * Rewrites a Slidemark deck for CommonMark tools: `!lang` indented code
 * blocks become fenced blocks and `#Title` headings get their space
 * (`# Title`). Everything else, `---` and `$$$$` included, is kept.
 */
export function toFencedForm(source: string): string {
  const lines = source.split('\n')
  const out: string[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i] as string
    const bang = /^ {4}!([\w+#-]+)\s*$/.exec(line)
    const previous = out.length === 0 ? '' : (out[out.length - 1] as string)
    if (bang && previous.trim() === '') {
      out.push(`\`\`\`${bang[1]}`)
      i++
      const body: string[] = []
      while (i < lines.length) {
        const current = lines[i] as string
        if (current.startsWith('    ')) {
          body.push(current.slice(4))
        } else if (current.trim() === '' && nextNonBlankIsIndented(lines, i)) {
          body.push('')
        } else {
          break
        }
        i++
      }
      out.push(...body, '```')
      continue
    }
    out.push(line.replace(/^(#{1,6})([^#\s])/, '$1 $2'))
    i++
  }
  return out.join('\n')
}

function nextNonBlankIsIndented(lines: string[], from: number): boolean {
  for (let j = from; j < lines.length; j++) {
    const line = lines[j] as string
    if (line.trim() !== '') return line.startsWith('    ')
  }
  return false
}

/** Splits a deck into slide sources on lines that are exactly `---`. */
export function splitSlides(source: string): string[] {
  return source.split(/^---[ \t]*$/m).map((slide) => slide.trim())
}

/**
 * The deck with one word changed on one slide: the word `Topic` in the
 * heading of generated slide `slideIndex` becomes `word`. Throws when that
 * slide has no generated heading.
 */
export function editOneWord(source: string, slideIndex: number, word: string): string {
  const needle = `# Topic ${slideIndex}:`
  const at = source.indexOf(needle)
  if (at < 0) throw new Error(`slide ${slideIndex} has no generated heading`)
  return `${source.slice(0, at)}# ${word} ${slideIndex}:${source.slice(at + needle.length)}`
}
