import fs from 'node:fs'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import { createElement, type FunctionComponent } from 'react'
import { renderToString } from 'react-dom/server'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { slidemark } from '../src/index.js'
import { copyFixture, importSsrBuild, listFiles, readJs } from './helpers.js'

let root: string
let clientFiles: string[]
let clientJs: string
let html: string

beforeAll(async () => {
  root = copyFixture('react-app', { needsPackages: true })
  const config = () => ({
    root,
    logLevel: 'silent' as const,
    configFile: false as const,
    plugins: [react(), slidemark({ cacheDir: false })],
  })
  await build(config())
  await build({ ...config(), build: { ssr: 'src/App.tsx', outDir: 'dist-ssr' } })
  clientFiles = listFiles(path.join(root, 'dist'))
  clientJs = readJs(path.join(root, 'dist'), clientFiles)
  const { App } = await importSsrBuild<{ App: FunctionComponent }>(path.join(root, 'dist-ssr'))
  html = renderToString(createElement(App))
}, 60_000)

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('a React app importing a deck', () => {
  it('renders every slide on the server from the imported module', () => {
    expect(html).toContain('<main aria-label="Components and decks">')
    expect(html.match(/<section/g)).toHaveLength(3)
    expect(html).toContain('<h1>Rendered by React</h1>')
    expect(html).toMatch(/<span style="--shiki-light:#\w{6};--shiki-dark:#\w{6}">class<\/span>/)
  })

  it('emits the image with a hash and renders its URL', () => {
    const image = clientFiles.find((file) => /^assets\/photo-[\w-]{8,}\.png$/.test(file))
    expect(image).toBeDefined()
    expect(html).toContain(`<img src="/${image}" alt="static noise">`)
    expect(clientJs).toContain(`/${image}`)
  })

  it('ships React and the slides, but no compiler code', () => {
    expect(clientJs).toContain('Components and decks')
    for (const marker of ['micromark', 'unified', 'createHighlighter', 'oniguruma', 'remark']) {
      expect(clientJs, marker).not.toContain(marker)
    }
  })
})
