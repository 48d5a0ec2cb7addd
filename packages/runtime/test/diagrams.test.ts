import { afterEach, beforeEach, describe, expect, it, type Mock, onTestFinished, vi } from 'vitest'
import type { DiagramProblem } from '../src/dom/diagrams.js'

/**
 * The diagrams code with Mermaid mocked: the loader `@slidemark/runtime/mermaid`
 * installs is replaced by a spy returning a fake Mermaid, and each test gets a
 * fresh copy of the module (Mermaid, once loaded, is kept per module).
 */

const LOADER = Symbol.for('slidemark.mermaid')
type Loaders = { [LOADER]?: () => Promise<unknown> }

/** A fake Mermaid: `parse` rejects sources containing `oops` the way Mermaid words it. */
function fakeMermaid() {
  return {
    initialize: vi.fn(),
    parse: vi.fn(async (source: string) => {
      if (source.includes('oops')) {
        throw new Error(
          "Parse error on line 2:\n...a --> oops\n------^\nExpecting 'SQE', got 'NODE_STRING'",
        )
      }
      return true
    }),
    render: vi.fn(async (id: string, source: string) => ({
      svg: `<svg id="${id}"><text>${source.split('\n')[1]?.trim().replaceAll('>', '&gt;')}</text></svg>`,
    })),
  }
}

let mermaid: ReturnType<typeof fakeMermaid>
let loader: Mock<() => Promise<unknown>>

beforeEach(() => {
  vi.resetModules()
  mermaid = fakeMermaid()
  loader = vi.fn(async (): Promise<unknown> => mermaid)
  ;(globalThis as Loaders)[LOADER] = loader
})

afterEach(() => {
  delete (globalThis as Loaders)[LOADER]
  document.body.innerHTML = ''
})

async function diagrams() {
  return import('../src/dom/diagrams.js')
}

/** A slide element holding `html`, in the page. */
function slide(html: string, index = 0): HTMLElement {
  const host = document.createElement('div')
  host.innerHTML = `<div data-index="${index}"><section>${html}</section></div>`
  document.body.append(host)
  return host
}

/** A diagram as core writes it (`>` escaped here too: happy-dom's parser misreads `-->` in text). */
const diagram = (source: string, line = 10, column = 1) =>
  `<pre class="slidemark-mermaid" data-mermaid-line="${line}" data-mermaid-column="${column}">${source.replaceAll('>', '&gt;')}</pre>`

const settled = (host: HTMLElement) =>
  vi.waitFor(() => {
    const pending = host.querySelector(
      'pre.slidemark-mermaid:not([data-mermaid-state="drawn"], [data-mermaid-state="error"])',
    )
    if (pending) throw new Error('still drawing')
  })

