import { defineConfig } from '@playwright/test'
// Debian's Chromium, never a downloaded browser: CHROMIUM_PATH wins, then the
// usual system paths; the flags the whole project launches it with.
import { CHROMIUM_ARGS, findChromium } from 'slidemark'
import type { ThemeOptions } from './tests/fixtures.js'

export default defineConfig<ThemeOptions>({
  testDir: './tests',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // Generous: the suites share two cores with Vite builds; none of these is a speed test.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    launchOptions: {
      executablePath: findChromium(),
      args: [...CHROMIUM_ARGS],
    },
  },
  projects: [
    {
      name: 'html5-slides',
      testIgnore: ['**/dev-server.spec.ts', '**/embedded.spec.ts', '**/*-component.spec.ts'],
      use: { themePage: 'index.html', themeName: 'html5-slides' },
    },
    {
      name: 'horizon',
      // chunked.spec.ts builds its own app and switches theme by URL: once is enough.
      testIgnore: [
        '**/dev-server.spec.ts',
        '**/embedded.spec.ts',
        '**/*-component.spec.ts',
        '**/chunked.spec.ts',
      ],
      use: { themePage: 'horizon.html', themeName: 'horizon' },
    },
    // playground/embedded.html: two decks of different themes in one page
    { name: 'embedded', testMatch: '**/embedded.spec.ts' },
    // e2e/react-app and e2e/vue-app: the components, built and under the dev server
    { name: 'components', testMatch: '**/*-component.spec.ts' },
    // Serves playground/ with Vite's dev server and edits the deck file (restored after)
    {
      name: 'dev-server',
      testMatch: '**/dev-server.spec.ts',
    },
  ],
})
