import fs from 'node:fs'
import path from 'node:path'
import type { Connect } from 'vite'
import { beforeAll, describe, expect, it } from 'vitest'
import { appFilesMiddleware, type ServedApps, serveApp } from '../src/dev-app.js'
import { appDirFor, type StaticApp, staticAppFor } from '../src/static-app.js'
import { resolveTheme } from '../src/theme.js'
import { assertBuilt, packageDir } from './helpers.js'

const THEME = '@slidemark/theme-html5-slides'

/** What the middleware did with a GET of `url`: sent a file, or passed it on. */
async function get(
  middleware: Connect.NextHandleFunction,
  url: string,
): Promise<{ passed: true } | { status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {}
    const res = {
      statusCode: 0,
      setHeader: (name: string, value: string) => {
        headers[name.toLowerCase()] = value
      },
      end: (body: Buffer) => resolve({ status: res.statusCode, headers, body }),
    }
    const next = (error?: unknown) => (error ? reject(error) : resolve({ passed: true }))
    middleware({ url } as Connect.IncomingMessage, res as never, next)
  })
}

describe('the prebuilt app in the dev server', () => {
  let app: StaticApp
  beforeAll(() => {
    assertBuilt()
    const found = staticAppFor(resolveTheme('html5-slides', packageDir))
    if (!found) throw new Error(`no prebuilt app for ${THEME}: run pnpm build`)
    app = found
  })

  it('the page gets the URLs of the app’s module and stylesheets, which are sent as they are', async () => {
    const served: ServedApps = new Map()
    const urls = serveApp(served, THEME, app)
    expect(urls.entry).toBe(`/@slidemark/apps/@slidemark+theme-html5-slides/${app.entry}`)
    expect(urls.css).toHaveLength(app.css.length)
    const middleware = appFilesMiddleware(served)
    const sent = await get(middleware, urls.entry)
    expect(sent).toMatchObject({ status: 200, headers: { 'content-type': /^text\/javascript/ } })
    expect('body' in sent && sent.body).toEqual(
      fs.readFileSync(path.join(appDirFor(THEME), app.entry)),
    )
    expect(await get(middleware, `${urls.css[0]}?direct`)).toMatchObject({
      status: 200,
      headers: { 'content-type': /^text\/css/ },
    })
  })

  it('anything else is passed on: the manifest, a path out of the folder, an app the page was not given', async () => {
    const served: ServedApps = new Map()
    serveApp(served, THEME, app)
    const middleware = appFilesMiddleware(served)
    for (const url of [
      '/@slidemark/apps/@slidemark+theme-html5-slides/app.json',
      '/@slidemark/apps/@slidemark+theme-html5-slides/../../../package.json',
      '/@slidemark/apps/@slidemark+theme-html5-slides',
      `/@slidemark/apps/@slidemark+theme-horizon/${app.entry}`,
      '/talk.slides.md',
    ]) {
      expect(await get(middleware, url), url).toEqual({ passed: true })
    }
  })
})
