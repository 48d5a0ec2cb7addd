import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, copyFixture, runCli, tempDir } from './helpers.js'

let project: string

beforeAll(() => {
  assertBuilt()
  project = copyFixture('check')
})
afterAll(() => fs.rmSync(project, { recursive: true, force: true }))

describe('slidemark check', () => {
  it('names the overfull slide by its line, the image without alt and the unknown language; exit 1', async () => {
    const result = await runCli(['check', 'harbour.slides.md'], { cwd: project })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^harbour\.slides\.md:19:1: slide 3 does not fit: \d+ px too tall at 50 % .*\[slide-overflow\]$/m,
    )
    expect(result.stderr).toContain(
      'harbour.slides.md:146:1: image without alt text: chart.svg (describe it: ![what it shows](chart.svg)) [image-alt]',
    )
    expect(result.stderr).toMatch(/^harbour\.slides\.md:148:\d+: .*pyhton.* \[unknown-language\]$/m)
    expect(result.stderr).toContain('3 problems in harbour.slides.md')
  })

  it('--json prints the same problems as data, in the horizon theme too', async () => {
    const result = await runCli(['check', 'harbour.slides.md', '--json', '--theme', 'horizon'], {
      cwd: project,
    })
    expect(result.code).toBe(1)
    const messages = JSON.parse(result.stdout) as Array<{ ruleId: string; line: number }>
    expect(messages.map(({ ruleId, line }) => `${line} ${ruleId}`)).toEqual([
      '19 slide-overflow',
      '146 image-alt',
      '148 unknown-language',
    ])
  })

  it('a reveal.js list item that grows at its step still fits its slide', async () => {
    const dir = tempDir()
    try {
      fs.writeFileSync(
        path.join(dir, 'grow.slides.md'),
        '---\nformat: reveal\n---\n\n## Why\n\n- Teams\n- Deploys <!-- .element: class="fragment grow" -->\n',
      )
      const result = await runCli(['check', 'grow.slides.md', '--json'], { cwd: dir })
      expect(JSON.parse(result.stdout)).toEqual([])
      expect(result.code).toBe(0)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('exits 0 and says so when every slide fits', async () => {
    const result = await runCli(['check', 'calm.slides.md'], { cwd: project })
    expect(result.stderr).toContain('every slide fits, no problems found')
    expect(result.code).toBe(0)
  })
})
