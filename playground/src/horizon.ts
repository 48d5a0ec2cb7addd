// Same app as main.ts with the other theme: the import line is the only change,
// plus the explicit `onUpdate` wiring an app that also renders the slides
// itself would keep (the deck ignores the second delivery of the same edit).
// Served as /horizon.html so both themes can be compared (and tested) side by side.

import { mount } from '@slidemark/theme-horizon'
import slides, { meta, onUpdate } from './talk.slides.md'

const root = document.querySelector<HTMLElement>('#app')
if (!root) throw new Error('horizon.html has no #app element')

const deck = mount(root, slides, { meta })
onUpdate((next, nextMeta) => deck.update(next, nextMeta))
