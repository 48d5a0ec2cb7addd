// One page for every fixture deck in either theme: `?theme=horizon&deck=titles&hostile`.
// The deck controller is on `window.deck` for the tests.

import * as horizon from '@slidemark/theme-horizon'
import * as html5 from '@slidemark/theme-html5-slides'
import cjk, { meta as cjkMeta } from './decks/cjk.slides.md'
import overfull, { meta as overfullMeta } from './decks/overfull.slides.md'
import pygments, { meta as pygmentsMeta } from './decks/pygments.slides.md'
import reported, { meta as reportedMeta } from './decks/reported.slides.md'
import titles, { meta as titlesMeta } from './decks/titles.slides.md'
import hostileCss from './hostile.css?inline'

const decks = {
  overfull: [overfull, overfullMeta],
  titles: [titles, titlesMeta],
  cjk: [cjk, cjkMeta],
  reported: [reported, reportedMeta],
  pygments: [pygments, pygmentsMeta],
} as const

const params = new URLSearchParams(location.search)
const theme = params.get('theme') === 'horizon' ? horizon : html5
const [slides, meta] = decks[(params.get('deck') ?? 'overfull') as keyof typeof decks]
if (params.has('hostile')) {
  const style = document.createElement('style')
  style.textContent = hostileCss
  document.head.append(style)
}
const root = document.querySelector<HTMLElement>('#app')
if (!root) throw new Error('index.html has no #app element')
const overflows: unknown[] = []
const deck = theme.mount(root, slides, {
  meta: params.has('nofit') ? { ...meta, fit: false } : meta,
  sync: false,
  onOverflow: ({ index, line, excess, scale }) => overflows.push({ index, line, excess, scale }),
})
Object.assign(window, { deck, overflows })