describe('watchDiagrams', () => {
  it('never loads Mermaid for slides without diagrams', async () => {
    const { watchDiagrams } = await diagrams()
    const host = slide('<pre><code>const x = 1</code></pre><p>no diagram here</p>')
    const stop = watchDiagrams(host)
    onTestFinished(stop)
    // A slide without a diagram coming in later does not load it either.
    host.append(Object.assign(document.createElement('p'), { textContent: 'later' }))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(loader).not.toHaveBeenCalled()
  })

  it('loads Mermaid once, on the first diagram, and draws each as SVG with a load event', async () => {
    const { watchDiagrams } = await diagrams()
    const host = slide(diagram('flowchart LR\n  a --> b') + diagram('flowchart LR\n  c --> d', 20))
    const loads: string[] = []
    host.addEventListener('load', (event) => loads.push((event.target as Element).tagName), true)
    const stop = watchDiagrams(host)
    onTestFinished(stop)
    await settled(host)
    expect(loader).toHaveBeenCalledTimes(1)
    const pres = [...host.querySelectorAll('pre')]
    expect(pres.map((pre) => pre.getAttribute('data-mermaid-state'))).toEqual(['drawn', 'drawn'])
    expect(pres.map((pre) => pre.querySelector('svg text')?.textContent)).toEqual([
      'a --> b',
      'c --> d',
    ])
    expect(pres[0]?.getAttribute('role')).toBe('img')
    expect(loads).toEqual(['PRE', 'PRE'])
  })

  it('draws a diagram that arrives later (a slide rendered on a key press)', async () => {
    const { watchDiagrams } = await diagrams()
    const host = slide('<p>first</p>')
    const stop = watchDiagrams(host)
    onTestFinished(stop)
    expect(loader).not.toHaveBeenCalled()
    host.insertAdjacentHTML('beforeend', diagram('flowchart LR\n  a --> b'))
    await settled(host)
    expect(host.querySelector('pre')?.getAttribute('data-mermaid-state')).toBe('drawn')
  })

  it('keeps the code of a diagram Mermaid cannot read, reports it once at its deck line', async () => {
    const { watchDiagrams, DIAGRAM_ERROR_EVENT } = await diagrams()
    const source = 'flowchart LR\n  a --> oops\n  b --> c'
    const host = slide(diagram(source, 41, 3), 4)
    // A second copy (an overview thumbnail) is not reported twice.
    host.insertAdjacentHTML('beforeend', `<div data-index="4">${diagram(source, 41, 3)}</div>`)
    const problems: DiagramProblem[] = []
    const events: unknown[] = []
    const listener = (event: Event) => events.push((event as CustomEvent).detail)
    window.addEventListener(DIAGRAM_ERROR_EVENT, listener)
    onTestFinished(() => window.removeEventListener(DIAGRAM_ERROR_EVENT, listener))
    const stop = watchDiagrams(
      host,
      (problem) => problems.push(problem),
      ({ index }) => ({ slide: `slide ${index}` }),
    )
    onTestFinished(stop)
    await settled(host)

    const pre = host.querySelector('pre') as HTMLElement
    expect(pre.getAttribute('data-mermaid-state')).toBe('error')
    expect(pre.textContent).toBe(source)
    expect(pre.querySelector('svg')).toBeNull()
    expect(pre.dataset.mermaidError).toBe(
      "Parse error on line 2: Expecting 'SQE', got 'NODE_STRING'",
    )
    // Line 2 of the diagram is deck line 41 + 2; the caret lines are gone from the reason.
    const expected = {
      line: 43,
      column: 1,
      reason:
        "Mermaid cannot draw this diagram: Parse error on line 2: Expecting 'SQE', got 'NODE_STRING'",
      ruleId: 'invalid-diagram',
      index: 4,
    }
    expect(problems).toEqual([expected])
    expect(events).toEqual([{ ...expected, slide: 'slide 4' }])
  })

  it('reports a diagram as unreadable when Mermaid cannot be loaded, keeping its code', async () => {
    delete (globalThis as Loaders)[LOADER]
    const { watchDiagrams } = await diagrams()
    const host = slide(diagram('flowchart LR\n  a --> b', 7, 1))
    const problems: DiagramProblem[] = []
    const stop = watchDiagrams(host, (problem) => problems.push(problem))
    onTestFinished(stop)
    await settled(host)
    expect(host.querySelector('pre')?.textContent).toBe('flowchart LR\n  a --> b')
    expect(problems.map(({ line, column }) => `${line}:${column}`)).toEqual(['7:1'])
    expect(problems[0]?.reason).toMatch(/Mermaid did not load .*@slidemark\/runtime\/mermaid/)
  })

  it('leaves a diagram drawn at build time alone', async () => {
    const { watchDiagrams } = await diagrams()
    const host = slide(
      '<pre class="slidemark-mermaid" data-mermaid-line="3" data-mermaid-column="1" data-mermaid-state="drawn" role="img"><svg id="built"></svg></pre>',
    )
    const stop = watchDiagrams(host)
    onTestFinished(stop)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(loader).not.toHaveBeenCalled()
    expect(host.querySelector('svg')?.id).toBe('built')
  })
})

