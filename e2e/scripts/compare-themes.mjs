// Renders docs/horizon-comparison/slides.md with Slidemark's horizon, Marp's
// default theme and Slidev's default theme, and writes one side-by-side image
// per slide into docs/horizon-comparison/. Marp CLI and Slidev are the bench's
// peers: install them with `pnpm bench --peers all` (packages/bench/.peers/),
// or point --peers at a folder holding marp/ and slidev/ npm installs.
//
//   node e2e/scripts/compare-themes.mjs [--peers DIR]
//
// A peer that is not installed is drawn as an empty, labelled column.

import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { copyFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from 'slidemark'

const root = fileURLToPath(new URL('../../', import.meta.url))
const docs = join(root, 'docs/horizon-comparison')
const peersArg = process.argv.indexOf('--peers')
const peers = peersArg > 0 ? process.argv[peersArg + 1] : join(root, 'packages/bench/.peers')
const slideNames = ['title', 'bullets', 'code', 'cjk', 'table', 'image']
const chromiumPath = findChromium()
const work = mkdtempSync(join(tmpdir(), 'slidemark-compare-'))

/** The shared slides, with each tool's way of writing a title slide. */
function decks() {
  const text = readFileSync(join(docs, 'slides.md'), 'utf8').replace(/^<!--[\s\S]*?-->\n+/, '')
  const [title, ...rest] = text.split(/\n---\n/)
  const [heading, subtitle] = title.trim().split(/\n\n/)
  const body = rest.join('\n---\n')
  return {
    slidemark: `---\ntitle: ${heading}\n---\n\n${title.trim()}\n\n---\n${body}`,
    marp: `---\nmarp: true\n---\n\n<!-- _class: lead -->\n\n# ${heading}\n\n${subtitle}\n\n---\n${body}`,
    slidev: `---\ntheme: default\ntitle: ${heading}\n---\n\n# ${heading}\n\n${subtitle}\n\n---\n${body}`,
  }
}

function run(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 600_000,
  })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')}: ${result.stderr || result.stdout}`)
  }
}

async function renderSlidemark(deck) {
  const dir = join(work, 'slidemark')
  mkdirSync(dir)
  writeFileSync(join(dir, 'deck.slides.md'), deck)
  await copyFile(join(docs, 'pipeline.svg'), join(dir, 'pipeline.svg'))
  const cli = join(root, 'packages/cli/bin/slidemark.js')
  run(
    process.execPath,
    [cli, 'export', 'deck.slides.md', '--theme', 'horizon', '--png', 'png'],
    dir,
  )
  return readdirSync(join(dir, 'png'))
    .filter((name) => name.endsWith('.png'))
    .sort()
    .map((name) => join(dir, 'png', name))
}

async function renderMarp(deck) {
  const bin = join(peers, 'marp/node_modules/.bin/marp')
  if (!existsSync(bin)) return null
  const dir = join(work, 'marp')
  mkdirSync(dir)
  writeFileSync(join(dir, 'deck.md'), deck)
  await copyFile(join(docs, 'pipeline.svg'), join(dir, 'pipeline.svg'))
  run(bin, ['deck.md', '--images', 'png', '--allow-local-files', '-o', 'out/deck.png'], dir, {
    CHROME_PATH: chromiumPath,
  })
  return readdirSync(join(dir, 'out'))
    .sort()
    .map((name) => join(dir, 'out', name))
}

/** Slidev builds a single-page app; each slide is screenshot at 1280×720. */
async function renderSlidev(deck, browser) {
  const bin = join(peers, 'slidev/node_modules/.bin/slidev')
  if (!existsSync(bin)) return null
  const dir = join(peers, 'slidev') // Slidev resolves its theme from the deck's folder
  writeFileSync(join(dir, 'compare.md'), deck)
  await copyFile(join(docs, 'pipeline.svg'), join(dir, 'pipeline.svg'))
  const out = join(work, 'slidev')
  run(bin, ['build', 'compare.md', '--out', out, '--base', '/'], dir)
  const server = await serve(out)
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  const files = []
  for (let n = 1; n <= slideNames.length; n++) {
    await page.goto(`${server.url}/${n}`)
    await page.waitForSelector(`.slidev-page-${n}`, { state: 'visible' })
    await page.evaluate(() => document.fonts.ready)
    await page.waitForTimeout(800) // Slidev's own slide transition
    const file = join(out, `slide-${n}.png`)
    await page.locator('#slide-content').screenshot({ path: file })
    files.push(file)
  }
  await page.close()
  server.close()
  return files
}

function serve(dir) {
  const types = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
  }
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname)
    let file = join(dir, path)
    if (!existsSync(file) || path.endsWith('/') || !extname(file)) file = join(dir, 'index.html')
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
    response.end(readFileSync(file))
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }),
    ),
  )
}

/** One image per slide: the three renderings side by side, each 640 px wide, labelled. */
async function compose(browser, columns) {
  const page = await browser.newPage({ viewport: { width: 1980, height: 420 } })
  for (const [index, name] of slideNames.entries()) {
    const cells = columns
      .map(({ label, files }) => {
        const file = files?.[index]
        const image = file
          ? `<img src="data:image/png;base64,${readFileSync(file).toString('base64')}">`
          : '<div class="missing">not installed</div>'
        return `<figure>${image}<figcaption>${label}</figcaption></figure>`
      })
      .join('')
    await page.setContent(`<!doctype html><style>
      body { margin: 0; padding: 10px; background: #d9dde3; display: flex; gap: 10px; font: 16px sans-serif; }
      figure { margin: 0; width: 640px; }
      img, .missing { display: block; width: 640px; height: 360px; object-fit: contain; background: #fff; }
      .missing { display: grid; place-items: center; color: #777; }
      figcaption { padding: 6px 0 0; color: #333; }
    </style>${cells}`)
    await page.screenshot({ path: join(docs, `${index + 1}-${name}.png`), fullPage: true })
  }
  await page.close()
}

const texts = decks()
const browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS] })
try {
  const columns = [
    { label: 'Slidemark horizon', files: await renderSlidemark(texts.slidemark) },
    { label: 'Marp CLI 4.5.1, default theme', files: await renderMarp(texts.marp) },
    { label: 'Slidev 52.20.1, default theme', files: await renderSlidev(texts.slidev, browser) },
  ]
  await compose(browser, columns)
  console.log(`wrote ${slideNames.length} images to ${docs}`)
} finally {
  await browser.close()
}
