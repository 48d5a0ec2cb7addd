import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { preparePrint, SHOW_STEP_EVENT, STEP_HIDDEN_CLASS } from '../src/dom/index.js'
import type { PresentableSlide } from '../src/index.js'

/** Three slides: build steps, notes with CJK text, and a long `##` heading. */
function slides(): PresentableSlide[] {
  const base = { kind: 'content', classes: [], notes: '', steps: 1 }
  return [
    {
      ...base,
      index: 0,
      title: 'Growth',
      header: '<h1>Growth</h1>',
      content:
        '<ul><li class="slidemark-step" data-step="1">seed</li><li class="slidemark-step" data-step="2">tree</li></ul>',
      steps: 3,
    },
    {
      ...base,
      index: 1,
      title: '笔记',
      header: '<h1>笔记</h1>',
      content: '<p>body</p>',
      notes: '<p>慢慢说。</p>',
    },
    {
      ...base,
      index: 2,
      title: 'A second-level heading that goes on for quite a while on purpose',
      header: '<h2>A second-level heading that goes on for quite a while on purpose</h2>',
      content: '<p>end</p>',
    },
  ]
}

function setup(options: { notes?: boolean; always?: boolean } = {}) {
  const host = document.createElement('div')
  document.body.append(host)
  const stop = preparePrint({
    host,
    slides,
    slideClass: 'page-slide',
    render: (slide) => `${slide.header}<section>${slide.content}</section>`,
    ...options,
  })
  onTestFinished(stop)
  const layout = () => host.querySelector<HTMLElement>(':scope > .slidemark-print')
  const pages = () => [...host.querySelectorAll<HTMLElement>('.slidemark-print-page')]
  return { host, stop, layout, pages }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('preparePrint', () => {
  it('adds nothing until the browser prints', () => {
    const { layout } = setup()
    expect(layout()).toBeNull()
  })

  it('lays out one page per slide, every step shown, between beforeprint and afterprint', () => {
    const { layout, pages } = setup()
    window.dispatchEvent(new Event('beforeprint'))
    expect(pages()).toHaveLength(3)
    expect(
      pages().map((page) => page.querySelector('.page-slide')?.getAttribute('data-index')),
    ).toEqual(['0', '1', '2'])
    expect(pages()[0]?.querySelectorAll('.slidemark-step')).toHaveLength(2)
    expect(layout()?.querySelector(`.${STEP_HIDDEN_CLASS}`)).toBeNull()
    expect(layout()?.querySelector('[inert], [aria-hidden]')).toBeNull()
    window.dispatchEvent(new Event('afterprint'))
    expect(layout()).toBeNull()
  })

  it('leaves notes out unless asked, then puts them below their slide', () => {
    const without = setup()
    window.dispatchEvent(new Event('beforeprint'))
    expect(without.layout()?.classList.contains('with-notes')).toBe(false)
    expect(without.layout()?.querySelector('.notes')).toBeNull()
    without.stop()

    const withNotes = setup({ notes: true })
    window.dispatchEvent(new Event('beforeprint'))
    expect(withNotes.layout()?.classList.contains('with-notes')).toBe(true)
    const page = withNotes.pages()[1]
    expect(page?.lastElementChild?.matches('aside.notes')).toBe(true)
    expect(page?.lastElementChild?.textContent).toBe('慢慢说。')
    expect(page?.querySelector('.page-slide .notes')).toBeNull()
  })

  it('shows one step of a page on the show-step event (slidemark export --steps)', () => {
    const { pages } = setup({ always: true })
    const page = pages()[0] as HTMLElement
    const hidden = () =>
      [...page.querySelectorAll('.slidemark-step')].map((step) =>
        step.classList.contains(STEP_HIDDEN_CLASS),
      )
    page.dispatchEvent(new CustomEvent(SHOW_STEP_EVENT, { detail: 1, bubbles: true }))
    expect(hidden()).toEqual([false, true])
    page.dispatchEvent(new CustomEvent(SHOW_STEP_EVENT, { detail: 0, bubbles: true }))
    expect(hidden()).toEqual([true, true])
    page.dispatchEvent(new CustomEvent(SHOW_STEP_EVENT, { detail: 'all', bubbles: true }))
    expect(hidden()).toEqual([true, true])
  })

  it('with always, stays through afterprint until stopped, and stopping removes it', () => {
    const { layout, stop } = setup({ always: true })
    expect(layout()).not.toBeNull()
    window.dispatchEvent(new Event('beforeprint'))
    window.dispatchEvent(new Event('afterprint'))
    expect(layout()).not.toBeNull()
    stop()
    expect(layout()).toBeNull()
    window.dispatchEvent(new Event('beforeprint'))
    expect(layout()).toBeNull()
  })

  it('lays out at once when the page is already in print media, and undoes it when that ends', () => {
    let change: ((event: { matches: boolean }) => void) | undefined
    const original = window.matchMedia
    window.matchMedia = ((query: string) => ({
      matches: query === 'print',
      media: query,
      addEventListener: (_type: string, listener: typeof change) => {
        change = listener
      },
      removeEventListener: () => {},
    })) as unknown as typeof window.matchMedia
    onTestFinished(() => {
      window.matchMedia = original
    })
    const { layout, pages } = setup()
    expect(pages()).toHaveLength(3)
    window.dispatchEvent(new Event('afterprint'))
    expect(layout()).not.toBeNull()
    change?.({ matches: false })
    expect(layout()).toBeNull()
  })

  it('builds one layout however often print starts', () => {
    const { host } = setup()
    window.dispatchEvent(new Event('beforeprint'))
    window.dispatchEvent(new Event('beforeprint'))
    expect(host.querySelectorAll('.slidemark-print')).toHaveLength(1)
  })
})
