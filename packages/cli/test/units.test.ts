import fs from 'node:fs'
import path from 'node:path'
import type { DeckMessage } from '@slidemark/core'
import { formatMessage } from '@slidemark/core/messages'
import { afterEach, describe, expect, it } from 'vitest'
import { stageDir, writeFileAtomic } from '../src/atomic.js'
import { findChromium, NO_BROWSER_HELP } from '../src/chromium.js'
import { normalizeBase, resolveTarget } from '../src/commands/build.js'
import { countPdfPages, deckBaseName, framesOf, pngName } from '../src/commands/export.js'
import { MessagePrinter } from '../src/messages.js'
import { displayWidth, renderTable, truncate } from '../src/table.js'
import { chooseTheme, likelyTheme, resolveTheme, themeCandidates } from '../src/theme.js'
import { tempDir } from './helpers.js'

const made: string[] = []
function scratchDir(): string {
  const dir = tempDir()
  made.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function executable(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, '#!/bin/sh\n')
  fs.chmodSync(file, 0o755)
  return file
}

describe('findChromium', () => {
  it('--browser wins over CHROMIUM_PATH and PATH', () => {
    const dir = scratchDir()
    const chosen = executable(path.join(dir, 'mine', 'chrome'))
    const env = { CHROMIUM_PATH: executable(path.join(dir, 'env', 'chromium')), PATH: '' }
    expect(findChromium({ browser: chosen, env, locations: [] })).toBe(chosen)
  })

  it('CHROMIUM_PATH is used when --browser is not given', () => {
    const dir = scratchDir()
    const fromEnv = executable(path.join(dir, 'env', 'chromium'))
    expect(findChromium({ env: { CHROMIUM_PATH: fromEnv, PATH: '' }, locations: [] })).toBe(fromEnv)
  })

  it('finds chromium, then google-chrome, on PATH', () => {
    const dir = scratchDir()
    const chrome = executable(path.join(dir, 'bin', 'google-chrome'))
    expect(findChromium({ env: { PATH: path.join(dir, 'bin') }, locations: [] })).toBe(chrome)
    const chromium = executable(path.join(dir, 'bin', 'chromium'))
    expect(findChromium({ env: { PATH: path.join(dir, 'bin') }, locations: [] })).toBe(chromium)
  })

  it('a path given by the user that is not an executable is an error naming it', () => {
    expect(() => findChromium({ browser: '/no/such/chrome', env: { PATH: '' } })).toThrow(
      '--browser /no/such/chrome is not an executable browser',
    )
    expect(() => findChromium({ env: { CHROMIUM_PATH: '/no/such/chromium', PATH: '' } })).toThrow(
      'CHROMIUM_PATH /no/such/chromium is not an executable browser',
    )
  })

  it('with no browser anywhere, says how to get one', () => {
    expect(() => findChromium({ env: { PATH: '' }, locations: [] })).toThrow(NO_BROWSER_HELP)
    expect(NO_BROWSER_HELP).toContain('apt-get install chromium')
    expect(NO_BROWSER_HELP).toContain('--browser PATH')
  })
})

