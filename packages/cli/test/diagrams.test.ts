import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drawnDiagrams, renameSvgIds, withDarkDrawings } from '../src/diagrams.js'
import { assertBuilt, copyFixture, runCli } from './helpers.js'

let project: string

beforeAll(() => {
  assertBuilt()
  project = copyFixture('diagrams')
})
afterAll(() => fs.rmSync(project, { recursive: true, force: true }))

/** The deck's two broken diagrams, as every command prints them. */
const BROKEN = [
  // Mermaid names line 4 of the diagram: the fence is at line 41, so deck line 45.
  /^pipeline\.slides\.md:45:1: Mermaid cannot draw this diagram: Parse error on line 4: Expecting .* got 'INVALID' \[invalid-diagram\]$/m,
  // No line from Mermaid: the fence itself, indented by two spaces.
  /^pipeline\.slides\.md:54:3: Mermaid cannot draw this diagram: No diagram type detected matching given configuration for text: flowchat TD a --> b \[invalid-diagram\]$/m,
]

const placed = (stderr: string) =>
  stderr.split('\n').filter((line) => /^\S+:\d+:\d+: .* \[[\w-]+\]$/.test(line))

/** Every file of a built folder, as text. */
const builtText = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n')

/** Names only Mermaid's own code holds (its API object, one of its error classes). */
const MERMAID_CODE = /mermaidAPI|UnknownDiagramError/

describe('slidemark check: diagrams', () => {
  it('prints each diagram Mermaid cannot read at its deck line and column; exit 1', async () => {
    const result = await runCli(['check', 'pipeline.slides.md'], { cwd: project })
    expect(result.code).toBe(1)
    for (const pattern of BROKEN) expect(result.stderr).toMatch(pattern)
    expect(placed(result.stderr)).toHaveLength(2)
    expect(result.stderr).toContain('2 problems in pipeline.slides.md')
  })

  it('--json gives them as data', async () => {
    const result = await runCli(['check', 'pipeline.slides.md', '--json'], { cwd: project })
    expect(result.code).toBe(1)
    const messages = JSON.parse(result.stdout) as Array<Record<string, unknown>>
    expect(messages.map(({ line, column, ruleId }) => `${line}:${column} ${ruleId}`)).toEqual([
      '45:1 invalid-diagram',
      '54:3 invalid-diagram',
    ])
  })
})

describe('slidemark build: diagrams drawn at build time', () => {
  it('writes each diagram as SVG and no Mermaid, and warns about the broken ones at their lines', async () => {
    const result = await runCli(['build', 'pipeline.slides.md', '--out', 'site'], { cwd: project })
    expect(result.code).toBe(0)
    for (const pattern of BROKEN) expect(result.stderr).toMatch(pattern)
    // Printed once each, although drawing and the layout check both saw them.
    expect(placed(result.stderr)).toHaveLength(2)
    const site = path.join(project, 'site')
    const files = fs.readdirSync(path.join(site, 'assets'))
    expect(files.filter((file) => /mermaid|flowDiagram|sequenceDiagram/i.test(file))).toEqual([])
    const text = builtText(site)
    expect(text).not.toMatch(MERMAID_CODE)
    // Both good diagrams are SVG with their labels; the broken ones stay code.
    expect(text.match(/<svg id=\\*"slidemark-diagram-\d+-\d+-light\\*"/g)).toHaveLength(2)
    // Labels are SVG text, a word per <tspan>: read without the tags.
    const words = text.replace(/<[^>]+>/g, '')
    for (const label of ['Pull request', 'Staging 検証', 'Deploy bot', 'promoted to 100 %']) {
      expect(words).toContain(label)
    }
    expect(text).toMatch(/data-mermaid-state=\\*"error\\*"/)
    expect(text).toContain('RollingBack -> Live : fixed')
  })

  it('--single-file in a theme with dark colours carries both drawings and no Mermaid', async () => {
    const result = await runCli(
      ['build', 'pipeline.slides.md', '--single-file', '--out', 'one.html', '--theme', 'horizon'],
      { cwd: project },
    )
    expect(result.code).toBe(0)
    const html = fs.readFileSync(path.join(project, 'one.html'), 'utf8')
    expect(html).not.toMatch(MERMAID_CODE)
    expect(html.match(/<svg data-scheme=\\*"light\\*"/g)).toHaveLength(2)
    expect(html.match(/<svg data-scheme=\\*"dark\\*"/g)).toHaveLength(2)
    // Horizon's accent, light and dark, in the drawings' own style sheets.
    expect(html).toContain('#2f62e9')
    expect(html).toContain('#7ea3ff')
  })

  it('without Chromium says so in one line and ships Mermaid for the browser to draw', async () => {
    const result = await runCli(['build', 'pipeline.slides.md', '--out', 'browser-drawn'], {
      cwd: project,
      env: { CHROMIUM_PATH: path.join(project, 'no-such-chromium') },
    })
    expect(result.code).toBe(0)
    const left = result.stderr.split('\n').filter((line) => line.includes('diagrams left'))
    expect(left).toEqual([
      `slidemark: diagrams left to the browser (Mermaid ships with the deck): CHROMIUM_PATH ${path.join(project, 'no-such-chromium')} is not an executable browser`,
    ])
    const files = fs.readdirSync(path.join(project, 'browser-drawn', 'assets'))
    expect(files.some((file) => /^mermaid\.core-/.test(file))).toBe(true)
    // The pattern the other tests rely on does find Mermaid where it is.
    expect(builtText(path.join(project, 'browser-drawn'))).toMatch(MERMAID_CODE)
  }, 180_000)
})

