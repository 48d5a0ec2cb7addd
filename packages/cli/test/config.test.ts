import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, runCli, tempDir } from './helpers.js'

/** A short talk on parsing, with code on two slides (one under a `##` title) and a CJK slide. */
const DECK = `---
title: Writing a tokenizer by hand, one character at a time, without a generator
lang: en
---

# Writing a tokenizer by hand, one character at a time, without a generator

A talk for people who have only ever used a parser generator.

---

## The loop

\`\`\`ts
export function* tokens(input: string) {
  let at = 0
  while (at < input.length) {
    const char = input[at]
    if (/\\s/.test(char)) { at++; continue }
    yield { char, at: at++ }
  }
}
\`\`\`

---

# 字句解析器

- 空白は読み飛ばす
- 位置を覚えておく

\`\`\`python
def peek(source, at):
    return source[at] if at < len(source) else None
\`\`\`
`

let work: string

beforeAll(() => {
  assertBuilt()
  work = tempDir('slidemark-config-')
})
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true })
})

/** A fresh folder holding the deck and the given files. */
function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(work, 'deck-'))
  fs.writeFileSync(path.join(dir, 'tokenizer.slides.md'), DECK)
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

/** How many code blocks of the compiled deck carry line numbers. */
async function numberedBlocks(dir: string, ...args: string[]): Promise<number> {
  const result = await runCli(['inspect', 'tokenizer.slides.md', '--json', ...args], { cwd: dir })
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  const deck = JSON.parse(result.stdout) as { slides: Array<{ content: string }> }
  const html = deck.slides.map((slide) => slide.content).join('\n')
  expect(html).toContain('<code')
  return html.match(/<code[^>]*data-line-numbers/g)?.length ?? 0
}

/** A TypeScript configuration: type annotations must not stop it loading on Node 20. */
const LINE_NUMBERS_TS = `interface Settings { lineNumbers: boolean }
const settings: Settings = { lineNumbers: true }
export default settings satisfies Settings
`

describe('slidemark.config.ts beside the deck', () => {
  it('turns on line numbers in the built deck', async () => {
    const dir = project({ 'slidemark.config.ts': LINE_NUMBERS_TS })
    const result = await runCli(['build', 'tokenizer.slides.md', '--out', 'site', '--no-check'], {
      cwd: dir,
    })
    expect(result.stderr).not.toMatch(/error/i)
    expect(result.code).toBe(0)
    const assets = path.join(dir, 'site', 'assets')
    const code = fs
      .readdirSync(assets)
      .filter((file) => file.endsWith('.js'))
      .map((file) => fs.readFileSync(path.join(assets, file), 'utf8'))
      .join('\n')
    // Booleans: a failure should not print the whole bundle.
    expect(code.includes('Writing a tokenizer by hand')).toBe(true)
    expect(code.match(/<code data-line-numbers=/g)?.length).toBe(2)
  })

  it('is what numbers the lines: without it, none are numbered', async () => {
    expect(await numberedBlocks(project({}))).toBe(0)
    expect(await numberedBlocks(project({ 'slidemark.config.ts': LINE_NUMBERS_TS }))).toBe(2)
  })
})

describe('--config FILE', () => {
  it('is read instead of the file beside the deck', async () => {
    const dir = project({
      'slidemark.config.ts': 'export default { lineNumbers: false }\n',
      'configs/other.mjs': 'export default { lineNumbers: true }\n',
    })
    expect(await numberedBlocks(dir)).toBe(0)
    expect(await numberedBlocks(dir, '--config', 'configs/other.mjs')).toBe(2)
  })

  it('that does not exist is an error naming it, exit code 2', async () => {
    const dir = project({})
    const result = await runCli(['inspect', 'tokenizer.slides.md', '--config', 'missing.mjs'], {
      cwd: dir,
    })
    expect(result.stderr).toContain('slidemark: missing.mjs: no such configuration file')
    expect(result.code).toBe(2)
  })
})

describe('a configuration that cannot be used', () => {
  it('that throws is one line with its file and line, exit code 2, no stack trace', async () => {
    const dir = project({
      'slidemark.config.mjs': [
        "const theme = process.env.TALK_THEME ?? ''",
        '',
        "if (theme === '') throw new Error('set TALK_THEME first')",
        'export default { lineNumbers: true }',
        '',
      ].join('\n'),
    })
    const result = await runCli(['inspect', 'tokenizer.slides.md'], { cwd: dir })
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      'slidemark: slidemark.config.mjs:3:25: cannot load the configuration: set TALK_THEME first\n',
    )
    expect(result.code).toBe(2)
  })

  it('that fails in a file it imports names that file too', async () => {
    const dir = project({
      'slidemark.config.mjs':
        "import themes from './shiki-themes.mjs'\nexport default { themes }\n",
      'shiki-themes.mjs': [
        '// The conference asked for high contrast.',
        "const wanted = ['high-contrast-light', 'high-contrast-dark']",
        "if (wanted.length !== 3) throw new RangeError('expected three themes')",
        'export default { light: wanted[0], dark: wanted[1] }',
        '',
      ].join('\n'),
    })
    const result = await runCli(['inspect', 'tokenizer.slides.md'], { cwd: dir })
    expect(result.stderr).toBe(
      'slidemark: slidemark.config.mjs: cannot load the configuration: expected three themes (at shiki-themes.mjs:3:32)\n',
    )
    expect(result.code).toBe(2)
  })

  it('with a syntax error names the line and column', async () => {
    const dir = project({ 'slidemark.config.ts': 'export default {\n  lineNumbers: ,\n}\n' })
    const result = await runCli(['inspect', 'tokenizer.slides.md'], { cwd: dir })
    expect(result.stderr).toMatch(
      /^slidemark: slidemark\.config\.ts:2:\d+: cannot load the configuration: /,
    )
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(result.code).toBe(2)
  })

  it('that exports no object, a misspelt option or a wrong value is an error', async () => {
    const cases: Array<[string, string]> = [
      ['export default 42\n', 'slidemark.config.js: must export an object of options'],
      ['export default { lineNumber: true }\n', 'slidemark.config.js: unknown option "lineNumber"'],
      [
        "export default { math: 'katex' }\n",
        'slidemark.config.js: option "math" must be true or false',
      ],
    ]
    for (const [text, expected] of cases) {
      const dir = project({ 'slidemark.config.js': text })
      const result = await runCli(['inspect', 'tokenizer.slides.md'], { cwd: dir })
      expect(result.stderr).toContain(`slidemark: ${expected}`)
      expect(result.code).toBe(2)
    }
  })

  it('warns about Vite plugin options the CLI does not use', async () => {
    const dir = project({
      'slidemark.config.mjs': 'export default { include: /\\.talk\\.md$/, lineNumbers: true }\n',
    })
    const result = await runCli(['inspect', 'tokenizer.slides.md'], { cwd: dir })
    expect(result.stderr).toContain(
      'slidemark.config.mjs:1:1: "include" applies only in a Vite app; the CLI ignores it [config-ignored]',
    )
    expect(result.code).toBe(0)
  })
})

describe('flags win over the configuration', () => {
  it('--no-line-numbers over lineNumbers: true, --line-numbers over false', async () => {
    const on = project({ 'slidemark.config.ts': LINE_NUMBERS_TS })
    expect(await numberedBlocks(on, '--no-line-numbers')).toBe(0)
    const off = project({ 'slidemark.config.mjs': 'export default { lineNumbers: false }\n' })
    expect(await numberedBlocks(off, '--line-numbers')).toBe(2)
  })
})
