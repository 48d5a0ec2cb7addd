// The technical talk in a plain Vite app (the plugin, no CLI): `?theme=horizon`,
// `?deck=broken` for the deck whose diagram Mermaid cannot read.
// The deck controller is on `window.deck` for the tests.

import * as horizon from '@slidemark/theme-horizon'
import * as html5 from '@slidemark/theme-html5-slides'
import broken, { meta as brokenMeta } from './decks/broken.slides.md'
import talk, { meta as talkMeta } from './decks/rate-limits.slides.md'

const params = new URLSearchParams(location.search)
const theme = params.get('theme') === 'horizon' ? horizon : html5
const [slides, meta] = params.get('deck') === 'broken' ? [broken, brokenMeta] : [talk, talkMeta]
const root = document.querySelector<HTMLElement>('#app')
if (!root) throw new Error('index.html has no #app element')
const deck = theme.mount(root, slides, { meta, sync: false })
Object.assign(window, { deck })
