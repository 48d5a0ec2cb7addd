import { apps, builtAppSuite, devServerSuite } from './components.js'
import { test } from './fixtures.js'

// One worker, in order: the dev suite edits the deck file the build reads.
test.describe.configure({ mode: 'serial' })

// e2e/vue-app: two <SlidemarkDeck>s from @slidemark/vue in an SFC.
test.describe('built app', () => builtAppSuite(apps.vue))
test.describe('dev server', () => devServerSuite(apps.vue))
