import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { createPresenterView, NEXT_LABELS, STEP_HIDDEN_CLASS } from '../src/dom/index.js'
import { createPresentation, type PresentableSlide } from '../src/index.js'

/** Three slides: one with two build steps and notes, one without notes, a last one. */
function slides(): PresentableSlide[] {
  const base = { kind: 'content', classes: [], notes: '', steps: 1 }
  return [
    {
      ...base,
      index: 0,
      title: 'Plan',
      header: '<h1>Plan</h1>',
      content:
        '<ol><li class="slidemark-step" data-step="1">measure</li><li class="slidemark-step" data-step="2">cut</li></ol>',
      steps: 3,
      notes: '<p>Measure twice.</p>',
    },
    { ...base, index: 1, title: '结果', header: '<h1>结果</h1>', content: '<p>done</p>' },
    { ...base, index: 2, title: 'Thanks', header: '<h1>Thanks</h1>', content: '<p>bye</p>' },
  ]
}

function setup(notice = '') {
  const host = document.createElement('div')
  host.append(document.createElement('p'))
  document.body.append(host)
  const deck = createPresentation(slides(), { window: null, hash: false, sync: false })
  let clock = 1_000
  const view = createPresenterView({
    host,
    deck,
    trackClass: 'p-track',
    slideClass: 'p-slide',
    render: (slide) => `${slide.header}<section>${slide.content}</section>`,
    width: 800,
    height: 600,
    notice,
    now: () => clock,
  })
  deck.on('change', () => view.render())
  view.render()
  onTestFinished(() => {
    view.destroy()
    deck.destroy()
  })
  const one = (selector: string) => host.querySelector<HTMLElement>(selector)
  const advance = (ms: number) => {
    clock += ms
  }
  return { host, deck, view, one, advance }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('createPresenterView', () => {
  it('draws current, next, notes and bar panes before what the host had', () => {
    const { host } = setup()
    expect([...host.children].map((child) => child.className)).toEqual([
      'slidemark-presenter-current',
      'slidemark-presenter-next',
      'slidemark-presenter-notes',
      'slidemark-presenter-bar',
      '',
    ])
  })

  it('shows the current step, the next step under "Next step", and the notes', () => {
    const { one } = setup()
    const current = one('.slidemark-presenter-current .p-slide')
    expect(current?.querySelectorAll(`.${STEP_HIDDEN_CLASS}`)).toHaveLength(2)
    const next = one('.slidemark-presenter-next .p-slide')
    expect(next?.dataset.index).toBe('0')
    expect(next?.querySelectorAll(`.${STEP_HIDDEN_CLASS}`)).toHaveLength(1)
    expect(one('.slidemark-presenter-next')?.dataset.next).toBe('step')
    expect(one('.slidemark-presenter-label')?.textContent).toBe(NEXT_LABELS.step)
    expect(one('.slidemark-presenter-notes')?.textContent).toBe('Measure twice.')
    expect(one('.slidemark-counter')?.textContent).toBe('1 / 3')
  })

  it('says "Next slide" on a slide’s last step, "No notes." without notes, and "End of deck" at the end', () => {
    const { deck, one } = setup()
    deck.go(0, 2)
    expect(one('.slidemark-presenter-label')?.textContent).toBe(NEXT_LABELS.slide)
    expect(one('.slidemark-presenter-next .p-slide h1')?.textContent).toBe('结果')
    deck.next()
    expect(one('.slidemark-presenter-notes')?.textContent).toBe('No notes.')
    deck.last()
    expect(one('.slidemark-presenter-next')?.dataset.next).toBe('end')
    expect(one('.slidemark-presenter-label')?.textContent).toBe(NEXT_LABELS.end)
    expect(one('.slidemark-presenter-next .p-slide')).toBeNull()
    expect(one('.slidemark-counter')?.textContent).toBe('3 / 3')
  })

  it('keeps the audience slides in the panes free of role=group (one slide per pane)', () => {
    const { one } = setup()
    expect(one('.slidemark-presenter-current .p-slide')?.hasAttribute('role')).toBe(false)
  })

  it('counts time from the first move, and resetTimer restarts it', () => {
    const { deck, view, one, advance } = setup()
    advance(90_000)
    view.render()
    expect(one('.slidemark-timer')?.textContent).toBe('0:00')
    deck.next()
    advance(65_000)
    view.render()
    expect(one('.slidemark-timer')?.textContent).toBe('1:05')
    view.resetTimer()
    expect(one('.slidemark-timer')?.textContent).toBe('0:00')
    advance(3_600_000)
    one('.slidemark-timer')?.click()
    expect(one('.slidemark-timer')?.textContent).toBe('0:00')
  })

  it('shows a notice as a status line when given one', () => {
    const { one } = setup('Pop-up blocked.')
    expect(one('.slidemark-presenter-notice')?.getAttribute('role')).toBe('status')
    expect(one('.slidemark-presenter-notice')?.textContent).toBe('Pop-up blocked.')
  })

  it('destroy removes its panes and leaves the host’s own children', () => {
    const { host, view } = setup('note')
    view.destroy()
    expect([...host.children].map((child) => child.tagName)).toEqual(['P'])
  })
})
