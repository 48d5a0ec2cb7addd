import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import zlib from 'node:zlib'

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))
/** Inside the package, so bare imports (`react`) resolve from its node_modules. */
const runs = fileURLToPath(new URL('./.runs/', import.meta.url))

/**
 * Copies `test/fixtures/<name>` to a fresh temporary directory (tests edit
 * and build there, never in the fixture) and adds a noise PNG of
 * `photoSize`×`photoSize` pixels at `src/img/photo.png`: noise does not
 * compress, so the file is larger than Vite's 4 KiB inline limit. Apps that
 * import packages are copied to the git-ignored `test/.runs/` instead of the
 * system temporary directory, so their imports resolve.
 */
export function copyFixture(name: string, { photoSize = 48, needsPackages = false } = {}): string {
  const parent = needsPackages ? runs : os.tmpdir()
  fs.mkdirSync(parent, { recursive: true })
  const root = fs.mkdtempSync(path.join(parent, `slidemark-${name}-`))
  // The fixture's tsconfig.json (for `pnpm typecheck`) extends a repository path.
  const copied = (file: string) => path.basename(file) !== 'tsconfig.json'
  fs.cpSync(path.join(fixtures, name), root, { recursive: true, filter: copied })
  const photo = path.join(root, 'src/img/photo.png')
  fs.mkdirSync(path.dirname(photo), { recursive: true })
  fs.writeFileSync(photo, noisePng(photoSize))
  return root
}

/** A valid RGB PNG of deterministic noise, built byte by byte. */
export function noisePng(size: number): Buffer {
  let seed = 2463534242
  const random = () => {
    // xorshift32: deterministic, and noisy enough that deflate cannot shrink it
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    return (seed >>> 0) & 0xff
  }
  const rows: number[] = []
  for (let y = 0; y < size; y++) {
    rows.push(0) // filter type: none
    for (let x = 0; x < size * 3; x++) rows.push(random())
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit, truecolour, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(body))
  return Buffer.concat([length, body, crc])
}

/** Every file under `directory`, as paths relative to it with `/`. */
export function listFiles(directory: string): string[] {
  return fs
    .readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join('/'))
    .sort()
}

/** The JavaScript files among `files` (paths relative to `directory`), concatenated. */
export function readJs(directory: string, files: readonly string[]): string {
  return files
    .filter((file) => file.endsWith('.js'))
    .map((file) => fs.readFileSync(path.join(directory, file), 'utf8'))
    .join('\n')
}

/** Imports the module an SSR `vite build` wrote to `directory`. */
export async function importSsrBuild<T>(directory: string): Promise<T> {
  const [entry] = listFiles(directory).filter((file) => /\.m?js$/.test(file))
  return import(pathToFileURL(path.join(directory, entry ?? 'missing')).href) as Promise<T>
}