describe('theme resolution', () => {
  function installTheme(project: string, name: string): string {
    const dir = path.join(project, 'node_modules', name)
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, type: 'module' }))
    return fs.realpathSync(dir)
  }

  it('a short name means @slidemark/theme-<name>, then slidemark-theme-<name>, then itself', () => {
    expect(themeCandidates('horizon')).toEqual([
      '@slidemark/theme-horizon',
      'slidemark-theme-horizon',
      'horizon',
    ])
    expect(themeCandidates('@acme/slides')).toEqual(['@acme/slides'])
  })

  it("a theme installed in the deck's project wins over the CLI's own", () => {
    const project = scratchDir()
    const dir = installTheme(project, '@slidemark/theme-html5-slides')
    const theme = resolveTheme('html5-slides', path.join(project, 'talks'))
    expect(theme).toEqual({
      requested: 'html5-slides',
      packageName: '@slidemark/theme-html5-slides',
      dir,
      from: 'project',
    })
  })

  it('a folder with only a deck gets the themes the CLI depends on', () => {
    const theme = resolveTheme('horizon', scratchDir())
    expect(theme.packageName).toBe('@slidemark/theme-horizon')
    expect(theme.from).toBe('slidemark')
    expect(fs.existsSync(path.join(theme.dir, 'package.json'))).toBe(true)
  })

  it('any installed package name is a theme', () => {
    const project = scratchDir()
    const dir = installTheme(project, 'acme-talk-theme')
    expect(resolveTheme('acme-talk-theme', project).dir).toBe(dir)
  })

  it('a relative path is a theme folder next to the deck', () => {
    const project = scratchDir()
    fs.mkdirSync(path.join(project, 'my-theme'))
    fs.writeFileSync(path.join(project, 'my-theme', 'package.json'), '{"name":"my-theme"}')
    expect(resolveTheme('./my-theme', project).packageName).toBe('my-theme')
  })

  it('an unknown theme is an error saying what was tried and where the name came from', () => {
    expect(() => resolveTheme('nope', scratchDir(), 'theme: in talk.slides.md')).toThrow(
      'unknown theme "nope" (theme: in talk.slides.md): none of @slidemark/theme-nope, slidemark-theme-nope, nope is installed',
    )
  })

  it('--theme beats the front matter, which beats the default', () => {
    expect(chooseTheme('horizon', 'other', 'a.md').name).toBe('horizon')
    expect(chooseTheme(undefined, 'other', 'a.md').name).toBe('other')
    expect(chooseTheme(undefined, undefined, 'a.md').name).toBe('html5-slides')
    expect(() => chooseTheme(undefined, 42, 'a.md')).toThrow('invalid front matter')
  })

  it('the likely theme, read before the deck compiles, follows the same order', () => {
    const dir = scratchDir()
    const name = (flag: string | undefined, source: string) =>
      likelyTheme(flag, { source, dir })?.packageName
    expect(name(undefined, '---\ntitle: A\ntheme: "horizon" # dark\n---\n# One')).toBe(
      '@slidemark/theme-horizon',
    )
    expect(name('html5-slides', '---\ntheme: horizon\n---\n# One')).toBe(
      '@slidemark/theme-html5-slides',
    )
    expect(name(undefined, '# One\n\ntheme: horizon')).toBe('@slidemark/theme-html5-slides')
    expect(name(undefined, '---\ntheme: nope\n---\n# One')).toBeUndefined()
  })
})

describe('messages', () => {
  const warning: DeckMessage = {
    reason: 'Unknown language "pyhton"',
    file: 'talk.slides.md',
    line: 12,
    column: 5,
    severity: 'warning',
    ruleId: 'unknown-language',
    source: 'slidemark',
  }

  it('formats a warning as file:line:column: reason [ruleId]', () => {
    expect(formatMessage(warning)).toBe(
      'talk.slides.md:12:5: Unknown language "pyhton" [unknown-language]',
    )
    expect(formatMessage({ ...warning, severity: 'error' })).toBe(
      'talk.slides.md:12:5: error: Unknown language "pyhton" [unknown-language]',
    )
  })

  it('prints each warning once, however often the deck compiles', () => {
    const lines: string[] = []
    const printer = new MessagePrinter((line) => lines.push(line))
    expect(printer.print([warning, warning])).toBe(1)
    expect(printer.print([warning, { ...warning, line: 20 }])).toBe(1)
    expect(lines).toHaveLength(2)
  })
})

