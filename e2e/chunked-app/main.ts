// A big deck built with a small `lazy` threshold, so that its slides arrive in
// chunks (chunked.spec.ts writes the deck and builds this page): `?theme=horizon`.
// `window.deck` is the controller, `window.slides` the imported array.

import * as horizon from '@slidemark/theme-horizon'
import * as html5 from '@slidemark/theme-html5-slides'
import slides, { meta } from 'chunked-deck.slides.md'

const params = new URLSearchParams(location.search)
const theme = params.get('theme') === 'horizon' ? horizon : html5
const root = document.querySelector<HTMLElement>('#app')
if (!root) throw new Error('index.html has no #app element')
const deck = theme.mount(root, slides, { meta, sync: false })
Object.assign(window, { deck, slides })
