import fs from 'node:fs'
import path from 'node:path'
import type { AssetReference, Slide } from '@slidemark/core'

/** A relative media URL of the deck that exists on disk and becomes an import. */
export interface DeckAsset {
  /** The URL exactly as the deck's HTML uses it, e.g. `img/diagram.png#part`. */
  url: string
  /** The import specifier Vite resolves from the deck, e.g. `./img/diagram.png`. */
  specifier: string
  /** A `#fragment` kept after the imported URL (SVG sprites), or `''`. */
  hash: string
}

/** A relative media URL whose file is not there. */
export interface MissingAsset {
  reference: AssetReference
  /** The absolute path that was looked up. */
  file: string
}

/** A URL the deck may not use: it has a `?query`, leaves the root, or is a `file:` URL. */
export interface RefusedAsset {
  reference: AssetReference
  /**
   * `query`: `?raw`, `?url`, `?inline`… would change what is imported (for a
   * raw-HTML link, only those Vite queries); `outside`: the file (or a
   * symbolic link's target) is outside the root; `file-url`: a `file:` URL,
   * which reads the viewer's disk.
   */
  reason: 'query' | 'outside' | 'file-url'
  /** The absolute path looked up (for `outside`, the real path when it exists; for `file-url`, the URL). */
  file: string
}

export interface DeckAssets {
  /** One entry per distinct URL, in order of first use. */
  found: DeckAsset[]
  /** Every use of a URL whose file is missing, in deck order. */
  missing: MissingAsset[]
  /** Every use of a URL the deck may not use, in deck order. */
  refused: RefusedAsset[]
}

/** Queries that make Vite serve or import a file as something else (its text, its bytes, a worker). */
const VITE_QUERY = /[?&](?:raw|url|inline|worker|sharedworker|import)(?:[=&]|$)/

/** `file:///etc/passwd`. */
const FILE_URL = /^\s*file:/i

/** `child` is `parent` or inside it. */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/** The path with every symbolic link resolved, in the part of it that exists. */
export function realPath(file: string): string {
  const missing: string[] = []
  let existing = path.resolve(file)
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...missing.reverse())
    } catch {
      const parent = path.dirname(existing)
      if (parent === existing) return path.resolve(file)
      missing.push(path.basename(existing))
      existing = parent
    }
  }
}

/**
 * Resolves every `slide.assets` URL against the deck's directory. Found files
 * become imports, so Vite serves them in dev, and hashes, emits or inlines
 * them in a build, exactly like `import url from './a.png'`. A deck reads
 * files only inside `root`: a URL with a query, or whose file (after
 * symbolic links) is outside `root`, is refused, and so is any `file:` URL.
 * Raw-HTML links (`link: true`) are checked the same way (only Vite's own
 * queries are refused) and never imported.
 */
export function resolveDeckAssets(
  slides: readonly Slide[],
  deckFile: string,
  root: string,
): DeckAssets {
  const found = new Map<string, DeckAsset>()
  const missing: MissingAsset[] = []
  const refused: RefusedAsset[] = []
  const directory = path.dirname(deckFile)
  const realRoot = realPath(root)
  for (const slide of slides) {
    for (const reference of slide.assets) {
      if (found.has(reference.url)) continue
      if (FILE_URL.test(reference.url)) {
        refused.push({ reference, reason: 'file-url', file: reference.url })
        continue
      }
      const { pathname, query, hash } = splitUrl(reference.url)
      const file = path.resolve(directory, decodePath(pathname))
      if (reference.link ? VITE_QUERY.test(query) : query !== '') {
        refused.push({ reference, reason: 'query', file })
        continue
      }
      const real = realPath(file)
      if (!isInside(real, realRoot)) {
        refused.push({ reference, reason: 'outside', file: real })
        continue
      }
      // A link is followed by the browser, not imported: whether its page exists is not ours to say.
      if (reference.link) continue
      if (!isFile(file)) {
        missing.push({ reference, file })
        continue
      }
      found.set(reference.url, {
        url: reference.url,
        specifier: toRelativeSpecifier(pathname),
        hash,
      })
    }
  }
  return { found: [...found.values()], missing, refused }
}

function splitUrl(url: string): { pathname: string; query: string; hash: string } {
  const hashAt = url.indexOf('#')
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt)
  const hash = hashAt === -1 ? '' : url.slice(hashAt)
  const queryAt = beforeHash.indexOf('?')
  return queryAt === -1
    ? { pathname: beforeHash, query: '', hash }
    : { pathname: beforeHash.slice(0, queryAt), query: beforeHash.slice(queryAt), hash }
}

/** Markdown percent-encodes URLs (`my%20photo.png`); the file name is decoded. */
function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return pathname
  }
}

/** `img/a.png` would be a bare (package) import; imports need `./img/a.png`. */
function toRelativeSpecifier(pathname: string): string {
  const decoded = decodePath(pathname)
  return decoded.startsWith('./') || decoded.startsWith('../') ? decoded : `./${decoded}`
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}
