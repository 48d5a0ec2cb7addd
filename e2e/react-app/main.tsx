// Two <Deck>s of one deck file in one page, under StrictMode: the first in the
// horizon theme in a fixed-height box, the second in html5-slides with only a
// width (it takes the slides' shape). A button drives the first deck through
// its ref; `window.controllers()` reads both refs for the tests.

import { Deck } from '@slidemark/react'
import type { ThemedPresentation } from '@slidemark/runtime/dom'
import * as horizon from '@slidemark/theme-horizon'
import * as html5 from '@slidemark/theme-html5-slides'
import { StrictMode, useRef } from 'react'
import { createRoot } from 'react-dom/client'
import slides, { meta } from './quarterly.slides.md'

function App() {
  const first = useRef<ThemedPresentation>(null)
  const second = useRef<ThemedPresentation>(null)
  Object.assign(window, { controllers: () => ({ first: first.current, second: second.current }) })
  return (
    <main>
      <h1>Build farm, two ways</h1>
      <Deck
        id="first"
        slides={slides}
        meta={meta}
        theme={horizon}
        ref={first}
        style={{ height: 360 }}
      />
      <button type="button" id="next" onClick={() => first.current?.next()}>
        Next on the first deck
      </button>
      <Deck
        id="second"
        slides={slides}
        meta={meta}
        theme={html5}
        ref={second}
        style={{ width: 640 }}
      />
    </main>
  )
}

const root = document.querySelector('#root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
