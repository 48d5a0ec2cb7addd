import fs from 'node:fs'
import {
  createHighlighter,
  createJavaScriptRegexEngine,
  defaultJavaScriptRegexConstructor,
} from 'shiki'
import { describe, expect, test } from 'vitest'
import { getSharedHighlighter } from '../src/lib/highlighter.js'
import {
  regexEnvironment,
  regexFromTable,
  regexTablesInUse,
  useRegexTables,
} from '../src/lib/regex-table.js'

// The tables are written by `pnpm build` (scripts/regex-table.js), one per grammar.
const folder = new URL('../dist/regex-table/', import.meta.url)
const grammars = fs.readdirSync(folder).map((file) => file.replace(/\.json$/, ''))
const files = grammars.map(
  (grammar) =>
    JSON.parse(fs.readFileSync(new URL(`${grammar}.json`, folder), 'utf8')) as {
      environment: string
      table: Record<string, unknown>
    },
)
const table = Object.assign({}, ...files.map((file) => file.table)) as Record<string, unknown>
const patterns = Object.keys(table)

/**
 * What Shiki's JavaScript engine builds for `pattern` on its own, or the
 * error it skips. `lazyCompile` is left out: it changes when V8 compiles
 * the regex, not what it matches (the table builds those as plain RegExps).
 */
function translated(pattern: string, construct: (pattern: string) => RegExp) {
  try {
    const regex = construct(pattern) as RegExp & { rawOptions?: { lazyCompile?: boolean } }
    const { lazyCompile: _, ...options } = regex.rawOptions ?? {}
    // As RegExp writes it (`/` escaped): an EmulatedRegExp's `source` is the pattern as given.
    const source = new RegExp(regex.source, regex.flags).source
    return { source, flags: regex.flags, options }
  } catch {
    return 'skipped'
  }
}

describe('the regex table', () => {
  test('was made for this runtime, with the grammars of the common languages', () => {
    for (const file of files) expect(file.environment).toBe(regexEnvironment())
    expect(grammars).toEqual(expect.arrayContaining(['javascript', 'python', 'go', 'rust', 'css']))
    expect(patterns.length).toBeGreaterThan(1000)
  })

  test("is read grammar by grammar, as the shared highlighter loads them (an alias's name reads nothing)", async () => {
    const highlighter = await getSharedHighlighter(['github-light'])
    await highlighter.loadLanguage('html')
    // HTML embeds JavaScript and CSS: their tables are read with it.
    expect(regexTablesInUse()).toEqual(expect.arrayContaining(['html', 'javascript', 'css']))
    expect(regexTablesInUse()).not.toContain('go')
    useRegexTables(['js', 'no-such-grammar', '../regex-table/go'])
    expect(regexTablesInUse()).not.toContain('go')
    expect(regexTablesInUse().filter((name) => name === 'javascript')).toHaveLength(1)
  })

  test('gives every pattern the regex Shiki would build at run time', () => {
    useRegexTables(grammars)
    const construct = (pattern: string) =>
      defaultJavaScriptRegexConstructor(pattern, { target: 'auto' })
    for (const pattern of patterns) {
      expect(translated(pattern, regexFromTable), pattern).toEqual(translated(pattern, construct))
    }
  }, 120_000)

  test('builds a plain RegExp where only compiling later was asked, an EmulatedRegExp where matching needs it', () => {
    useRegexTables(grammars)
    const emulated = (regex: RegExp) => regex.constructor !== RegExp
    const built = patterns.filter((pattern) => table[pattern] !== null).map(regexFromTable)
    const lazyOnly = patterns.filter((pattern) => {
      const options = (table[pattern] as { options?: object } | null)?.options
      return options !== undefined && Object.keys(options).join() === 'lazyCompile'
    })
    expect(lazyOnly.length).toBeGreaterThan(0)
    for (const pattern of lazyOnly) expect(emulated(regexFromTable(pattern)), pattern).toBe(false)
    expect(built.filter(emulated).length).toBeGreaterThan(0)
  }, 120_000)

  test('holds nearly every pattern highlighting Python and TypeScript asks for', async () => {
    useRegexTables(['python', 'typescript'])
    const asked: string[] = []
    const highlighter = await createHighlighter({
      themes: ['github-light'],
      langs: ['python', 'typescript'],
      engine: createJavaScriptRegexEngine({
        forgiving: true,
        regexConstructor: (pattern) => {
          asked.push(pattern)
          return regexFromTable(pattern)
        },
      }),
    })
    const python = [
      'import re',
      '@dataclass',
      'class Tide:',
      '    """Heights."""',
      '    def high(self, at: int) -> float:',
      '        return re.sub(r"\\d+", "", f"{at!r:>4}")',
    ].join('\n')
    const typescript = [
      'type Tide<T> = { at: T }',
      'export async function high(t: Tide<number>): Promise<string> {',
      '  return String(t.at).replace(/\\d+/g, "")',
      '}',
    ].join('\n')
    highlighter.codeToHtml(python, { lang: 'python', theme: 'github-light' })
    highlighter.codeToHtml(typescript, { lang: 'typescript', theme: 'github-light' })
    const missing = asked.filter((pattern) => !Object.hasOwn(table, pattern))
    expect(asked.length).toBeGreaterThan(100)
    expect(missing.length).toBeLessThan(asked.length / 20)
  })
})