describe('drawings', () => {
  it('renameSvgIds names an SVG and its inner ids after the diagram place and scheme', () => {
    const svg =
      '<svg id="slidemark-mermaid-3" aria-roledescription="flowchart"><style>#slidemark-mermaid-3 .node{fill:red}</style><marker id="slidemark-mermaid-3_flowchart-v2-pointEnd"/></svg>'
    expect(renameSvgIds(svg, { line: 14, column: 1 }, 'dark')).toBe(
      '<svg id="slidemark-diagram-14-1-dark" aria-roledescription="flowchart"><style>#slidemark-diagram-14-1-dark .node{fill:red}</style><marker id="slidemark-diagram-14-1-dark_flowchart-v2-pointEnd"/></svg>',
    )
  })

  it('withDarkDrawings keeps a dark drawing only where the colours differ', () => {
    const light = {
      drawn: new Map([
        ['1:1', { svg: '<svg id="a"/>' }],
        ['9:1', { svg: '<svg id="b"/>' }],
      ]),
      colours: new Map([
        ['1:1', '{"text":"#000"}'],
        ['9:1', '{"text":"#fff"}'],
      ]),
      messages: [],
    }
    const dark = {
      drawn: new Map([
        ['1:1', { svg: '<svg id="c"/>' }],
        ['9:1', { svg: '<svg id="d"/>' }],
      ]),
      colours: new Map([
        ['1:1', '{"text":"#fff"}'],
        ['9:1', '{"text":"#fff"}'],
      ]),
      messages: [],
    }
    expect(Object.fromEntries(withDarkDrawings(light, dark))).toEqual({
      '1:1': { svg: '<svg id="a"/>', dark: '<svg id="c"/>' },
      '9:1': { svg: '<svg id="b"/>' },
    })
  })
})

describe('the time budget', () => {
  /** A page whose diagrams never finish: waiting times out, reading answers (or not). */
  const stuckPage = (answers: boolean) =>
    ({
      waitForFunction: async () => {
        throw new Error('Timeout 60000ms exceeded')
      },
      evaluate: async (_fn: unknown, arg: unknown) => {
        if (!answers) return new Promise(() => {})
        return typeof arg === 'string' && arg.startsWith('pre.')
          ? ['12:1']
          : {
              diagrams: [{ line: 12, column: 1, svg: null, error: null, colours: null }],
              problems: [],
            }
      },
    }) as unknown as Page

  it('a diagram still drawing when the budget runs out is reported at its place and kept as code', async () => {
    const result = await drawnDiagrams(stuckPage(true), 'talk.slides.md')
    expect(result.messages).toEqual([
      expect.objectContaining({
        file: 'talk.slides.md',
        line: 12,
        column: 1,
        ruleId: 'invalid-diagram',
        reason: expect.stringMatching(/did not finish drawing this diagram within 60 s/),
      }),
    ])
    expect(result.drawn.get('12:1')).toEqual({ error: expect.stringMatching(/did not finish/) })
  })

  it('a page that stops answering is given up on with one message, not waited for', async () => {
    const started = Date.now()
    const result = await drawnDiagrams(stuckPage(false), 'talk.slides.md')
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(result.drawn.size).toBe(0)
    expect(result.messages.map((message) => message.ruleId)).toEqual(['invalid-diagram'])
  }, 30_000)
})
