import { apps, builtAppSuite, devServerSuite } from './components.js'
import { test } from './fixtures.js'

// One worker, in order: the dev suite edits the deck file the build reads.
test.describe.configure({ mode: 'serial' })

// e2e/react-app: two <Deck>s from @slidemark/react under StrictMode.
test.describe('built app', () => builtAppSuite(apps.react))
test.describe('dev server', () => devServerSuite(apps.react))
