import fs from 'node:fs'
import path from 'node:path'
import type { Deck } from '@slidemark/core'
import { isInside, realPath } from '@slidemark/vite-plugin/paths'
import { describeWriteError } from './atomic.js'
import { displayPathOf } from './deck.js'
import { CliError, UsageError } from './errors.js'
import { version } from './program.js'

/**
 * What the CLI may replace. An output folder (`build --out`, `export --png`)
 * may be missing, empty, or one Slidemark wrote before: it holds the manifest
 * below and nothing the manifest does not list. An output file (`--pdf`,
 * `--single-file`) may be missing or a file Slidemark wrote before (an HTML
 * file with Slidemark's generator tag, a PDF whose last `/Creator` is
 * Slidemark). Anything else needs `--overwrite`. An input (the deck, its
 * images) and a folder holding the deck or the working folder are never
 * replaced, whatever the flags. Every check runs before any work.
 */

/** The manifest in every folder Slidemark writes: `{ generator, version, files }`. */
export const MANIFEST_FILE = '.slidemark-output.json'
/** The flag that consents to replacing what Slidemark did not write. */
export const OVERWRITE_FLAG = '--overwrite'
/** The `/Creator` Slidemark writes into a PDF's document information. */
export const PDF_CREATOR = 'slidemark'

export interface OutputCheck {
  /** The option naming the output, for messages: `--out`, `--png`, `--pdf`. */
  option: string
  /** The working folder: never replaced, and paths are shown relative to it. */
  cwd: string
  /** The deck file; its folder is never replaced and the file never overwritten. */
  deck: string
  /** Other files the command reads (the deck's images); never overwritten. */
  inputs?: readonly string[]
  /** `--overwrite`: replace a folder or file Slidemark did not write. */
  overwrite: boolean
}

interface Manifest {
  generator: 'slidemark'
  version: string
  /** Every file written, relative to the folder, with `/`. */
  files: string[]
}

/** Same file: same real path, or a hard link to it. */
function sameFile(a: string, b: string): boolean {
  if (realPath(a) === realPath(b)) return true
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)]
    return x.dev === y.dev && x.ino === y.ino
  } catch {
    return false
  }
}

function readManifest(dir: string): Manifest | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as Manifest
    const valid =
      value?.generator === 'slidemark' &&
      Array.isArray(value.files) &&
      value.files.every((file) => typeof file === 'string')
    return valid ? value : undefined
  } catch {
    return undefined
  }
}

/** Regular files under `dir`, relative with `/`; symlinks and other entries are listed as they are. */
function listEntries(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join('/'))
    .sort()
}

/** Entries of `dir` Slidemark did not write; at most `limit` of them. */
function foreignEntries(dir: string, limit = 4): string[] {
  const manifest = readManifest(dir)
  // Without a manifest nothing in the folder is ours: name a few top-level entries, read no further.
  if (!manifest) return fs.readdirSync(dir).sort().slice(0, limit)
  const ours = new Set([MANIFEST_FILE, ...manifest.files])
  const foreign: string[] = []
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const relative = path
      .relative(dir, path.join(entry.parentPath, entry.name))
      .split(path.sep)
      .join('/')
    if (entry.isDirectory() || (entry.isFile() && ours.has(relative))) continue
    foreign.push(relative)
    if (foreign.length >= limit) break
  }
  return foreign.sort()
}

function listed(names: string[]): string {
  const shown = names.slice(0, 3).join(', ')
  return names.length > 3 ? `${shown}, …` : shown
}

/**
 * Checks that `target` may be replaced as a whole by a folder Slidemark
 * writes; throws a {@link CliError} naming the folder and the way on.
 */
export function checkOutputDir(target: string, check: OutputCheck): void {
  const shown = displayPathOf(target, check.cwd)
  const real = realPath(target)
  const protectedDirs = [
    [check.cwd, 'the working folder'],
    [path.dirname(check.deck), "the deck's folder"],
  ] as const
  for (const [dir, what] of protectedDirs) {
    if (isInside(realPath(dir), real)) {
      throw new CliError(
        `refusing to replace ${shown}: it is or contains ${what}; choose another ${check.option}`,
      )
    }
  }
  const input = check.inputs?.find((file) => isInside(realPath(file), real))
  if (input) {
    throw new CliError(
      `refusing to replace ${shown}: it holds ${displayPathOf(input, check.cwd)}, which the deck uses; choose another ${check.option}`,
    )
  }
  let stat: fs.Stats
  try {
    stat = fs.lstatSync(target)
  } catch {
    return // a new folder
  }
  if (!stat.isDirectory()) {
    const what = stat.isSymbolicLink() ? 'a symbolic link' : 'a file'
    throw new CliError(`cannot write ${shown}: it is ${what}, not a folder`)
  }
  if (check.overwrite) return
  const foreign = foreignEntries(target)
  if (foreign.length === 0) return
  throw new CliError(
    `refusing to replace ${shown}: it holds files Slidemark did not write (${listed(foreign)}); ` +
      `choose a new or empty ${check.option} folder, or add ${OVERWRITE_FLAG} to replace it`,
  )
}

/**
 * Checks that `target` may be written as one file: never an input, and when
 * it exists, a file `isOurs` recognizes or `--overwrite` given.
 */
