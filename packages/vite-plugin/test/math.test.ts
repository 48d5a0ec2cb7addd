import fs from 'node:fs'
import path from 'node:path'
import { build } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { woff2Only } from '../src/extras.js'
import { slidemark } from '../src/index.js'
import { copyFixture, listFiles } from './helpers.js'

const roots: string[] = []
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true })
})

/** A client build of the vanilla app with `deck` as its talk; the files it wrote and its CSS. */
async function buildApp(deck: string, options: Parameters<typeof slidemark>[0] = {}) {
  const root = copyFixture('vanilla-app')
  roots.push(root)
  fs.writeFileSync(path.join(root, 'src/talk.slides.md'), deck)
  await build({
    root,
    logLevel: 'silent',
    configFile: false,
    plugins: [slidemark({ cacheDir: false, ...options })],
  })
  const files = listFiles(path.join(root, 'dist'))
  const css = files
    .filter((file) => file.endsWith('.css'))
    .map((file) => fs.readFileSync(path.join(root, 'dist', file), 'utf8'))
    .join('\n')
  return { files, css }
}

describe('math in a Vite build', () => {
  it('ships KaTeX stylesheet and woff2 fonts with a deck that has math', async () => {
    const { files, css } = await buildApp(
      '---\nmath: true\n---\n\n# Euler\n\n$e^{i\\pi} + 1 = 0$\n',
    )
    expect(css).toContain('.katex')
    const fonts = files.filter((file) => /KaTeX_.*\.(woff2|woff|ttf)$/.test(file))
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.every((file) => file.endsWith('.woff2'))).toBe(true)
  }, 60_000)

  it('ships no KaTeX at all with a deck without math, even with the option on', async () => {
    const { files, css } = await buildApp('# Plain\n\nNo formulas, $5 only.\n', { math: true })
    expect(css).not.toContain('.katex')
    expect(files.some((file) => file.includes('KaTeX'))).toBe(false)
  }, 60_000)
})

describe('woff2Only', () => {
  it('keeps the woff2 source of each font and drops woff and ttf', () => {
    const css =
      '@font-face{src:url(fonts/A.woff2) format("woff2"),url(fonts/A.woff) format("woff"),url(fonts/A.ttf) format("truetype")}'
    expect(woff2Only(css)).toBe('@font-face{src:url(fonts/A.woff2) format("woff2")}')
  })
})
