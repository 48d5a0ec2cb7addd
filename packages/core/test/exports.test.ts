import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import * as core from '../src/index.js'

test('the public API is exactly this list', () => {
  expect(Object.keys(core).sort()).toEqual([
    'MERMAID_CLASS',
    'VERSION',
    'compile',
    'convertDeck',
    'createMemoryCache',
    'deckFormats',
    'decodeDeck',
    'defaultCache',
    'detectFormat',
    'formatFile',
    'formatMessage',
    'formatPlace',
    'hasDiagrams',
    'hasUndrawnDiagrams',
    'isCachedSlide',
    'laxHeadingSyntax',
    'optionsFingerprint',
    'parseFocusStates',
    'protectStepMarkers',
    'rehypeMath',
    'remarkBangLang',
    'remarkBuildSteps',
    'remarkCodeSteps',
    'remarkLandslideCompat',
    'remarkLaxHeadings',
    'remarkMarpCompat',
    'remarkMermaid',
    'remarkProtectStepMarkers',
    'remarkRemarkCompat',
    'remarkRevealCompat',
    'remarkSlideClasses',
    'remarkSlideNotes',
    'remarkSlidevCompat',
    'replaceDiagrams',
    'slideCacheKey',
    'splitSlides',
    'useColor',
  ])
})

test('VERSION (part of every cache key) is the package version', () => {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  expect(core.VERSION).toBe(manifest.version)
})

test('the pool entry (@slidemark/core/pool) exports exactly this list', async () => {
  const pool = await import('../src/pool.js')
  expect(Object.keys(pool).sort()).toEqual([
    'compileInPool',
    'defaultSlideTimeout',
    'destroyCompilePool',
    'estimateSlides',
    'slidesPerThread',
    'startCompilePool',
    'wallClockFactor',
  ])
})

test('the decode entry (@slidemark/core/decode) exports exactly decodeDeck, the one in the main entry', async () => {
  const decode = await import('../src/decode.js')
  expect(Object.keys(decode)).toEqual(['decodeDeck'])
  expect(decode.decodeDeck).toBe(core.decodeDeck)
})
