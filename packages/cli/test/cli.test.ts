import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { compile } from '@slidemark/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, copyFixture, fixtures, packageDir, runCli, tempDir } from './helpers.js'

const talk = path.join(fixtures, 'talk', 'talk.slides.md')
let work: string

beforeAll(() => {
  assertBuilt()
  work = tempDir()
})
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

/** Writes a file into the scratch folder and returns its path. */
function scratch(name: string, text: string): string {
  const file = path.join(work, name)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text)
  return file
}

describe('help and version', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
    const result = await runCli(['--version'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`slidemark/${version}`)
  })

  it('--help lists every command', async () => {
    const result = await runCli(['--help'])
    expect(result.code).toBe(0)
    for (const command of ['dev <deck>', 'build <deck>', 'export <deck>', 'inspect <deck>']) {
      expect(result.stdout).toContain(command)
    }
  })

  it.each([
    ['dev', ['--port', '--host', '--open', '--theme']],
    ['build', ['--out', '--base', '--single-file', '--theme', '--root', '--overwrite']],
    [
      'export',
      ['--pdf', '--png', '--pptx', '--steps', '--notes', '--browser', '--theme', '--overwrite'],
    ],
    ['inspect', ['--json']],
  ])('%s --help lists its options', async (command, options) => {
    const result = await runCli([command, '--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`$ slidemark ${command} <deck>`)
    for (const option of options) expect(result.stdout).toContain(option)
  })
})

