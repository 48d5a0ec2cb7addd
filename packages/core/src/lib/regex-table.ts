import fs from 'node:fs'
import { EmulatedRegExp, type ToRegExpOptions } from 'oniguruma-to-es'
import { defaultJavaScriptRegexConstructor } from 'shiki'
import { builtFile } from './built-file.js'

/**
 * Grammar regexes translated to JavaScript when the package is built
 * (scripts/regex-table.js writes dist/regex-table/<grammar>.json), so that a thread
 * does not spend hundreds of milliseconds translating the same Oniguruma
 * patterns on every cold build. A pattern not in the table, or a table made
 * where RegExp supports other features, is translated at run time as before:
 * the result is the same either way (test/regex-table.test.ts).
 */

/** What `defaultJavaScriptRegexConstructor` of Shiki's JavaScript engine passes to oniguruma-to-es. */
export const translateOptions: ToRegExpOptions = {
  global: true,
  hasIndices: true,
  lazyCompileLength: 3000,
  rules: {
    allowOrphanBackrefs: true,
    asciiWordBoundaries: true,
    captureGroup: true,
    recursionLimit: 5,
    singleline: true,
  },
  target: 'auto',
}

interface Translation {
  pattern: string
  flags: string
  options?: EmulatedRegExp['rawOptions']
}

interface RegexTable {
  environment: string
  /** `null`: the pattern cannot be translated (the engine skips it). */
  table: Record<string, Translation | null>
}

/**
 * The RegExp features oniguruma-to-es checks for before translating (its
 * `envFlags`): a translation holds only where they are the same.
 */
export function regexEnvironment(): string {
  const works = (pattern: string, flags?: string) => {
    try {
      new RegExp(pattern, flags)
      return true
    } catch {
      return false
    }
  }
  const sets = works('[[]]', 'v')
  // Built from strings: a runtime without the `v` flag must still load this module.
  const negatedInNested = (flags: string) => new RegExp('[[^a]]', flags).test('a')
  return JSON.stringify({
    flagGroups: works('(?i:)'),
    unicodeSets: sets,
    hyphenIsRange: sets && !works('[\\d\\-a]', 'v'),
    nestedNegation: sets && negatedInNested('v'),
  })
}

/** The tables of the grammars read so far (see `useRegexTables`), and the names tried. */
const loaded: RegexTable['table'][] = []
const tried = new Set<string>()
const used: string[] = []
let environment: string | undefined

/** The grammars whose tables this thread uses, in the order read. */
export const regexTablesInUse = (): readonly string[] => used

const tableFile = (grammar: string): URL => builtFile(`regex-table/${grammar}.json`)

/**
 * Reads the tables of `grammars` (names as `getLoadedLanguages()` gives
 * them: aliases have no table and are skipped) not read yet. Called when a
 * grammar is loaded, before its regexes are built; a pattern of a grammar
 * whose table was not read is translated at run time, to the same regex.
 */
export function useRegexTables(grammars: Iterable<string>): void {
  for (const grammar of grammars) {
    if (tried.has(grammar)) continue
    tried.add(grammar)
    if (!/^[\w.+-]+$/.test(grammar)) continue // not a file name we write
    try {
      const read = JSON.parse(fs.readFileSync(tableFile(grammar), 'utf8')) as RegexTable
      environment ??= regexEnvironment()
      if (read.environment === environment) {
        loaded.push(read.table)
        used.push(grammar)
      }
    } catch {
      // No table for this grammar (an alias, a language not in the list, a build without tables).
    }
  }
}

function lookUp(pattern: string): Translation | null | undefined {
  for (const table of loaded) if (Object.hasOwn(table, pattern)) return table[pattern]
  return undefined
}

/** The `regexConstructor` for Shiki's JavaScript engine: from the table when it has the pattern. */
export function regexFromTable(pattern: string): RegExp {
  const known = lookUp(pattern)
  if (known === undefined) return defaultJavaScriptRegexConstructor(pattern, { target: 'auto' })
  if (known === null) throw new Error(`Shiki's JavaScript engine cannot run /${pattern}/`)
  return needsEmulation(known.options)
    ? new EmulatedRegExp(known.pattern, known.flags, known.options)
    : new RegExp(known.pattern, known.flags)
}

/**
 * Whether a translation needs `EmulatedRegExp` at match time: hidden or
 * transferred captures, or a search strategy. `lazyCompile` alone (long
 * patterns, such as the JavaScript grammar's keyword lists) does not: V8
 * compiles a regex on its first match anyway, and a plain RegExp matches on
 * V8's fast path, where a subclass takes the generic one (a cold 500-slide
 * build spent 3.6 % of its compile in `EmulatedRegExp`'s exec, for 4
 * patterns).
 */
function needsEmulation(options: Translation['options']): boolean {
  if (!options) return false
  return Object.entries(options).some(([key, value]) => {
    if (key === 'lazyCompile') return false
    return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null
  })
}
