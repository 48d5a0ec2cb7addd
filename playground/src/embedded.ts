// Two independent decks in an ordinary page: `embedded: true` fills the
// element given (not the window), takes keys only while focused, and leaves
// the URL alone unless `hash` names the deck's part of it.

import * as horizon from '@slidemark/theme-horizon'
import * as html5 from '@slidemark/theme-html5-slides'
import slides, { meta } from './talk.slides.md'

function element(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`embedded.html has no #${id} element`)
  return found
}

html5.mount(element('first'), slides, { meta, embedded: true, hash: 'first' })
horizon.mount(element('second'), slides, { meta, embedded: true })