describe('mountDeck with diagrams', () => {
  it('warns in the console by default, and calls onDiagramError instead when given', async () => {
    const { mountDeck } = await import('../src/dom/deck.js')
    const slides = [
      {
        index: 0,
        title: 'Flow',
        header: '<h1>Flow</h1>',
        content: diagram('flowchart LR\n  a --> oops', 12),
        kind: 'content' as const,
        steps: 1,
        notes: '',
        classes: [],
      },
    ]
    const theme = {
      name: 'test',
      rootClass: 'test',
      trackClass: 'track',
      slideClass: 'slide',
      width: 800,
      height: 600,
      render: (s: (typeof slides)[number]) => `<header>${s.header}</header>${s.content}`,
    }
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    onTestFinished(() => warn.mockRestore())
    const root = document.createElement('main')
    document.body.append(root)
    const deck = mountDeck(root, slides, { hash: false, sync: false }, theme)
    onTestFinished(() => deck.destroy())
    await settled(root)
    expect(warn).toHaveBeenCalledWith(
      "slidemark: 14:1: Mermaid cannot draw this diagram: Parse error on line 2: Expecting 'SQE', got 'NODE_STRING' [invalid-diagram]",
    )

    const other = document.createElement('main')
    document.body.append(other)
    const onDiagramError = vi.fn()
    warn.mockClear()
    const second = mountDeck(other, slides, { hash: false, sync: false, onDiagramError }, theme)
    onTestFinished(() => second.destroy())
    await settled(other)
    expect(onDiagramError).toHaveBeenCalledWith(expect.objectContaining({ line: 14, column: 1 }))
    expect(warn).not.toHaveBeenCalled()
  })
})

describe('colour scheme changes', () => {
  it('draws a diagram again when the scheme changes and its colours with it', async () => {
    // happy-dom has no canvas: one that reads back `rgb()` colours is enough here.
    const getContext = vi
      .spyOn(HTMLCanvasElement.prototype, 'getContext')
      .mockImplementation(() => {
        let fill = [255, 255, 255]
        return {
          set fillStyle(value: string) {
            const rgb = /rgb\((\d+), (\d+), (\d+)\)/.exec(value)
            fill = rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : [255, 255, 255]
          },
          fillRect() {},
          getImageData: () => ({ data: [...fill, 255] }),
        } as unknown as CanvasRenderingContext2D
      })
    onTestFinished(() => getContext.mockRestore())
    const listeners = new Set<() => void>()
    const matchMedia = vi.spyOn(window, 'matchMedia').mockImplementation(
      (query) =>
        ({
          matches: false,
          media: query,
          addEventListener: (_: string, listener: () => void) => listeners.add(listener),
          removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
        }) as unknown as MediaQueryList,
    )
    onTestFinished(() => matchMedia.mockRestore())

    const { watchDiagrams } = await diagrams()
    const host = slide(diagram('flowchart LR\n  a --> b'))
    const section = host.querySelector('section') as HTMLElement
    section.style.color = 'rgb(20, 20, 20)'
    const stop = watchDiagrams(host)
    await settled(host)
    expect(mermaid.render).toHaveBeenCalledTimes(1)
    expect(listeners.size).toBe(1)

    // The system turns dark and the theme's text turns light: drawn again, in the new colours.
    section.style.color = 'rgb(230, 230, 230)'
    for (const listener of listeners) listener()
    await vi.waitFor(() => expect(mermaid.render).toHaveBeenCalledTimes(2))
    await settled(host)
    const config = mermaid.initialize.mock.calls.at(-1)?.[0] as {
      themeVariables: { textColor: string }
    }
    expect(config.themeVariables.textColor).toBe('#e6e6e6')
    expect(host.querySelector('pre')?.getAttribute('data-mermaid-state')).toBe('drawn')

    // A change that leaves its colours as they are draws nothing.
    for (const listener of listeners) listener()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(mermaid.render).toHaveBeenCalledTimes(2)

    stop()
    expect(listeners.size).toBe(0)
  })
})
