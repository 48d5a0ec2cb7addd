import { parseHash } from '@slidemark/runtime'
import { CHUNK_ID } from './chunks.js'

/**
 * A built page of a chunked deck fetches the chunk holding the slide its URL
 * opens on (`#slide450`, or the first slide) at once, in parallel with its
 * entry script, instead of once the entry has run and the runtime has read
 * the hash: a small inline script in the page's `<head>` reads the hash with
 * the runtime's own `parseHash` (its source is written into the page) and
 * adds a `<link rel="modulepreload">` for that chunk, which the deck's
 * `import()` of it then finds fetched and compiled.
 */

/** What the plugin knows of a chunked deck: the first slide of each chunk. */
export interface ChunkedDeck {
  /** Normalized path of the deck file (the module id without its query). */
  file: string
  starts: readonly number[]
}

/** The fields of Rolldown's output chunks this module reads. */
export interface BuiltChunk {
  type: 'chunk'
  fileName: string
  facadeModuleId: string | null
  moduleIds: readonly string[]
  imports: readonly string[]
}

/** Rolldown's output bundle, as far as this module reads it. */
export type Bundle = Record<string, BuiltChunk | { type: 'asset' }>

/**
 * The slide chunk holding slide `slide` (0-based), given the first slide of
 * each chunk: the last chunk starting at or before it. Self-contained: its
 * source is written into the page.
 */
export function chunkOfSlide(starts: readonly number[], slide: number): number {
  let chunk = 0
  while (chunk + 1 < starts.length && (starts[chunk + 1] as number) <= slide) chunk++
  return chunk
}

/**
 * The page script that preloads the chunk of the hash's slide, from `urls`
 * (one per chunk, as the page refers to them). A hash the runtime does not
 * read opens on the first slide, so it preloads the first chunk.
 */
export function preloadScript(starts: readonly number[], urls: readonly string[]): string {
  return [
    `(function(parseHash,chunkOfSlide,starts,urls){`,
    'try{var at=parseHash(location.hash);',
    'var link=document.createElement("link");link.rel="modulepreload";link.crossOrigin="";',
    'link.href=urls[chunkOfSlide(starts,at?at.slide:0)];document.head.appendChild(link)}',
    // A page that cannot preload still works: the deck imports the chunk itself.
    'catch(error){}',
    `})(${compact(parseHash)},${compact(chunkOfSlide)},${JSON.stringify(starts)},${scriptJson(urls)})`,
  ].join('')
}

/** A function's source without its whole-line comments and indentation (a page carries it). */
function compact(code: (...args: never[]) => unknown): string {
  return String(code)
    .replace(/^\s*\/\/.*\n/gm, '')
    .replace(/\n\s*/g, '\n')
}

/** JSON safe inside `<script>`: no `</script>` or `<!--` can end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c')
}

/**
 * `html` (a built page whose entry chunk is `entry`) with a preload script
 * for each chunked deck its entry loads without a dynamic import, placed
 * before the page's stylesheets (a script waits for the stylesheets above
 * it) and after its `<meta charset>`. Unchanged when no such deck is in the
 * page, when its chunks are not files of their own (a single-file build
 * inlines them), or when the entry's `<script src>` is not in the page.
 */
export function withChunkPreload(
  html: string,
  entry: BuiltChunk,
  bundle: Bundle,
  decks: readonly ChunkedDeck[],
): string {
  const prefix = urlPrefix(html, entry.fileName)
  if (prefix === undefined) return html
  const modules = staticModules(entry, bundle)
  const scripts = decks.flatMap((deck) => {
    if (!modules.has(deck.file)) return []
    const files = chunkFiles(deck, bundle)
    return files
      ? [
          preloadScript(
            deck.starts,
            files.map((file) => prefix + file),
          ),
        ]
      : []
  })
  if (scripts.length === 0) return html
  const tag = `<script>${scripts.join(';')}</script>`
  const charset = /<meta\s[^>]*charset[^>]*>/i.exec(html)
  if (charset) {
    const at = charset.index + charset[0].length
    return `${html.slice(0, at)}\n    ${tag}${html.slice(at)}`
  }
  return html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${tag}`)
}

/** How the page refers to a file of the build: the part of the entry's `src` before its file name. */
function urlPrefix(html: string, entryFile: string): string | undefined {
  for (const match of html.matchAll(/<script\b[^>]*\ssrc="([^"]*)"/g)) {
    const src = match[1] as string
    const url = decodeAttribute(src)
    if (url.endsWith(entryFile)) return url.slice(0, url.length - entryFile.length)
  }
  return undefined
}

/** The character references Vite writes in an attribute value, undone. */
function decodeAttribute(value: string): string {
  return value.replace(/&(amp|quot|#39|lt|gt);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'quot' ? '"' : name === '#39' ? "'" : name === 'lt' ? '<' : '>',
  )
}

/** Module ids of `entry` and of the chunks it imports statically, transitively (normalized, without query). */
function staticModules(entry: BuiltChunk, bundle: Bundle): Set<string> {
  const ids = new Set<string>()
  const seen = new Set<string>()
  const visit = (chunk: BuiltChunk) => {
    if (seen.has(chunk.fileName)) return
    seen.add(chunk.fileName)
    for (const id of chunk.moduleIds) ids.add(id)
    for (const file of chunk.imports) {
      const imported = bundle[file]
      if (imported?.type === 'chunk') visit(imported as BuiltChunk)
    }
  }
  visit(entry)
  return ids
}

/** The file of each of `deck`'s chunks, or `undefined` when one is not a chunk of its own. */
function chunkFiles(deck: ChunkedDeck, bundle: Bundle): string[] | undefined {
  const files: Array<string | undefined> = deck.starts.map(() => undefined)
  for (const output of Object.values(bundle)) {
    if (output.type !== 'chunk') continue
    const chunk = output as BuiltChunk
    const [file, query = ''] = (chunk.facadeModuleId ?? '').split('?', 2)
    const number = CHUNK_ID.exec(query)?.[1]
    if (file !== deck.file || number === undefined) continue
    files[Number(number)] = chunk.fileName
  }
  return files.every((file) => file !== undefined) ? (files as string[]) : undefined
}
