/**
 * Writes dist/regex-table.json: the JavaScript translation of every regex in
 * the grammars of `languages`, as Shiki's JavaScript engine would translate
 * them on first use (oniguruma-to-es, the options of
 * `defaultJavaScriptRegexConstructor`). Each thread of each cold build
 * otherwise spends hundreds of milliseconds translating the same patterns.
 * Run by `pnpm build`; src/lib/regex-table.ts reads it.
 */
import fs from 'node:fs'
import { toRegExpDetails } from 'oniguruma-to-es'
import { bundledLanguages } from 'shiki'
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

const patterns = new Set()
for (const name of languages) {
  const { default: grammars } = await bundledLanguages[name]()
  for (const grammar of grammars) collect(grammar, patterns)
}
const table = {}
for (const source of patterns) {
  for (const pattern of scannerSources(source)) {
    try {
      table[pattern] = toRegExpDetails(pattern, translateOptions)
    } catch {
      table[pattern] = null // the engine skips it (`forgiving`)
    }
  }
}
const file = new URL('../dist/regex-table.json', import.meta.url)
fs.writeFileSync(file, JSON.stringify({ environment: regexEnvironment(), table }))
console.log(
  `regex-table.json: ${Object.keys(table).length} patterns of ${languages.length} languages`,
)
