import { afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest'
import { loadViews, mountDeck, PENDING_ATTRIBUTE } from '../src/dom/index.js'
import { LAZY_SLIDES, lazySlides, PENDING_SLIDE, type PresentableSlide } from '../src/index.js'
import { plainTheme, resetPage } from './helpers.js'

// The overview and presenter code loads on first use (views.test.ts in the runtime checks
// that); loaded ahead here, so these tests can look right after a key.
beforeAll(() => loadViews())

const plain = plainTheme()

const full = (index: number): PresentableSlide => ({
  index,
  title: `Slide ${index + 1}`,
  header: `<h1>Heading ${index + 1}</h1>`,
  content: `<p>Body of slide ${index + 1}</p>`,
  kind: 'content',
  steps: 1,
  notes: index % 2 === 0 ? `<p>Notes ${index + 1}</p>` : '',
  classes: [],
})

/**
 * A chunked slides array as `@slidemark/vite-plugin` makes one, with chunks
 * of `size` slides that arrive (or fail) when the test says so.
 */
function chunkedDeck(count: number, size: number) {
  const slides: PresentableSlide[] = []
  const states: Array<{ error?: string }> = []
  const requested: number[] = []
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>()
  const loading = new Map<number, Promise<void>>()
  const listeners = new Set<(from: number, to: number) => void>()
  for (let n = 0; n < count; n++) {
    const chunk = Math.floor(n / size)
    states[chunk] ??= {}
    const slide = { index: n, title: `Slide ${n + 1}`, kind: 'content', steps: 1, classes: [] }
    for (const key of ['header', 'content', 'notes']) {
      Object.defineProperty(slide, key, {
        get: () => {
          throw new Error(`slide ${n + 1} read before its chunk`)
        },
      })
    }
    Object.defineProperty(slide, PENDING_SLIDE, { value: states[chunk] })
    slides.push(slide as unknown as PresentableSlide)
  }
  const range = (chunk: number): [number, number] => [
    chunk * size,
    Math.min(count, (chunk + 1) * size),
  ]
  const notify = (chunk: number) => {
    for (const listener of listeners) listener(...range(chunk))
  }
  const load = (chunk: number) => {
    const started = loading.get(chunk)
    if (started) return started
    requested.push(chunk)
    const promise = new Promise<void>((resolve, reject) => {
      waiting.set(chunk, { resolve, reject })
    }).then(
      () => {
        const [from, to] = range(chunk)
        for (let n = from; n < to; n++) slides[n] = full(n)
        notify(chunk)
      },
      (error: Error) => {
        loading.delete(chunk)
        ;(states[chunk] as { error?: string }).error = error.message
        notify(chunk)
        throw error
      },
    )
    loading.set(chunk, promise)
    return promise
  }
  const chunks = Math.ceil(count / size)
  Object.defineProperty(slides, LAZY_SLIDES, {
    value: {
      isLoaded: (n: number) => !(PENDING_SLIDE in (slides[n] ?? {})),
      load(from: number, to: number) {
        const low = Math.max(0, from)
        const high = Math.min(count, to) - 1
        const jobs = []
        for (let c = Math.floor(low / size); c <= Math.floor(high / size); c++) jobs.push(load(c))
        return Promise.all(jobs).then(() => undefined)
      },
      loadAll: () => Promise.all(Array.from({ length: chunks }, (_, c) => load(c))),
      onLoad(listener: (from: number, to: number) => void) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    },
  })
  const settle = async (chunk: number, error?: Error) => {
    const pending = waiting.get(chunk)
    waiting.delete(chunk)
    if (error) pending?.reject(error)
    else pending?.resolve()
    // The chunk's promise settles, then the runtime's listeners run.
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return { slides, requested, settle }
}

function mount(slides: PresentableSlide[], options = {}) {
  const root = document.createElement('div')
  document.body.append(root)
  const deck = mountDeck(root, slides, { sync: false, ...options }, plain)
  onTestFinished(() => deck.destroy())
  return deck
}

const current = (deck: { element: HTMLElement }) =>
  deck.element.querySelector<HTMLElement>('[data-offset="0"]')

afterEach(resetPage)

describe('a deck whose slides arrive in chunks', () => {
  it('is recognised by its loader, an ordinary array is not', () => {
    expect(lazySlides(chunkedDeck(4, 2).slides)).toBeDefined()
    expect(lazySlides([full(0)])).toBeUndefined()
  })

  it('a deep link shows "Loading slide N…" until that slide’s chunk arrives, then the slide', async () => {
    history.replaceState(null, '', '#slide45')
    const { slides, requested, settle } = chunkedDeck(60, 10)
    const deck = mount(slides)
    expect(deck.state.slide).toBe(44)
    // The chunk of the current slide and its neighbours first, nothing else yet.
    expect(requested).toEqual([4])
    expect(current(deck)?.getAttribute(PENDING_ATTRIBUTE)).toBe('loading')
    expect(current(deck)?.textContent).toBe('Loading slide 45…')
    await settle(4)
    expect(current(deck)?.hasAttribute(PENDING_ATTRIBUTE)).toBe(false)
    expect(current(deck)?.textContent).toContain('Body of slide 45')
  })

  it('a chunk that fails says so in the slide and on the console once, and loads on the next move', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    onTestFinished(() => error.mockRestore())
    const { slides, requested, settle } = chunkedDeck(30, 10)
    const deck = mount(slides)
    await settle(0, new Error('HTTP 404'))
    expect(current(deck)?.getAttribute(PENDING_ATTRIBUTE)).toBe('error')
    expect(current(deck)?.textContent).toMatch(/Slide 1 could not be loaded \(HTTP 404\)/)
    expect(error).toHaveBeenCalledTimes(1)
    expect(String(error.mock.calls[0]?.[0])).toContain('HTTP 404')
    deck.next()
    expect(requested.filter((chunk) => chunk === 0)).toHaveLength(2)
    await settle(0)
    deck.prev()
    expect(current(deck)?.textContent).toContain('Body of slide 1')
  })

  it('loads the rest in the background once the current slides are in', async () => {
    const { slides, requested, settle } = chunkedDeck(50, 10)
    mount(slides)
    expect(requested).toEqual([0])
    await settle(0)
    await vi.waitFor(() => expect(requested).toEqual([0, 1, 2, 3, 4]))
  })

  it('the print layout loads every chunk at once and fills each page as it arrives', async () => {
    const { slides, requested, settle } = chunkedDeck(25, 10)
    const deck = mount(slides, { print: true })
    expect(requested).toEqual([0, 1, 2])
    const pages = () => [...deck.element.querySelectorAll('.slidemark-print-page')]
    expect(pages()).toHaveLength(25)
    expect(
      deck.element.querySelectorAll(`.slidemark-print-page [${PENDING_ATTRIBUTE}]`),
    ).toHaveLength(25)
    await settle(2)
    expect(pages()[24]?.textContent).toContain('Body of slide 25')
    expect(pages()[0]?.textContent).toBe('Loading slide 1…')
    await settle(0)
    await settle(1)
    expect(deck.element.querySelectorAll(`[${PENDING_ATTRIBUTE}]`)).toHaveLength(0)
  })

  it('overview thumbnails drawn while loading are drawn again when their chunk arrives', async () => {
    const { slides, settle } = chunkedDeck(20, 10)
    const deck = mount(slides)
    deck.overview.open()
    const thumb = (n: number) =>
      deck.element.querySelector(`.slidemark-overview-item[data-slide="${n}"] .slidemark-thumb`)
    // Titles are there at once; the thumbnail says it is loading.
    expect(
      deck.element.querySelector('.slidemark-overview-item[data-slide="0"]')?.textContent,
    ).toContain('Slide 1')
    expect(thumb(0)?.textContent).toBe('Loading slide 1…')
    await settle(0)
    expect(thumb(0)?.textContent).toContain('Body of slide 1')
  })

  it('the presenter view says notes are loading, then shows them', async () => {
    const { slides, settle } = chunkedDeck(20, 10)
    const deck = mount(slides, { presenter: true })
    const notes = () => deck.element.querySelector('[data-slidemark-presenter-notes]')
    expect(notes()?.textContent).toBe('Loading notes…')
    await settle(0)
    expect(notes()?.textContent).toBe('Notes 1')
    expect(deck.element.querySelector('[data-slidemark-presenter-next]')?.textContent).toContain(
      'Body of slide 2',
    )
  })
})
