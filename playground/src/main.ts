// The whole app: import the deck and mount a theme. Hot updates need no
// wiring: a deck mounted from a `*.slides.md` import follows edits by itself.
// To present with another theme, change the first import (see horizon.ts).

import { mount } from '@slidemark/theme-html5-slides'
import slides, { meta } from './talk.slides.md'

const root = document.querySelector<HTMLElement>('#app')
if (!root) throw new Error('index.html has no #app element')

mount(root, slides, { meta })
