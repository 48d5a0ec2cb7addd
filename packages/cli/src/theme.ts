import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DeckMessage } from '@slidemark/core'
import { CliError } from './errors.js'

/** The theme used when neither `--theme` nor the front matter's `theme:` names one. */
export const DEFAULT_THEME = 'html5-slides'

/** A theme package found on disk. */
export interface ResolvedTheme {
  /** The name as the user wrote it (`horizon`, `@acme/slides-theme`, `./my-theme`). */
  requested: string
  /** The package name that was found (`@slidemark/theme-horizon`). */
  packageName: string
  /** The package's folder, symlinks resolved. */
  dir: string
  /** Where it was found: the deck's project, or the CLI's own dependencies. */
  from: 'project' | 'slidemark'
}

/** Where the CLI itself is installed; its own dependencies are the fallback themes. */
const cliDir = path.dirname(fileURLToPath(import.meta.url))

/**
 * Package names tried for a theme name: a short name (`horizon`) means
 * `@slidemark/theme-horizon`, then `slidemark-theme-horizon`, then `horizon`
 * itself; a scoped or full name is taken as it is.
 */
export function themeCandidates(name: string): string[] {
  if (name.startsWith('@') || name.includes('/')) return [name]
  if (name.startsWith('theme-')) return [`@slidemark/${name}`, name]
  return [`@slidemark/theme-${name}`, `slidemark-theme-${name}`, name]
}

/** Finds `node_modules/<name>` from `start` upwards, as Node does; returns its real folder. */
export function findPackageDir(name: string, start: string): string | undefined {
  let dir = path.resolve(start)
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name)
    if (fs.existsSync(path.join(candidate, 'package.json'))) return fs.realpathSync(candidate)
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

function readPackageName(dir: string): string | undefined {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      name?: unknown
    }
    return typeof json.name === 'string' ? json.name : undefined
  } catch {
    return undefined
  }
}

/**
 * Resolves a theme by name: first from the deck's folder (a project's own
 * themes), then from the CLI's dependencies. A name starting with `.` or `/`
 * is a theme folder relative to the deck. Unknown themes are a {@link CliError}.
 */
export function resolveTheme(name: string, deckDir: string, origin = '--theme'): ResolvedTheme {
  const trimmed = name.trim()
  if (trimmed === '') throw new CliError(`invalid theme name "" (${origin})`)
  if (trimmed.startsWith('.') || path.isAbsolute(trimmed)) {
    const dir = path.resolve(deckDir, trimmed)
    if (!fs.existsSync(path.join(dir, 'package.json'))) {
      throw new CliError(`unknown theme "${trimmed}" (${origin}): no package.json in ${dir}`)
    }
    const real = fs.realpathSync(dir)
    return {
      requested: trimmed,
      packageName: readPackageName(real) ?? trimmed,
      dir: real,
      from: 'project',
    }
  }
  const candidates = themeCandidates(trimmed)
  for (const [from, start] of [
    ['project', deckDir],
    ['slidemark', cliDir],
  ] as const) {
    for (const packageName of candidates) {
      const dir = findPackageDir(packageName, start)
      if (dir) return { requested: trimmed, packageName, dir, from }
    }
  }
  const tried = candidates.join(', ')
  throw new CliError(
    `unknown theme "${trimmed}" (${origin}): none of ${tried} is installed in the deck's project or with slidemark`,
  )
}

/** The theme name to use: `--theme`, else the front matter's `theme:`, else the default. */
export function chooseTheme(
  flag: string | undefined,
  metaTheme: unknown,
  displayPath: string,
): { name: string; origin: string } {
  if (flag !== undefined) return { name: String(flag), origin: '--theme' }
  if (metaTheme === undefined || metaTheme === null)
    return { name: DEFAULT_THEME, origin: 'default' }
  if (typeof metaTheme !== 'string') {
    throw new CliError(
      `${displayPath}: invalid front matter: theme must be a package name (a string)`,
    )
  }
  return { name: metaTheme, origin: `theme: in ${displayPath}` }
}

/**
 * The deck's theme: `--theme` must exist (a typo there is a usage error),
 * but an unknown front matter `theme:` (a Slidev or Marp theme, say) is a
 * warning at its line and the default theme is used: a deck always builds.
 */
export function resolveDeckTheme(
  flag: string | undefined,
  deck: { meta: { theme?: unknown }; source: string; displayPath: string; dir: string },
  warn: (message: DeckMessage) => void,
): ResolvedTheme {
  const { name, origin } = chooseTheme(flag, deck.meta.theme, deck.displayPath)
  if (origin !== `theme: in ${deck.displayPath}`) return resolveTheme(name, deck.dir, origin)
  try {
    return resolveTheme(name, deck.dir, origin)
  } catch (error) {
    if (!(error instanceof CliError)) throw error
    warn({
      reason: `unknown theme "${name}": none of ${themeCandidates(name).join(', ')} is installed; using ${DEFAULT_THEME}`,
      file: deck.displayPath,
      line: frontMatterLine(deck.source, 'theme'),
      column: 1,
      severity: 'warning',
      ruleId: 'unknown-theme',
      source: 'slidemark',
    })
    return resolveTheme(DEFAULT_THEME, deck.dir, 'default')
  }
}

/** 1-based line of `key:` in the deck's front matter (1 when not found). */
function frontMatterLine(source: string, key: string): number {
  return frontMatterEntry(source, key)?.line ?? 1
}

/** The `key:` line of the deck's front matter, read without YAML: its 1-based line and its text after the colon. */
function frontMatterEntry(source: string, key: string): { line: number; text: string } | undefined {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/)
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return undefined
  const pattern = new RegExp(`^["']?${key}["']?[ \\t]*:(.*)$`)
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? ''
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) break
    const found = pattern.exec(line)
    if (found) return { line: index + 1, text: found[1] ?? '' }
  }
  return undefined
}

/**
 * The theme a deck will most likely get, known before it compiles:
 * `--theme`, else its front matter's `theme:` line read as a plain value,
 * else the default; `undefined` when that theme is not installed. Only a
 * guess, silent: the compiled deck's `meta` decides (`resolveDeckTheme`).
 * `slidemark build` starts Vite with it while the deck compiles.
 */
export function likelyTheme(
  flag: string | undefined,
  deck: { source: string; dir: string },
): ResolvedTheme | undefined {
  const text = frontMatterEntry(deck.source, 'theme')
    ?.text.replace(/\s+#.*$/, '')
    .trim()
    .replace(/^(["'])(.*)\1$/, '$2')
  try {
    return resolveTheme(flag ?? (text || DEFAULT_THEME), deck.dir)
  } catch {
    return undefined
  }
}
