import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Slide } from '@slidemark/core'
import { build } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { type Options, slidemark } from '../src/index.js'
import { copyFixture, importSsrBuild, noisePng } from './helpers.js'

const made: string[] = []
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true })
})

/**
 * An app whose deck sits in `src/`, and beside the app (outside its root) a
 * secret text file and an image: what a deck must not pull into a build.
 */
function app(deck: string | ((outside: string) => string)): { root: string; outside: string } {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'slidemark-outside-'))
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'AKIA-SECRET-TOKEN-4242\n')
  fs.writeFileSync(path.join(outside, 'photo.png'), noisePng(8))
  const root = copyFixture('vanilla-app')
  made.push(root, outside)
  const text = typeof deck === 'string' ? deck : deck(`../../${path.basename(outside)}`)
  fs.writeFileSync(path.join(root, 'src', 'talk.slides.md'), text)
  return { root, outside }
}

let outputs = 0
async function buildDeck(root: string, options: Options = {}) {
  const outDir = `dist-${outputs++}`
  await build({
    root,
    logLevel: 'silent',
    configFile: false,
    plugins: [slidemark({ cacheDir: false, ...options })],
    build: { ssr: 'src/talk.slides.md', outDir },
  })
  return {
    outDir: path.join(root, outDir),
    deck: await importSsrBuild<{ default: Slide[] }>(path.join(root, outDir)),
  }
}

async function buildError(root: string, options: Options = {}) {
  try {
    await buildDeck(root, options)
  } catch (error) {
    return error as Error
  }
  throw new Error('the build succeeded')
}

/** Every file a build wrote, as one string. */
function everything(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'latin1'))
    .join('\n')
}

describe('a deck reads files only inside its root', () => {
  it('an asset URL with ?raw is an error at its place, and the file is not read', async () => {
    const { root, outside } = app((dir) => `# Leak\n\nA log:\n\n![log](${dir}/secret.txt?raw)\n`)
    const error = await buildError(root)
    expect(error.message).toContain(
      `src/talk.slides.md:5:1: "../../${path.basename(outside)}/secret.txt?raw": an image or media URL cannot have a query (?raw); use the file's path alone [asset-query]`,
    )
  })

  it('?url, ?inline and ?worker are refused too, in raw HTML as in Markdown, each listed', async () => {
    const { root } = app(
      [
        '# Queries',
        '',
        '![chart](./img/photo.png?url)',
        '',
        '<video poster="./img/photo.png?inline" src="./clip.mp4?worker"></video>',
        '',
      ].join('\n'),
    )
    const error = await buildError(root)
    expect(error.message).toContain('src/talk.slides.md:3:1: "./img/photo.png?url"')
    expect(error.message).toContain('also: src/talk.slides.md:5:1: "./img/photo.png?inline"')
    expect(error.message).toContain('also: src/talk.slides.md:5:1: "./clip.mp4?worker"')
  })

  it('an image outside the root is an error naming the file, in Markdown and in <img src>', async () => {
    const { root, outside } = app(
      (dir) => `# Outside\n\nText first.\n\n<img alt="x" src="${dir}/photo.png">\n`,
    )
    const error = await buildError(root)
    expect(error.message).toMatch(
      /src\/talk\.slides\.md:5:1: ".*photo\.png" is outside the deck's root .* \[asset-outside-root\]/,
    )
    expect(error.message).toContain(fs.realpathSync(path.join(outside, 'photo.png')))
  })

  it('a symbolic link inside the root whose target is outside is an error', async () => {
    const { root, outside } = app('# Linked\n\n![photo](./img/linked.png)\n')
    fs.symlinkSync(path.join(outside, 'photo.png'), path.join(root, 'src', 'img', 'linked.png'))
    const error = await buildError(root)
    expect(error.message).toContain(
      'src/talk.slides.md:3:1: "./img/linked.png" is outside the deck\'s root',
    )
    expect(error.message).toContain('[asset-outside-root]')
  })

  it('a symbolic link whose target is inside the root is fine', async () => {
    const { root } = app('# Linked\n\n![photo](./img/again.png)\n')
    fs.symlinkSync('photo.png', path.join(root, 'src', 'img', 'again.png'))
    const { deck } = await buildDeck(root)
    expect(deck.default[0]?.content).toContain('<img')
  })

  it('the root option widens what a deck may read; nothing else leaks', async () => {
    const { root } = app((dir) => `# Shared\n\n![photo](${dir}/photo.png)\n`)
    const { deck, outDir } = await buildDeck(root, { root: '..' })
    expect(deck.default[0]?.content).toMatch(/<img src="(data:image\/png|\/assets\/)/)
    expect(everything(outDir)).not.toContain('AKIA-SECRET-TOKEN')
  })
})

describe('raw HTML links are checked like images, never imported', () => {
  it('a link out of the root, a Vite query on a link and a file: URL are errors at their places', async () => {
    const { root, outside } = app((dir) =>
      [
        '# Further reading',
        '',
        `See <a href="${dir}/secret.txt">the notes</a> for more.`,
        '',
        '<link rel="stylesheet" href="./print.css?raw">',
        '',
        '<iframe src="file:///etc/passwd"></iframe>',
        '',
      ].join('\n'),
    )
    const error = await buildError(root)
    expect(error.message).toContain(
      `src/talk.slides.md:3:5: "../../${path.basename(outside)}/secret.txt" is outside the deck's root`,
    )
    expect(error.message).toContain(
      'also: src/talk.slides.md:5:1: "./print.css?raw": a link cannot have a query (?raw); use the file\'s path alone [asset-query]',
    )
    expect(error.message).toContain(
      'also: src/talk.slides.md:7:1: "file:///etc/passwd": a deck cannot use file: URLs',
    )
    expect(error.message).toContain('[asset-file-url]')
  })

  it('a file: image in Markdown is refused too', async () => {
    const { root } = app('# Disk\n\n![home](file:///home/me/photo.png)\n')
    const error = await buildError(root)
    expect(error.message).toContain('src/talk.slides.md:3:1: "file:///home/me/photo.png"')
    expect(error.message).toContain('[asset-file-url]')
  })

  it('links inside the root build unchanged: not imported, a missing page or a ?page query is fine', async () => {
    const { root } = app(
      [
        '# Handouts',
        '',
        '<a href="handouts/day-1.pdf">day 1</a> · <iframe src="demo/index.html?step=2"></iframe>',
        '',
        'And a [Markdown link](../../elsewhere/page.html) is not checked.',
        '',
      ].join('\n'),
    )
    const { deck, outDir } = await buildDeck(root)
    const content = deck.default[0]?.content ?? ''
    expect(content).toContain('<a href="handouts/day-1.pdf">')
    expect(content).toContain('<iframe src="demo/index.html?step=2">')
    expect(content).toContain('<a href="../../elsewhere/page.html">')
    expect(fs.readdirSync(outDir, { recursive: true }).join('\n')).not.toMatch(/day-1|demo/)
  })
})
