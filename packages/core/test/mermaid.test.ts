import { describe, expect, test } from 'vitest'
import {
  compile,
  createMemoryCache,
  hasDiagrams,
  hasUndrawnDiagrams,
  replaceDiagrams,
} from '../src/index.js'

const deck = `---
title: Diagrams
---

# Plain

\`\`\`js
const x = 1
\`\`\`

---

## Flow, after a build step

First

$$$$

\`\`\`mermaid
graph LR
  a[<b>bold?</b>] --> b
\`\`\`
`

describe('remarkMermaid', () => {
  test('should turn a `mermaid` fence into a `pre.slidemark-mermaid` with its source and deck line', async () => {
    const { slides, messages } = await compile(deck, { cache: false })
    expect(messages).toEqual([])
    const content = slides[1]?.content ?? ''
    // Line 19 of the deck holds the fence; the source stays text (escaped), not highlighted.
    expect(deck.split('\n')[18]).toBe('```mermaid')
    expect(content).toContain(
      '<pre class="slidemark-mermaid" data-mermaid-line="19" data-mermaid-column="1">graph LR\n  a[&#x3C;b>bold?&#x3C;/b>] --> b</pre>',
    )
    expect(content).not.toContain('data-rehype-pretty-code')
    // It sits inside the build step, like any block.
    expect(content).toMatch(/data-step="1"[^>]*>\s*<pre class="slidemark-mermaid"/)
  })

  test('should leave other fences to the highlighter', async () => {
    const { slides } = await compile(deck, { cache: false })
    expect(hasDiagrams(slides[0]?.content ?? '')).toBe(false)
    expect(hasDiagrams(slides[1]?.content ?? '')).toBe(true)
  })

  test('should place a diagram at its deck line whatever slide it is on (cached slides too)', async () => {
    const moved = `# Intro\n\nMore lines\n\nhere\n\n---\n\n${deck.split('---\n\n').at(-1)}`
    const cache = createMemoryCache()
    const first = await compile(deck, { cache })
    const second = await compile(moved, { cache })
    expect(first.slides[1]?.content).toContain('data-mermaid-line="19"')
    const line = moved.split('\n').indexOf('```mermaid') + 1
    expect(second.slides[1]?.content).toContain(`data-mermaid-line="${line}"`)
  })
})

describe('replaceDiagrams', () => {
  const flow =
    '<p>x</p><pre class="slidemark-mermaid" data-mermaid-line="19" data-mermaid-column="1">graph LR\n  a --> b</pre>'
  const svg = '<svg id="d1" viewBox="0 0 10 10"><text>a</text></svg>'

  test('should put a drawn diagram in place of its code, marked drawn', () => {
    const out = replaceDiagrams(flow, ({ line, column }) =>
      line === 19 && column === 1 ? { svg } : undefined,
    )
    expect(out).toBe(
      `<p>x</p><pre class="slidemark-mermaid" data-mermaid-line="19" data-mermaid-column="1" data-mermaid-state="drawn" role="img">${svg}</pre>`,
    )
    expect(hasDiagrams(out)).toBe(true)
    expect(hasUndrawnDiagrams(out)).toBe(false)
  })

  test('should keep both schemes when the dark drawing differs, each marked', () => {
    const out = replaceDiagrams(flow, () => ({ svg, dark: svg.replace('d1', 'd2') }))
    expect(out).toContain('<svg data-scheme="light" id="d1"')
    expect(out).toContain('<svg data-scheme="dark" id="d2"')
  })

  test('should keep a diagram with an error as code, with the reason', () => {
    const out = replaceDiagrams(flow, () => ({ error: 'Parse error on line 2: "x" <y>' }))
    expect(out).toContain(
      'data-mermaid-state="error" data-mermaid-error="Parse error on line 2: &quot;x&quot; &lt;y>">graph LR\n  a --> b</pre>',
    )
    expect(hasUndrawnDiagrams(out)).toBe(false)
  })

  test('should leave a diagram it has nothing for to the browser', async () => {
    expect(replaceDiagrams(flow, () => undefined)).toBe(flow)
    expect(hasUndrawnDiagrams(flow)).toBe(true)
    const { slides } = await compile(deck, { cache: false })
    expect(hasUndrawnDiagrams(slides[0]?.content ?? '')).toBe(false)
  })
})
