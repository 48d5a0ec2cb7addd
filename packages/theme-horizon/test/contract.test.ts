import { runThemeContract } from '@slidemark/runtime/contract'
import { afterEach, describe, it } from 'vitest'
import * as theme from '../src/index.js'

afterEach(() => {
  history.replaceState(null, '', location.pathname)
  document.body.innerHTML = ''
})

runThemeContract(theme, { describe, it })
