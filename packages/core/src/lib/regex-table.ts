import fs from 'node:fs'
import { EmulatedRegExp, type ToRegExpOptions } from 'oniguruma-to-es'
import { defaultJavaScriptRegexConstructor } from 'shiki'

/**
 * Grammar regexes translated to JavaScript when the package is built
 * (scripts/regex-table.js writes dist/regex-table.json), so that a thread
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

let loaded: RegexTable['table'] | undefined

function tableFile(): URL {
  // Tests run this file as TypeScript: the table is in the built package.
  return import.meta.url.endsWith('.ts')
    ? new URL('../../dist/regex-table.json', import.meta.url)
    : new URL('../regex-table.json', import.meta.url)
}

function table(): RegexTable['table'] {
  if (loaded) return loaded
  loaded = {}
  try {
    const read = JSON.parse(fs.readFileSync(tableFile(), 'utf8')) as RegexTable
    if (read.environment === regexEnvironment()) loaded = read.table
  } catch {
    // No table (a build without it): every pattern is translated at run time.
  }
  return loaded
}

/** The `regexConstructor` for Shiki's JavaScript engine: from the table when it has the pattern. */
export function regexFromTable(pattern: string): RegExp {
  const known = Object.hasOwn(table(), pattern) ? table()[pattern] : undefined
  if (known === undefined) return defaultJavaScriptRegexConstructor(pattern, { target: 'auto' })
  if (known === null) throw new Error(`Shiki's JavaScript engine cannot run /${pattern}/`)
  return known.options
    ? new EmulatedRegExp(known.pattern, known.flags, known.options)
    : new RegExp(known.pattern, known.flags)
}
