import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createServer, type ViteDevServer } from 'vite'
import { deckFile, playgroundDir } from '../paths.js'
import { dom } from './dom.js'
import { expect, expectAt, test } from './fixtures.js'

// One Vite dev server for the file; the tests edit the deck, so they run one
// at a time and always put the original text back.
test.describe.configure({ mode: 'serial', timeout: 60_000 })
// A hot update recompiles through Shiki on a busy 2-core machine: allow it time.
test.use({ actionTimeout: 15_000 })

const original = readFileSync(deckFile, 'utf8')
let server: ViteDevServer
let origin: string

test.beforeAll(async () => {
  server = await createServer({
    root: playgroundDir,
    configFile: join(playgroundDir, 'vite.config.ts'),
    logLevel: 'silent',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0 },
  })
  await server.listen()
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('the Vite dev server reported no local URL')
  origin = url.replace(/\/$/, '')
})

test.afterEach(() => {
  writeFileSync(deckFile, original)
})

test.afterAll(async () => {
  writeFileSync(deckFile, original)
  await server?.close()
})

/** The deck's text with `line` added as a paragraph after the slide ending at line `end`. */
function withParagraphAfter(end: number, line: string): string {
  const lines = original.split('\n')
  lines.splice(end, 0, '', line)
  return lines.join('\n')
}

for (const themePage of ['index.html', 'horizon.html']) {
  test(`${themePage}: editing the deck updates the page in place and keeps the slide`, async ({
    page,
    deck,
  }) => {
    const slide = 2
    const range = deck.slides[slide]?.source
    if (!range) throw new Error('the playground deck needs at least three slides')
    await page.goto(`${origin}/${themePage}#slide${slide + 1}`)
    await expectAt(page, slide)
    await expect(dom.current(page)).toContainText(deck.slides[slide]?.title ?? '')
    await page.evaluate(() => {
      ;(window as unknown as { hmrMarker: string }).hmrMarker = 'still here'
    })

    const sentence = `Edited while presenting ${Date.now()}`
    writeFileSync(deckFile, withParagraphAfter(range.end, sentence))
    await expect(dom.current(page)).toContainText(sentence, { timeout: 15_000 })
    await expectAt(page, slide)
    expect(await page.evaluate(() => (window as { hmrMarker?: string }).hmrMarker)).toBe(
      'still here',
    )
  })

  test(`${themePage}: a slide inserted before the current one keeps you on the current one`, async ({
    page,
    deck,
  }) => {
    const slide = 3
    const before = deck.slides[slide - 1]?.source
    const title = deck.slides[slide]?.title ?? ''
    if (!before || !title) throw new Error('the playground deck needs at least four slides')
    await page.goto(`${origin}/${themePage}#slide${slide + 1}`)
    await expectAt(page, slide)
    await page.evaluate(() => {
      ;(window as unknown as { hmrMarker: string }).hmrMarker = 'still here'
    })
    const lines = original.split('\n')
    lines.splice(before.end, 0, '', '---', '', '#Inserted while presenting', '', 'A new slide.')
    writeFileSync(deckFile, lines.join('\n'))
    // The view follows the slide, and the hash its new number.
    await expectAt(page, slide + 1)
    await expect(dom.current(page)).toContainText(title)
    expect(await page.evaluate(() => (window as { hmrMarker?: string }).hmrMarker)).toBe(
      'still here',
    )
  })

  test(`${themePage}: a broken edit shows the error overlay and keeps the deck; the fix clears it`, async ({
    page,
    deck,
    problems,
  }) => {
    expect(original.startsWith('---\n'), 'the playground deck opens with front matter').toBe(true)
    const slide = 1
    await page.goto(`${origin}/${themePage}#slide${slide + 1}`)
    await expectAt(page, slide)
    await page.evaluate(() => {
      ;(window as unknown as { hmrMarker: string }).hmrMarker = 'still here'
    })
    const overlay = page.locator('vite-error-overlay')

    writeFileSync(deckFile, original.replace(/^---\n/, '---\nbroken: [unclosed\n'))
    await expect(overlay).toBeAttached({ timeout: 15_000 })
    await expect(overlay).toContainText('talk.slides.md')
    // The last good deck stays mounted underneath, on the same slide.
    await expect(dom.current(page)).toContainText(deck.slides[slide]?.title ?? '')
    await expectAt(page, slide)

    const sentence = `Fixed ${Date.now()}`
    const range = deck.slides[slide]?.source
    if (!range) throw new Error('the playground deck needs at least two slides')
    writeFileSync(deckFile, withParagraphAfter(range.end, sentence))
    await expect(overlay).toHaveCount(0, { timeout: 15_000 })
    await expect(dom.current(page)).toContainText(sentence, { timeout: 15_000 })
    await expectAt(page, slide)
    expect(await page.evaluate(() => (window as { hmrMarker?: string }).hmrMarker)).toBe(
      'still here',
    )
    // The broken edit logs Vite's own errors to the console; those were expected.
    const unexpected = problems.filter(
      (problem) => !/vite|hmr|talk\.slides\.md|Internal Server Error|HTTP 500/i.test(problem),
    )
    problems.splice(0, problems.length, ...unexpected)
  })
}
