/**
 * Writes dist/regex-table/<grammar>.json, one file per grammar of
 * `languages` and of the grammars they embed: the JavaScript translation of
 * every regex in it, as Shiki's JavaScript engine would translate them on
 * first use (oniguruma-to-es, the options of
 * `defaultJavaScriptRegexConstructor`). Each thread of each cold build
 * otherwise spends hundreds of milliseconds translating the same patterns;
 * one file per grammar, so a thread reads only those of the grammars it
 * loads. Run by `pnpm build`; src/lib/regex-table.ts reads them.
 */
import fs from 'node:fs'
import { toRegExpDetails } from 'oniguruma-to-es'
import { bundledLanguages, bundledLanguagesInfo } from 'shiki'
import { regexEnvironment, translateOptions } from '../dist/lib/regex-table.js'

/** Languages decks use most; a grammar not listed is translated at run time, as before. */
const languages = [
  'javascript',
  'typescript',
  'jsx',
  'tsx',
  'python',
  'shellscript',
  'json',
  'html',
  'css',
  'go',
  'rust',
  'java',
  'c',
  'cpp',
  'csharp',
  'ruby',
  'php',
  'sql',
  'yaml',
  'diff',
  'kotlin',
  'swift',
  'toml',
  'xml',
  'docker',
  'lua',
]

/** Rule keys whose value is an Oniguruma regex (TextMate grammar format). */
const regexKeys = new Set(['match', 'begin', 'end', 'while'])

function collect(value, into) {
  if (Array.isArray(value)) for (const item of value) collect(item, into)
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (regexKeys.has(key) && typeof inner === 'string') into.add(inner)
      else collect(inner, into)
    }
  }
}

/**
 * The strings vscode-textmate hands the engine for one rule regex (its
 * `RegExpSource`): `\z` rewritten, and with `\A` or `\G` one string per
 * anchor state, the anchor replaced by U+FFFF where it cannot match.
 */
function scannerSources(source) {
  const rewritten = source.replace(/\\(.)/gs, (escaped, char) =>
    char === 'z' ? '$(?!\\n)(?<!\\n)' : escaped,
  )
  const escapes = [...rewritten.matchAll(/\\(.)/gs)].map((match) => match[1])
  if (!escapes.includes('A') && !escapes.includes('G')) return [rewritten]
  const variant = (allowA, allowG) =>
    rewritten.replace(/\\(.)/gs, (escaped, char) =>
      (char === 'A' && !allowA) || (char === 'G' && !allowG) ? '\\\uFFFF' : escaped,
    )
  return [variant(false, false), variant(false, true), variant(true, false), variant(true, true)]
}

/** The grammars of `languages` and those they embed, by grammar name; and each language's own. */
const grammars = new Map()
const own = new Map()
for (const name of languages) {
  const { default: loaded } = await bundledLanguages[name]()
  for (const grammar of loaded) grammars.set(grammar.name, grammar)
  own.set(name, (loaded.find((grammar) => grammar.name === name) ?? loaded.at(-1)).name)
}

function translate(source, into) {
  for (const pattern of scannerSources(source)) {
    try {
      into[pattern] = toRegExpDetails(pattern, translateOptions)
    } catch {
      into[pattern] = null // the engine skips it (`forgiving`)
    }
  }
}

const folder = new URL('../dist/regex-table/', import.meta.url)
fs.rmSync(folder, { recursive: true, force: true })
fs.rmSync(new URL('../dist/regex-table.json', import.meta.url), { force: true }) // the former single table
fs.mkdirSync(folder, { recursive: true })
const environment = regexEnvironment()
let count = 0
const sizes = new Map()
for (const [name, grammar] of grammars) {
  const patterns = new Set()
  collect(grammar, patterns)
  const table = {}
  for (const source of patterns) translate(source, table)
  count += Object.keys(table).length
  const json = JSON.stringify({ environment, table })
  sizes.set(name, json.length)
  fs.writeFileSync(new URL(`${name}.json`, folder), json)
}
writeLanguageCosts()

/**
 * dist/language-costs.json: for each language of `languages` and its
 * aliases, the size of its own grammar's table, which is about what the
 * language costs a thread (compiling its regexes, then running them) next
 * to others (grammars it embeds compile only if the code uses them):
 * src/lib/pool-lanes.ts balances the compile threads with it.
 */
function writeLanguageCosts() {
  const costs = {}
  const aliases = new Map(bundledLanguagesInfo.map((info) => [info.id, info.aliases ?? []]))
  for (const [language, grammar] of own) {
    for (const id of [language, ...(aliases.get(language) ?? [])]) costs[id] = sizes.get(grammar)
  }
  fs.writeFileSync(new URL('../dist/language-costs.json', import.meta.url), JSON.stringify(costs))
}
console.log(
  `regex-table/: ${count} patterns of ${grammars.size} grammars (${languages.length} languages)`,
)