export function checkOutputFile(
  target: string,
  check: OutputCheck,
  isOurs: (file: string) => boolean,
): void {
  const shown = displayPathOf(target, check.cwd)
  if (sameFile(target, check.deck)) {
    throw new CliError(
      `refusing to overwrite ${shown}: it is the deck; choose another ${check.option}`,
    )
  }
  const input = check.inputs?.find((file) => sameFile(target, file))
  if (input) {
    throw new CliError(
      `refusing to overwrite ${shown}: the deck uses it; choose another ${check.option}`,
    )
  }
  let stat: fs.Stats
  try {
    stat = fs.statSync(target)
  } catch {
    return // a new file (or a dangling link, which the rename replaces)
  }
  if (stat.isDirectory()) throw new CliError(`cannot write ${shown}: it is a folder`)
  if (check.overwrite || isOurs(target)) return
  throw new CliError(
    `refusing to overwrite ${shown}: Slidemark did not write it; ` +
      `choose another ${check.option}, or add ${OVERWRITE_FLAG} to replace it`,
  )
}

/** Writes the manifest listing every file now in `dir` (call it last, in the staged folder). */
export function writeManifest(dir: string, target?: string): void {
  const files = listEntries(dir).filter((file) => file !== MANIFEST_FILE)
  const manifest: Manifest = { generator: 'slidemark', version: version(), files }
  try {
    fs.writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
  } catch (error) {
    throw describeWriteError(error, target ?? dir)
  }
}

function readPart(file: string, at: 'start' | 'end', bytes: number): string {
  const fd = fs.openSync(file, 'r')
  try {
    const size = fs.fstatSync(fd).size
    const length = Math.min(bytes, size)
    const buffer = Buffer.alloc(length)
    fs.readSync(fd, buffer, 0, length, at === 'start' ? 0 : size - length)
    return buffer.toString('latin1')
  } finally {
    fs.closeSync(fd)
  }
}

/** An HTML file Slidemark built: it carries `<meta name="generator" content="slidemark">` in its head. */
export function isSlidemarkHtml(file: string): boolean {
  try {
    return /<meta name="generator" content="slidemark"\s*\/?>/.test(readPart(file, 'start', 4096))
  } catch {
    return false
  }
}

/** A PDF Slidemark exported: its last document information says `/Creator (slidemark…)`. */
export function isSlidemarkPdf(file: string): boolean {
  try {
    return (
      readPart(file, 'start', 5) === '%PDF-' &&
      readPart(file, 'end', 1024).includes(`/Creator (${PDF_CREATOR}`)
    )
  } catch {
    return false
  }
}

/** A PDF literal or hex string value, e.g. `(Tide \(tables\))` or `<FEFF0054>`. */
const PDF_STRING = String.raw`(?:\((?:\\[\s\S]|[^\\)])*\)|<[0-9A-Fa-f\s]*>)`

/**
 * Marks a PDF as Slidemark's: an incremental update (appended, as PDF editors
 * save) redefines the document information with `/Creator (slidemark <version>)`
 * and keeps its other entries (title, dates). A PDF without a classic
 * cross-reference table is returned unchanged.
 */
export function markPdf(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1')
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]
  const trailer = text.slice(text.lastIndexOf('trailer'))
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1]
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1])
  if (!prev || !root || !Number.isInteger(size) || !trailer.startsWith('trailer')) return pdf
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer)
  const [number, generation] = info ? [Number(info[1]), Number(info[2])] : [size, 0]
  let entries = ''
  if (info) {
    const object = new RegExp(
      String.raw`(?:^|\s)${number}\s+${generation}\s+obj\s*<<([\s\S]*?)>>\s*endobj`,
    )
    entries = (object.exec(text)?.[1] ?? '')
      .replace(new RegExp(String.raw`/Creator\s*${PDF_STRING}`), '')
      .trim()
  }
  const id = /\/ID\s*\[[^\]]*\]/.exec(trailer)?.[0]
  const start = pdf.length + (text.endsWith('\n') ? 0 : 1)
  const object = `${number} ${generation} obj\n<<${entries ? `${entries}\n` : ''}/Creator (${PDF_CREATOR} ${version()})>>\nendobj\n`
  const xrefAt = start + object.length
  const entry = `${String(start).padStart(10, '0')} ${String(generation).padStart(5, '0')} n \n`
  const update =
    `${text.endsWith('\n') ? '' : '\n'}${object}xref\n${number} 1\n${entry}` +
    `trailer\n<</Size ${Math.max(size, number + 1)} /Root ${root} /Info ${number} ${generation} R${id ? ` ${id}` : ''} /Prev ${prev}>>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')])
}

/** The files a compiled deck reads: the deck and every relative image or media file it uses. */
export function deckInputs(deck: { path: string; dir: string; deck: Deck }): string[] {
  const files = new Set([deck.path])
  for (const slide of deck.deck.slides) {
    for (const { url } of slide.assets) {
      const pathname = url.replace(/[?#].*$/s, '')
      let decoded = pathname
      try {
        decoded = decodeURIComponent(pathname)
      } catch {}
      files.add(path.resolve(deck.dir, decoded))
    }
  }
  return [...files]
}

/**
 * Resolves `--root` against `cwd` (default: the deck's folder); the deck must
 * be inside it.
 */
export function resolveRoot(root: string | undefined, deck: string, cwd: string): string {
  if (root === undefined) return path.dirname(deck)
  const resolved = path.resolve(cwd, root)
  const relative = path.relative(resolved, deck)
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UsageError(`--root ${root} must contain the deck`)
  }
  return resolved
}