describe.concurrent('bad input gets a one-line reason and a non-zero exit', () => {
  it('a missing deck file exits 1 naming the file', async () => {
    const result = await runCli(['inspect', 'nowhere.slides.md'], { cwd: work })
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe('slidemark: cannot find nowhere.slides.md: no such file')
  })

  it('a folder is not a deck', async () => {
    fs.mkdirSync(path.join(work, 'folder.slides.md'), { recursive: true })
    const result = await runCli(['build', 'folder.slides.md'], { cwd: work })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('folder.slides.md is a folder, not a deck file')
  })

  it.skipIf(process.platform === 'win32')(
    'a named pipe is not a deck, and nothing waits on it',
    async () => {
      const pipe = path.join(work, 'pipe.slides.md')
      execFileSync('mkfifo', [pipe])
      const result = await runCli(['build', 'pipe.slides.md'], { cwd: work })
      expect(result.code).toBe(1)
      expect(result.stderr.trim()).toBe(
        'slidemark: pipe.slides.md is not a regular file (a pipe or a device): save the deck to a file',
      )
    },
  )

  it('a file that is not Markdown is not a deck', async () => {
    scratch('notes.txt', '# Hello\n')
    const result = await runCli(['inspect', 'notes.txt'], { cwd: work })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('notes.txt is not a deck: expected a Markdown file')
  })

  it('an empty deck is refused', async () => {
    scratch('empty.slides.md', '\n  \n')
    const result = await runCli(['build', 'empty.slides.md'], { cwd: work })
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe('slidemark: empty.slides.md is empty')
  })

  it('invalid front matter is reported with its line and column', async () => {
    scratch('broken.slides.md', '---\ntitle: [unclosed\n---\n\n# Slide\n')
    const result = await runCli(['build', 'broken.slides.md'], { cwd: work })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^slidemark: broken\.slides\.md:\d+:\d+: error: .+ \[[\w-]+\]/m)
    expect(fs.existsSync(path.join(work, 'dist'))).toBe(false)
  })

  it('an unknown theme from --theme names the packages tried', async () => {
    const result = await runCli([
      'build',
      talk,
      '--theme',
      'no-such-look',
      '--out',
      path.join(work, 'x'),
    ])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('unknown theme "no-such-look" (--theme)')
    expect(result.stderr).toContain('@slidemark/theme-no-such-look')
  })

  it('an unknown theme from the front matter is a warning at its line, and the deck builds in the default theme', async () => {
    scratch('themed.slides.md', '---\ntheme: vanished\n---\n\n# Slide\n')
    const result = await runCli(['build', 'themed.slides.md', '--out', 'themed-dist'], {
      cwd: work,
    })
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(
      'themed.slides.md:2:1: unknown theme "vanished": none of @slidemark/theme-vanished, slidemark-theme-vanished, vanished is installed; using html5-slides [unknown-theme]',
    )
    expect(result.stdout + result.stderr).toContain('@slidemark/theme-html5-slides')
    expect(fs.existsSync(path.join(work, 'themed-dist', 'index.html'))).toBe(true)
  })

  it('an output folder that cannot be created is refused before building', async () => {
    scratch('blocker', 'a file where a folder should be')
    const out = path.join(work, 'blocker', 'dist')
    const result = await runCli(['build', talk, '--out', out])
    // This process ended by a signal in two fresh-clone CI runs (SIGSEGV, the time it was
    // printed) while bin/slidemark.js set --no-regexp-tier-up and --min-semi-space-size
    // (since taken out): say so if it recurs.
    expect(result.code, `signal ${result.signal}; stderr: ${result.stderr}`).toBe(1)
    expect(result.stderr).toContain(`cannot write ${out}`)
  })

  it('an unknown option is a usage error (exit 2)', async () => {
    const result = await runCli(['inspect', talk, '--frobnicate'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('slidemark: unknown option "--frobnicate"')
  })

  it('an unknown command is a usage error (exit 2)', async () => {
    for (const args of [['biuld', 'talk.slides.md'], ['biuld']]) {
      const result = await runCli(args)
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('slidemark: unknown command "biuld"')
    }
  })

  it('a command without its deck is a usage error (exit 2)', async () => {
    const result = await runCli(['build'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('slidemark: missing deck file for build')
  })

  it('a port out of range is a usage error (exit 2)', async () => {
    const result = await runCli(['dev', talk, '--port', '70000'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--port must be a whole number from 0 to 65535')
  })

  it('a --base that is not a path is a usage error (exit 2)', async () => {
    const result = await runCli(['build', talk, '--base', 'talks'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--base must start with')
  })

  it('a folder build never replaces the folder holding the deck', async () => {
    const dir = copyFixture('talk')
    const result = await runCli(['build', 'talk.slides.md', '--out', '.'], { cwd: dir })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('refusing to replace')
    expect(fs.existsSync(path.join(dir, 'talk.slides.md'))).toBe(true)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})

describe('inspect', () => {
  it('--json prints the Deck exactly as compile() returns it', async () => {
    const result = await runCli(['inspect', 'talk.slides.md', '--json'], {
      cwd: path.dirname(talk),
    })
    expect(result.code).toBe(0)
    const expected = await compile(fs.readFileSync(talk, 'utf8'), { filename: 'talk.slides.md' })
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(expected)))
  })

  it('prints one table row per slide with kind, title, steps, notes and lines', async () => {
    const result = await runCli(['inspect', 'talk.slides.md'], { cwd: path.dirname(talk) })
    expect(result.code).toBe(0)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^index\s+kind\s+title\s+steps\s+notes\s+lines$/)
    expect(lines[1]).toMatch(/^\s*0\s+title\s+Tide Tables for Beginners\s+1\s+-\s+7-9$/)
    expect(lines[2]).toMatch(/^\s*1\s+content\s+Why tides matter\s+1\s+yes\s+13-19$/)
    expect(lines[3]).toMatch(/^\s*2\s+content\s+Reading a table\s+3\s+-\s+23-33$/)
    expect(lines[6]).toMatch(/^\s*5\s+segue\s+Questions\s+1\s+-\s+52-52$/)
    expect(lines.at(-1)).toBe('Tide Tables for Beginners: 6 slides, 8 steps')
  })

  it('--json still prints a deck with errors, and exits 1', async () => {
    const file = scratch('json-broken.slides.md', '---\ntitle: [unclosed\n---\n\n# Slide\n')
    const result = await runCli(['inspect', file, '--json'])
    expect(result.code).toBe(1)
    const deck = JSON.parse(result.stdout)
    expect(
      deck.messages.some((message: { severity: string }) => message.severity === 'error'),
    ).toBe(true)
  })

  it('prints a warning once, as file:line:column: reason [ruleId]', async () => {
    const file = scratch(
      'warn.slides.md',
      '# Code\n\n    !nosuchlang\n    print(1)\n\n---\n\n# More\n\n    !nosuchlang\n    x\n',
    )
    const result = await runCli(['inspect', path.basename(file)], { cwd: work })
    expect(result.code).toBe(0)
    const warnings = result.stderr.split('\n').filter((line) => line.includes('['))
    expect(warnings.length).toBeGreaterThan(0)
    for (const line of warnings) expect(line).toMatch(/^warn\.slides\.md:\d+:\d+: .+ \[[\w-]+\]$/)
    expect(new Set(warnings).size).toBe(warnings.length)
  })
})
