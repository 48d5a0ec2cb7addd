// The whole app: import the deck, mount a theme, follow hot updates.
// To present with another theme, change the second import (see horizon.ts).

import { mount } from '@slidemark/theme-html5-slides'
import slides, { meta, onUpdate } from './talk.slides.md'

const root = document.querySelector<HTMLElement>('#app')
if (!root) throw new Error('index.html has no #app element')

const deck = mount(root, slides, { meta })
onUpdate((next, nextMeta) => deck.update(next, nextMeta))
