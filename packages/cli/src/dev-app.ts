import fs from 'node:fs'
import path from 'node:path'
import type { Connect } from 'vite'
import { appDirFor, type StaticApp } from './static-app.js'

/**
 * The dev server's page loads a bundled theme's prebuilt app (static-app.ts:
 * the runtime and the theme in one minified module and one stylesheet)
 * as plain files, instead of Vite transforming the theme, the runtime and
 * its thirty-odd modules one request at a time. The deck module still goes
 * through Vite: its hot updates reach the page as before, through the
 * slides array's handle (the runtime's `HOT_UPDATES`), which the prebuilt
 * runtime follows like any other.
 */

/** Where the apps' files are served: `/@slidemark/apps/<theme package, / as +>/<file>`. */
export const APPS_URL = '/@slidemark/apps/'

/** An app's files as the page refers to them. */
export interface ServedApp {
  /** The module exporting `mount` (and `start`). */
  entry: string
  /** The stylesheets the page links. */
  css: string[]
}

/** The apps whose URLs a page was given, by URL prefix: only their listed files are served. */
export type ServedApps = Map<string, { dir: string; files: ReadonlySet<string> }>

/** The URLs of `app` (the prebuilt app of theme `packageName`), registered in `served`. */
export function serveApp(served: ServedApps, packageName: string, app: StaticApp): ServedApp {
  const dir = appDirFor(packageName)
  const prefix = `${APPS_URL}${path.basename(dir)}/`
  served.set(prefix, { dir, files: new Set(app.files) })
  return { entry: prefix + app.entry, css: app.css.map((file) => prefix + file) }
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/** The file a URL under {@link APPS_URL} names, if it is one of a registered app's files. */
function appFile(served: ServedApps, url: string): string | undefined {
  const pathname = url.split('?')[0] as string
  if (!pathname.startsWith(APPS_URL)) return undefined
  const slash = pathname.indexOf('/', APPS_URL.length)
  if (slash === -1) return undefined
  const app = served.get(pathname.slice(0, slash + 1))
  const file = pathname.slice(slash + 1)
  return app?.files.has(file) ? path.join(app.dir, file) : undefined
}

/** The text of the app file `id` names, for Vite's pipeline; `null` (not ours) otherwise. */
export function appFileCode(served: ServedApps, id: string): string | null {
  const file = appFile(served, id)
  return file === undefined ? null : fs.readFileSync(file, 'utf8')
}

/** Sends a registered app's file (its name carries its content hash: cached for good); else next. */
export function appFilesMiddleware(served: ServedApps): Connect.NextHandleFunction {
  return (req, res, next) => {
    const file = appFile(served, req.url ?? '/')
    if (file === undefined) return next()
    fs.readFile(file, (error, body) => {
      if (error) return next(error)
      res.statusCode = 200
      res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream')
      res.setHeader('Cache-Control', 'max-age=31536000, immutable')
      res.end(body)
    })
  }
}
