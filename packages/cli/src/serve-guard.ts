import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { isInside } from '@slidemark/vite-plugin/paths'
import type { Plugin } from 'vite'

/**
 * What the dev server may send: files inside the allowed folders (the deck's
 * root, the theme and its dependencies), never a dot-file or dot-folder
 * (`.ssh`, `.aws`, `.env`, `.git`) and never a file whose real path, after
 * symbolic links, leaves those folders. Vite's own `server.fs` rules apply
 * too; this check runs first and also covers what Vite would serve as a
 * static file.
 */

/** Folders named with a dot that package managers and Vite keep inside `node_modules`. */
const PACKAGE_DOT_FOLDERS = new Set(['.pnpm', '.vite', '.bin'])

/** Dot-files and secrets Vite itself refuses too (`server.fs.deny`), in Vite's glob syntax. */
export const DENIED_FILES = [
  '.env',
  '.env.*',
  '*.{crt,pem,key}',
  '**/.git/**',
  '**/.ssh/**',
  '**/.aws/**',
  '**/.gnupg/**',
  '**/.config/**',
  '.npmrc',
  '.netrc',
]

function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file)
  } catch {
    return undefined
  }
}

/** A segment starting with `.`, except `node_modules/.pnpm` and the like. */
function hasDotSegment(relative: string): boolean {
  const segments = relative.split(path.sep)
  return segments.some(
    (segment, at) =>
      segment.startsWith('.') &&
      segment !== '.' &&
      !(segments[at - 1] === 'node_modules' && PACKAGE_DOT_FOLDERS.has(segment)),
  )
}

/** The file a request URL names: `/@fs/<absolute>` or a path under `root`; `undefined` for Vite's own URLs. */
export function fileOfUrl(url: string, root: string): string | undefined {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname)
  } catch {
    return path.join(root, '\0') // undecodable: treated as a file nobody may read
  }
  if (pathname.startsWith('/@fs/')) return path.resolve(pathname.slice('/@fs'.length))
  if (pathname.startsWith('/@') || pathname.startsWith('/__')) return undefined
  return path.join(root, pathname)
}

/** Why `file` may not be served, or `undefined` when it may. */
export function refusal(file: string, allowed: readonly string[]): string | undefined {
  const lexical = allowed.filter((dir) => isInside(file, dir))
  const holder = lexical.sort((a, b) => b.length - a.length)[0]
  if (holder && hasDotSegment(path.relative(holder, file))) return 'a dot-file or dot-folder'
  const real = realPath(file)
  if (real === undefined) return holder ? undefined : 'outside the deck’s root'
  const realHolder = allowed
    .map((dir) => realPath(dir) ?? dir)
    .filter((dir) => isInside(real, dir))
    .sort((a, b) => b.length - a.length)[0]
  if (!realHolder) return 'outside the deck’s root'
  if (hasDotSegment(path.relative(realHolder, real))) return 'a dot-file or dot-folder'
  return undefined
}

/**
 * The Vite plugin that answers 403 for anything {@link refusal} refuses; the
 * allowed folders are Vite's `server.fs.allow`, read on every request (a theme
 * switch adds to them).
 */
export function serveGuardPlugin(root: string): Plugin {
  return {
    name: 'slidemark:serve-guard',
    enforce: 'pre',
    configureServer(server) {
      server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
        const file = fileOfUrl(req.url ?? '/', root)
        const allowed = server.config.server.fs.allow.map((dir) => path.resolve(dir))
        const reason = file === undefined ? undefined : refusal(file, allowed)
        if (!reason) return next()
        res.statusCode = 403
        res.setHeader('Content-Type', 'text/plain; charset=utf-8')
        res.end(`403: slidemark does not serve ${reason}\n`)
      })
    },
  }
}
