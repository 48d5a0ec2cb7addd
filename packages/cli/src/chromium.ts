import fs from 'node:fs'
import path from 'node:path'
import { CliError } from './errors.js'

/** Executable names looked up on `PATH`, best first. */
const EXECUTABLE_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
  'microsoft-edge',
  'microsoft-edge-stable',
]

/** Install locations that are not always on `PATH`. */
const WELL_KNOWN_PATHS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    `${process.env.PROGRAMFILES ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env.LOCALAPPDATA ?? ''}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'}\\Microsoft\\Edge\\Application\\msedge.exe`,
  ],
}

/** What to tell someone who has no browser. */
export const NO_BROWSER_HELP =
  'no Chromium or Chrome found. Install one (Debian/Ubuntu: sudo apt-get install chromium; ' +
  'Fedora: sudo dnf install chromium; macOS: brew install --cask chromium) ' +
  'or point to one with --browser PATH or CHROMIUM_PATH=PATH'

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Looks `name` up on `PATH` like a shell would. */
function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', ''] : ['']
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue
    for (const extension of extensions) {
      const file = path.join(dir, name + extension)
      if (isExecutable(file)) return file
    }
  }
  return undefined
}

export interface FindChromiumOptions {
  /** `--browser PATH`: used as it is, never guessed around. */
  browser?: string | undefined
  /** Environment to read `CHROMIUM_PATH` and `PATH` from. */
  env?: NodeJS.ProcessEnv
  /** Install locations tried after `PATH`; default: this platform's usual ones. */
  locations?: readonly string[]
}

/**
 * Finds a Chromium-based browser: `--browser`, then `CHROMIUM_PATH`, then
 * well-known names on `PATH` and install locations. A path the user gave that
 * is not an executable, or no browser at all, is a {@link CliError}.
 */
export function findChromium({
  browser,
  env = process.env,
  locations = WELL_KNOWN_PATHS[process.platform] ?? [],
}: FindChromiumOptions = {}): string {
  const chosen: Array<[string | undefined, string]> = [
    [browser, '--browser'],
    [env.CHROMIUM_PATH, 'CHROMIUM_PATH'],
  ]
  for (const [value, origin] of chosen) {
    if (value === undefined || value === '') continue
    const file =
      value.includes(path.sep) || value.includes('/') ? path.resolve(value) : onPath(value, env)
    if (file && isExecutable(file)) return file
    throw new CliError(`${origin} ${value} is not an executable browser`)
  }
  for (const name of EXECUTABLE_NAMES) {
    const file = onPath(name, env)
    if (file) return file
  }
  for (const file of locations) {
    if (isExecutable(file)) return file
  }
  throw new CliError(NO_BROWSER_HELP)
}

/** Chromium flags for rendering headless on servers and in containers. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
