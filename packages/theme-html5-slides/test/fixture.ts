import type { Slide } from '@slidemark/core'

/** A small hand-written deck in the shape `compile()` produces. */
export function fixtureDeck(): Slide[] {
  const slide = (index: number, fields: Partial<Slide>): Slide => ({
    index,
    title: '',
    header: '',
    content: '',
    kind: 'content',
    steps: 1,
    notes: '',
    classes: [],
    source: { start: index * 4 + 1, end: index * 4 + 3 },
    assets: [],
    ...fields,
  })
  return [
    slide(0, { kind: 'title', title: 'Lanterns', content: '<p>Lanterns</p><p>A. Speaker</p>' }),
    slide(1, {
      title: 'Three reasons',
      header: '<h1>Three reasons</h1>',
      content:
        '<ul><li>light</li></ul><div class="slidemark-step" data-step="1"><ul><li>warm</li></ul></div><div class="slidemark-step" data-step="2"><ul><li>cheap</li></ul></div>',
      steps: 3,
      notes: '<p>Pause after the second one.</p>',
    }),
    slide(2, { kind: 'segue', title: 'How', header: '<h1>How</h1>', classes: ['segue', 'dark'] }),
    slide(3, {
      title: 'Code',
      header: '<h1>Code</h1>',
      content:
        '<pre><code data-line-numbers><span data-line>x = 1</span></code></pre><a href="#x">link</a>',
    }),
    slide(4, { title: 'Thanks', header: '<h1>Thanks</h1>', content: '<p>Questions?</p>' }),
    slide(5, { title: 'Extra', header: '<h1>Extra</h1>', content: '<p>Backup slide</p>' }),
  ]
}

/** `count` one-step slides. */
export function bigDeck(count: number): Slide[] {
  return Array.from({ length: count }, (_, index) => ({
    index,
    title: `Slide ${index + 1}`,
    header: `<h1>Slide ${index + 1}</h1>`,
    content: `<p>Body ${index + 1}</p>`,
    kind: 'content' as const,
    steps: 1,
    notes: '',
    classes: [],
    source: { start: 1, end: 1 },
    assets: [],
  }))
}

export function press(key: string, init: KeyboardEventInit = {}) {
  window.dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }),
  )
}
