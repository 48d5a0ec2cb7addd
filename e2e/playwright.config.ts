import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'
import type { ThemeOptions } from './tests/fixtures.js'

/**
 * Debian's Chromium, never a downloaded browser: `CHROMIUM_PATH` wins, then
 * the usual system paths. `.ci/run` installs `chromium` with apt when none exists.
 */
function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]
  const found = candidates.find((path) => path && existsSync(path))
  if (!found) {
    throw new Error('No Chromium found: set CHROMIUM_PATH or `apt-get install chromium`')
  }
  return found
}

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
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'html5-slides',
      testIgnore: '**/dev-server.spec.ts',
      use: { themePage: 'index.html', themeName: 'html5-slides' },
    },
    {
      name: 'horizon',
      testIgnore: '**/dev-server.spec.ts',
      use: { themePage: 'horizon.html', themeName: 'horizon' },
    },
    // Serves playground/ with Vite's dev server and edits the deck file (restored after)
    {
      name: 'dev-server',
      testMatch: '**/dev-server.spec.ts',
    },
  ],
})
