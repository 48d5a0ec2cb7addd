/**
 * Vite wraps every dynamic import of a client build in its `__vitePreload`
 * helper, which fetches the imported chunk's CSS and static imports alongside
 * it and fires `vite:preloadError` when the load fails: 1.3 KB minified,
 * 0.6 KB gzip of every deck's start-up JS. The runtime's own lazy chunks (the
 * overview and presenter views, diagrams, magic move) and a big deck's slide
 * chunks have no CSS and import only chunks the page has already run, so for
 * them the helper has nothing to fetch, and the runtime reports their failed
 * loads itself. Their calls are unwrapped back to a plain `import()`; when no
 * other call is left in the chunk, the minifier drops the helper.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/** What `renderChunk` knows of a chunk. */
export interface ChunkFacts {
  fileName: string
  imports: readonly string[]
  moduleIds: readonly string[]
}

interface Node {
  type: string
  start: number
  end: number
  [key: string]: unknown
}

const HELPER = '__vitePreload'
/** Vite's placeholder for the list of files to preload, filled in after rendering. */
const MARKER = '__VITE_PRELOAD__'

/**
 * `code` with every `__vitePreload(() => import('./x.js'), __VITE_PRELOAD__)`
 * whose chunks are all `own` (and load nothing the page has not run) turned
 * into `(() => import('./x.js'))()`; `undefined` when nothing changed.
 * A call of any other shape is left alone, so a Vite that renders the helper
 * differently only keeps its helper.
 */
export function unwrapOwnPreloads(
  code: string,
  chunk: ChunkFacts,
  chunks: Readonly<Record<string, ChunkFacts>>,
  own: (moduleId: string) => boolean,
  parse: (code: string) => unknown,
): string | undefined {
  if (!code.includes(MARKER) || !code.includes(HELPER)) return undefined
  const loaded = staticClosure(chunk.fileName, chunks)
  const ownChunk = (specifier: string) => {
    const target = chunks[path.posix.join(path.posix.dirname(chunk.fileName), specifier)]
    return (
      target !== undefined &&
      target.moduleIds.length > 0 &&
      target.moduleIds.every(own) &&
      target.imports.every((file) => loaded.has(file))
    )
  }
  const calls: Node[] = []
  visit(parse(code), (node) => {
    if (!isPreloadCall(node, code)) return true
    const load = (node.arguments as Node[])[0] as Node
    const specifiers = importSpecifiers(load)
    if (specifiers && specifiers.length > 0 && specifiers.every(ownChunk)) calls.push(node)
    return false
  })
  if (calls.length === 0) return undefined
  let out = code
  for (const call of calls.sort((a, b) => b.start - a.start)) {
    const load = (call.arguments as Node[])[0] as Node
    out = `${out.slice(0, call.start)}(${code.slice(load.start, load.end)})()${out.slice(call.end)}`
  }
  return out
}

/** `__vitePreload(() => …, __VITE_PRELOAD__)`, checked against the text too (offsets must be right). */
function isPreloadCall(node: Node, code: string): boolean {
  if (node.type !== 'CallExpression') return false
  const callee = node.callee as Node
  const [load, marker, ...rest] = node.arguments as Node[]
  return (
    callee.type === 'Identifier' &&
    code.slice(callee.start, callee.end) === HELPER &&
    marker?.type === 'Identifier' &&
    code.slice(marker.start, marker.end) === MARKER &&
    rest.length <= 1 &&
    (load?.type === 'ArrowFunctionExpression' || load?.type === 'FunctionExpression') &&
    (load.params as unknown[]).length === 0
  )
}

/** The string specifiers of every `import()` in `node`; `undefined` if one is not a plain string. */
function importSpecifiers(node: Node): string[] | undefined {
  const specifiers: string[] = []
  let plain = true
  visit(node, (inner) => {
    if (inner.type !== 'ImportExpression') return true
    const source = inner.source as Node
    if (source.type === 'Literal' && typeof source.value === 'string') specifiers.push(source.value)
    else plain = false
    return false
  })
  return plain ? specifiers : undefined
}

/** The chunk and every chunk it imports statically, directly or not: what runs before it. */
function staticClosure(fileName: string, chunks: Readonly<Record<string, ChunkFacts>>) {
  const seen = new Set<string>()
  const add = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const next of chunks[file]?.imports ?? []) add(next)
  }
  add(fileName)
  return seen
}

/** Depth-first over an ESTree; `enter` returns false to skip a node's children. */
function visit(root: unknown, enter: (node: Node) => boolean): void {
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const value = stack.pop()
    if (Array.isArray(value)) {
      stack.push(...value)
      continue
    }
    if (typeof value !== 'object' || value === null) continue
    const node = value as Node
    if (typeof node.type === 'string' && !enter(node)) continue
    for (const key in node) {
      if (key !== 'type') stack.push(node[key])
    }
  }
}

/**
 * Modules whose chunks need no preloading: the runtime's compiled JavaScript,
 * a deck's slide chunks (`?slidemark-chunk=`, `?slidemark-rest=`) and
 * Rolldown's own helpers.
 */
export function ownModules(): (moduleId: string) => boolean {
  const runtimeDist = runtimeDistDir()
  return (id) =>
    /[?&]slidemark-(?:chunk|rest)=\d+$/.test(id) ||
    id === '\0rolldown/runtime.js' ||
    (runtimeDist !== undefined && id.startsWith(runtimeDist) && id.endsWith('.js'))
}

/** The real path of `@slidemark/runtime`'s dist folder, with a trailing separator. */
function runtimeDistDir(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve('@slidemark/runtime')
    return `${path.dirname(fs.realpathSync(entry)).replaceAll('\\', '/')}/`
  } catch {
    return undefined
  }
}
