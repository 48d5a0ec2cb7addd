import fs from 'node:fs'
import path from 'node:path'
import { compile, type DeckMessage } from '@slidemark/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveDeckTheme } from '../src/theme.js'
import { assertBuilt, runCli, tempDir } from './helpers.js'

let work: string

beforeAll(() => {
  assertBuilt()
  work = tempDir()
})
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

const marpDeck = `---
marp: true
theme: uncover
paginate: true
---

<!-- _class: lead -->

# Kubernetes probes, explained slowly

---

## Liveness versus readiness

* Liveness restarts the container
* Readiness takes it out of the load balancer

<!-- Demo the failing probe here. -->
`

function scratch(name: string, text: string): string {
  const file = path.join(work, name)
  fs.writeFileSync(file, text)
  return file
}

describe('slidemark convert', () => {
  it('writes <deck>.slides.md in Slidemark syntax that compiles to the same slides', async () => {
    const input = scratch('probes.md', marpDeck)
    const result = await runCli(['convert', 'probes.md'], { cwd: work })
    expect(result.stderr.trim()).toBe(
      "probes.md:3:1: Marp's `uncover` theme is not a Slidemark theme: using `horizon` [foreign-theme]",
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('probes.md (marp, 2 slides) → probes.slides.md')
    const output = fs.readFileSync(path.join(work, 'probes.slides.md'), 'utf8')
    expect(output).toContain('.fx: lead')
    expect(output).toMatch(/^format: marp$/m)
    const [before, after] = await Promise.all([
      compile(fs.readFileSync(input, 'utf8')),
      compile(output),
    ])
    expect(after.slides.map(({ source, ...slide }) => slide)).toEqual(
      before.slides.map(({ source, ...slide }) => slide),
    )
  })

  it('refuses to replace an existing file unless --overwrite is given', async () => {
    scratch('remark.md', '???\n\nnotes only\n\n---\n\n# Hello\n\n--\n\nMore\n')
    const existing = scratch('remark.slides.md', 'my own notes\n')
    const refused = await runCli(['convert', 'remark.md'], { cwd: work })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('--overwrite')
    expect(fs.readFileSync(existing, 'utf8')).toBe('my own notes\n')
    const replaced = await runCli(['convert', 'remark.md', '--overwrite'], { cwd: work })
    expect(replaced.code).toBe(0)
    expect(fs.readFileSync(existing, 'utf8')).toMatch(/^format: remark$/m)
  })

  it('never writes over the deck it reads, even with --overwrite', async () => {
    const input = scratch('reveal.md', '# One\n\nNote: hi\n\n----\n\n# Two\n')
    const result = await runCli(['convert', 'reveal.md', '--out', 'reveal.md', '--overwrite'], {
      cwd: work,
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('it is the deck')
    expect(fs.readFileSync(input, 'utf8')).toBe('# One\n\nNote: hi\n\n----\n\n# Two\n')
  })

  it('rejects an unknown --format with exit code 2', async () => {
    scratch('plain.md', '# One\n')
    const result = await runCli(['convert', 'plain.md', '--format', 'keynote'], { cwd: work })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--format must be one of')
  })
})

describe('an unknown front matter theme', () => {
  it('is a warning at its line and the default theme is used', () => {
    const warnings: DeckMessage[] = []
    const source = '---\ntitle: Design systems\ntheme: seriph\n---\n\n# Hi\n'
    const theme = resolveDeckTheme(
      undefined,
      { meta: { theme: 'seriph' }, source, displayPath: 'talk.md', dir: work },
      (message) => warnings.push(message),
    )
    expect(theme.packageName).toBe('@slidemark/theme-html5-slides')
    expect(warnings).toMatchObject([
      { file: 'talk.md', line: 3, column: 1, ruleId: 'unknown-theme', severity: 'warning' },
    ])
    expect(warnings[0]?.reason).toContain('unknown theme "seriph"')
  })

  it('given with --theme is still an error', () => {
    expect(() =>
      resolveDeckTheme(
        'seriph',
        { meta: {}, source: '# Hi\n', displayPath: 'talk.md', dir: work },
        () => undefined,
      ),
    ).toThrow(/unknown theme "seriph" \(--theme\)/)
  })
})
