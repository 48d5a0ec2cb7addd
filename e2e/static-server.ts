import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

/** URL prefix (ending in `/`) → folder it serves. */
export type Mounts = Record<string, string>

/**
 * A plain static file server, the kind a deck gets deployed to: no SPA
 * fallback, no rewriting, 404 for anything missing. Listens on 127.0.0.1 on a
 * free port.
 */
export async function serveStatic(mounts: Mounts): Promise<{ url: string; server: Server }> {
  const folders = Object.fromEntries(
    Object.entries(mounts).map(([prefix, folder]) => [prefix, resolve(folder)]),
  )
  const prefixes = Object.keys(folders).sort((a, b) => b.length - a.length)
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    const prefix = prefixes.find((candidate) => path.startsWith(candidate))
    const folder = prefix === undefined ? undefined : folders[prefix]
    if (prefix === undefined || folder === undefined) {
      response.writeHead(404).end()
      return
    }
    let file = normalize(join(folder, path.slice(prefix.length)))
    if (!file.startsWith(folder + sep) && file !== folder) {
      response.writeHead(403).end()
      return
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!existsSync(file)) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    })
    createReadStream(file).pipe(response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, server }
}