describe('inspect table', () => {
  it('counts Japanese characters as two columns so columns line up', () => {
    expect(displayWidth('目的')).toBe(4)
    const table = renderTable(
      [{ header: 'title' }, { header: 'n', align: 'right' }],
      [
        ['目的', '1'],
        ['Summary', '22'],
      ],
    )
    const [, first = '', second = ''] = table.split('\n')
    expect(displayWidth(first)).toBe(displayWidth(second))
  })

  it('cuts long titles with an ellipsis', () => {
    expect(truncate('abcdefghij', 5)).toBe('abcd…')
    expect(truncate('あいうえお', 5)).toBe('あい…')
  })
})

describe('export naming and counting', () => {
  it('one frame per slide, or one per build step with --steps', () => {
    const slides = [{ steps: 1 }, { steps: 3 }]
    expect(framesOf(slides, false)).toEqual([
      { slide: 0, step: undefined },
      { slide: 1, step: undefined },
    ])
    expect(framesOf(slides, true)).toHaveLength(4)
  })

  it('names images by slide, and step when there are steps, zero-padded', () => {
    expect(pngName({ slide: 2, step: undefined }, 25)).toBe('slide-03.png')
    expect(pngName({ slide: 2, step: 1 }, 25)).toBe('slide-03-2.png')
    expect(pngName({ slide: 2, step: undefined }, 120)).toBe('slide-003.png')
  })

  it('derives default output names from the deck', () => {
    expect(deckBaseName('/x/talk.slides.md')).toBe('talk')
    expect(deckBaseName('notes.md')).toBe('notes')
  })

  it('counts PDF pages, not the page tree', () => {
    const pdf = '<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page >>'
    expect(countPdfPages(new TextEncoder().encode(pdf))).toBe(2)
  })
})

describe('--base', () => {
  it('defaults to ./ and adds a missing trailing slash', () => {
    expect(normalizeBase(undefined)).toBe('./')
    expect(normalizeBase('/talks')).toBe('/talks/')
    expect(normalizeBase('https://example.com/deck/')).toBe('https://example.com/deck/')
    expect(() => normalizeBase('talks')).toThrow('--base must start with')
  })
})

describe('--out', () => {
  it('is a folder by default, relative to the working folder', () => {
    expect(resolveTarget(undefined, false, '/work')).toEqual({ path: '/work/dist', kind: 'dir' })
  })

  it('with --single-file is presentation.html in that folder, or the .html file named', () => {
    expect(resolveTarget('out', true, '/work')).toEqual({
      path: '/work/out/presentation.html',
      kind: 'file',
    })
    expect(resolveTarget('talk.html', true, '/work')).toEqual({
      path: '/work/talk.html',
      kind: 'file',
    })
  })
})

describe('atomic output', () => {
  it('writeFileAtomic replaces a file and leaves no temporary file', () => {
    const dir = scratchDir()
    const file = path.join(dir, 'out', 'talk.pdf')
    writeFileAtomic(file, 'one')
    writeFileAtomic(file, 'two')
    expect(fs.readFileSync(file, 'utf8')).toBe('two')
    expect(fs.readdirSync(path.dirname(file))).toEqual(['talk.pdf'])
  })

  it('a staged folder replaces the target only on commit', () => {
    const dir = scratchDir()
    const target = path.join(dir, 'dist')
    fs.mkdirSync(target)
    fs.writeFileSync(path.join(target, 'old.html'), 'old')
    const staged = stageDir(target)
    fs.writeFileSync(path.join(staged.path, 'index.html'), 'new')
    expect(fs.readdirSync(target)).toEqual(['old.html'])
    staged.commit()
    expect(fs.readdirSync(target)).toEqual(['index.html'])
    expect(fs.readdirSync(dir)).toEqual(['dist'])
  })

  it('a discarded staged folder leaves the target untouched', () => {
    const dir = scratchDir()
    const target = path.join(dir, 'dist')
    const staged = stageDir(target)
    fs.writeFileSync(path.join(staged.path, 'index.html'), 'half')
    staged.discard()
    expect(fs.readdirSync(dir)).toEqual([])
  })
})
