import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, copyFixture, packageDir, runCli, tempDir } from './helpers.js'
import { CELL, CELL_TOLERANCE, gridOf, layoutDifference } from './image-diff.js'

/**
 * `export --pptx` on two decks: the greenlets fixture (Japanese, `!python`
 * code, build steps, a table, a picture, notes) with `--steps`, and the
 * playground deck without. Each export also writes the browser's PDF and
 * PNGs of the same frames, which the LibreOffice rendering is compared with.
 */

const EXPORT_TIMEOUT = 240_000
let greenlets: string
let playground: string

/** A command on PATH, or `undefined`. */
function which(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' })
  return found.status === 0 ? found.stdout.trim() : undefined
}
const soffice = which('soffice')

beforeAll(async () => {
  assertBuilt()
  greenlets = copyFixture('greenlets')
  playground = tempDir()
  fs.cpSync(path.join(packageDir, '..', '..', 'playground', 'src'), playground, { recursive: true })
  const [a, b] = await Promise.all([
    runCli(
      [
        'export',
        'greenlets.slides.md',
        '--pptx',
        'deck.pptx',
        '--pdf',
        'deck.pdf',
        '--png',
        'png',
        '--steps',
      ],
      { cwd: greenlets },
    ),
    runCli(
      ['export', 'talk.slides.md', '--pptx', 'deck.pptx', '--pdf', 'deck.pdf', '--png', 'png'],
      {
        cwd: playground,
      },
    ),
  ])
  expect(a.stderr).toContain('slidemark: wrote deck.pptx (10 slides)')
  expect(a.code).toBe(0)
  expect(b.stderr).toContain('slidemark: wrote deck.pptx (13 slides)')
  expect(b.code).toBe(0)
}, EXPORT_TIMEOUT)

afterAll(() => {
  for (const dir of [greenlets, playground])
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name) => ENTITIES[name] ?? '')

interface Part {
  xml: string
  /** Every `<a:t>` of the part, joined with spaces. */
  text: string
}

async function readPptx(file: string): Promise<{ slides: Part[]; notes: Part[]; zip: JSZip }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file))
  const read = async (pattern: RegExp): Promise<Part[]> => {
    const files = zip
      .file(pattern)
      .sort(
        (a, b) =>
          Number(a.name.match(/(\d+)\.xml$/)?.[1]) - Number(b.name.match(/(\d+)\.xml$/)?.[1]),
      )
    return Promise.all(
      files.map(async (part) => {
        const xml = await part.async('string')
        const text = [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
          .map((m) => decode(m[1] ?? ''))
          .join(' ')
        return { xml, text }
      }),
    )
  }
  return {
    slides: await read(/^ppt\/slides\/slide\d+\.xml$/),
    notes: await read(/^ppt\/notesSlides\/notesSlide\d+\.xml$/),
    zip,
  }
}

/** The `<p:sp>` shapes of a slide's XML. */
const shapesOf = (xml: string) => xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []

describe('export --pptx: the file', () => {
  it('has one slide per build step with --steps, each slide at the theme’s 900×700 size', async () => {
    const { slides, zip } = await readPptx(path.join(greenlets, 'deck.pptx'))
    expect(slides).toHaveLength(10)
    const presentation = await zip.file('ppt/presentation.xml')?.async('string')
    // 900 × 700 CSS pixels = 9.375 × 7.2917 in = 8 572 500 × 6 667 500 EMU.
    expect(presentation).toMatch(/<p:sldSz cx="8572500" cy="6667500"/)
    // Slide 5 has three steps: the first shows only the paragraph, the last the whole list.
    expect(slides[4]?.text).toContain('The event loop runs one greenlet until it blocks.')
    expect(slides[4]?.text).not.toContain('It yields')
    expect(slides[5]?.text).toContain('It yields on socket reads and')
    expect(slides[5]?.text).not.toContain('the hub picks')
    expect(slides[6]?.text).toContain('Then the hub picks the next ready greenlet')
  })

  it('keeps every slide’s text as editable text boxes, with bullets, levels, numbering and links', async () => {
    const { slides, zip } = await readPptx(path.join(greenlets, 'deck.pptx'))
    expect(slides[0]?.text).toContain('Cooperative Concurrency with Greenlets')
    const bullets = slides[1]?.xml ?? ''
    expect(slides[1]?.text).toContain('Threads cost memory: each one reserves a stack')
    expect(bullets.match(/<a:buChar /g)).toHaveLength(5)
    // The nested items are level 1.
    expect(bullets).toMatch(/<a:pPr[^>]* lvl="1"[^>]*>(?:(?!<\/a:p>).)*<a:t>deadlocks<\/a:t>/s)
    // **kernel** is bold, *locks* italic.
    expect(bullets).toMatch(/<a:rPr[^>]* b="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>kernel<\/a:t>/s)
    expect(bullets).toMatch(/<a:rPr[^>]* i="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>locks<\/a:t>/s)
    expect(slides[2]?.xml.match(/<a:buAutoNum type="arabicPeriod"/g)).toHaveLength(3)
    const table = slides[7]?.xml ?? ''
    expect(table).toContain('<a:tbl>')
    expect(table.match(/<a:tr /g)).toHaveLength(4)
    expect(slides[7]?.text).toContain('task cancel')
    const rels = await zip.file('ppt/slides/_rels/slide8.xml.rels')?.async('string')
    expect(rels).toContain('Target="https://www.gevent.org/"')
    expect(table).toMatch(
      /<a:hlinkClick [^>]*>(?:(?!<\/a:r>).)*<\/a:rPr><a:t>gevent documentation<\/a:t>/s,
    )
  })

  it('writes code blocks as monospace text boxes whose runs carry Shiki’s token colours', async () => {
    const { slides } = await readPptx(path.join(greenlets, 'deck.pptx'))
    const code = shapesOf(slides[3]?.xml ?? '').find((shape) => shape.includes('name="Code"'))
    expect(code).toBeDefined()
    const runs = [...(code ?? '').matchAll(/<a:r>([\s\S]*?)<\/a:r>/g)].map((m) => m[1] ?? '')
    const colourOf = (text: string) =>
      runs
        .find((run) => run.includes(`<a:t>${text}</a:t>`))
        ?.match(/<a:solidFill><a:srgbClr val="(\w{6})"/)?.[1]
    // Keywords, names and strings differ in colour, as Shiki highlights them.
    expect(colourOf('import')).toBeDefined()
    expect(colourOf('import')).not.toBe(colourOf(' gevent'))
    expect(
      new Set(runs.map((run) => run.match(/srgbClr val="(\w{6})"/)?.[1])).size,
    ).toBeGreaterThanOrEqual(4)
    for (const run of runs)
      expect(run).toMatch(/<a:latin typeface="[^"]*(Mono|Courier|Monaco)[^"]*"/)
    // One paragraph per source line, blank lines included.
    expect(code?.match(/<a:p>/g)).toHaveLength(12)
  })

  it('keeps a CJK font and language on Japanese runs', async () => {
    const { slides } = await readPptx(path.join(greenlets, 'deck.pptx'))
    const japanese = [...(slides[2]?.xml ?? '').matchAll(/<a:r>([\s\S]*?)<\/a:r>/g)]
      .map((m) => m[1] ?? '')
      .filter((run) => /<a:t>[^<]*[\u3040-\u30ff\u4e00-\u9fff]/.test(run))
    expect(japanese.length).toBeGreaterThan(3)
    for (const run of japanese) {
      expect(run).toContain('lang="ja-JP"')
      expect(run).toMatch(/<a:ea typeface="[^"]*(CJK|Gothic|Hiragino|Meiryo)[^"]*"/)
    }
  })

  it('puts the presenter notes in the notes pane, on every step of a slide', async () => {
    const { notes } = await readPptx(path.join(greenlets, 'deck.pptx'))
    expect(notes[1]?.text).toContain('Start with the cost model.')
    expect(notes[2]?.text).toContain('ノートは発表者ビューに表示される')
    for (const step of [4, 5, 6]) expect(notes[step]?.text).toContain('Press the key twice')
    expect(notes[0]?.text).not.toContain('Press the key')
  })

  it('draws the background, pictures and code highlights; one slide per slide without --steps', async () => {
    const { slides, zip } = await readPptx(path.join(playground, 'deck.pptx'))
    expect(slides).toHaveLength(13)
    for (const slide of slides) expect(slide.xml).toMatch(/<p:bg><p:bgPr><a:blipFill/)
    // The pipeline picture (an SVG, drawn as PNG) and its alt text.
    expect(slides[3]?.xml).toMatch(/<p:pic>[\s\S]*descr="A Markdown deck goes through remark/)
    // Without --steps a slide shows all its steps.
    expect(slides[4]?.text).toContain('And finally, the')
    expect(slides[4]?.text).toContain('Second, the idea')
    const media = zip.file(/^ppt\/media\//)
    expect(media.length).toBeGreaterThanOrEqual(14)
  })

  it('replaces a .pptx it wrote, but never the deck, a folder or a file it did not write', async () => {
    fs.copyFileSync(path.join(greenlets, 'deck.pptx'), path.join(greenlets, 'again.pptx'))
    const again = await runCli(['export', 'greenlets.slides.md', '--pptx', 'again.pptx'], {
      cwd: greenlets,
    })
    expect(again.stderr).toContain('slidemark: wrote again.pptx (8 slides)')
    expect(again.code).toBe(0)
    fs.writeFileSync(path.join(greenlets, 'budget.pptx'), 'a colleague’s file')
    fs.mkdirSync(path.join(greenlets, 'taken.pptx'), { recursive: true })
    const refused = [
      [
        'budget.pptx',
        'slidemark: refusing to overwrite budget.pptx: Slidemark did not write it; choose another --pptx, or add --overwrite to replace it',
      ],
      ['taken.pptx', 'slidemark: cannot write taken.pptx: it is a folder'],
      [
        'greenlets.slides.md',
        'slidemark: refusing to overwrite greenlets.slides.md: it is the deck; choose another --pptx',
      ],
    ]
    for (const [target, message] of refused) {
      const result = await runCli(['export', 'greenlets.slides.md', '--pptx', target as string], {
        cwd: greenlets,
      })
      expect(result.stderr.trim()).toBe(message)
      expect(result.code).toBe(1)
    }
    expect(fs.readFileSync(path.join(greenlets, 'budget.pptx'), 'utf8')).toBe('a colleague’s file')
  })
})

/**
 * Words of a PDF with their boxes in PDF points (pdftotext -bbox), per page.
 * Both PDFs are 900×700 CSS pixels = 675×525 pt.
 */
function wordsOf(pdf: string): { text: string; x: number; bottom: number }[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' })
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({ x: Number(m[1]), bottom: Number(m[2]), text: decode(m[3] ?? '') })),
    )
}

/** EMU (Office's unit) per PDF point. */
const EMU_PER_PT = 12_700

/** Boxes of a slide's pictures, in PDF points. */
function picturesOf(xml: string): { x: number; y: number; w: number; h: number }[] {
  return (xml.match(/<p:pic>[\s\S]*?<\/p:pic>/g) ?? []).map((pic) => {
    const off = pic.match(/<a:off x="(\d+)" y="(\d+)"\/>/)
    const ext = pic.match(/<a:ext cx="(\d+)" cy="(\d+)"\/>/)
    return {
      x: Number(off?.[1]) / EMU_PER_PT,
      y: Number(off?.[2]) / EMU_PER_PT,
      w: Number(ext?.[1]) / EMU_PER_PT,
      h: Number(ext?.[2]) / EMU_PER_PT,
    }
  })
}

/** Pixels (CSS) per PDF point. */
const PX = 4 / 3
/**
 * A word is in place when LibreOffice draws it within 10 px across and 14 px
 * down of where Chromium drew it (its left edge; its box's bottom, which
 * renderers put a few pixels apart for the same font). A word that wrapped
 * to another line, or a text box in the wrong place, moves by a line height
 * (24 px and more for body text) or by the width of a word.
 */
const MAX_DX = 10
const MAX_DY = 14
/**
 * Words of a page that may be out of place: two, or 10 % of the page's words
 * when that is more. A word or two may wrap differently, and LibreOffice adds
 * a little space between Japanese and Latin text (PowerPoint does not), which
 * shifts the end of a long mixed line by up to half an em.
 */
const allowedMisplaced = (words: number) => Math.max(2, Math.floor(words * 0.1))
/**
 * Share of 10×10 px cells whose mean luminance may differ by more than 24/255
 * after downscaling. Glyph shapes and anti-aliasing differ between renderers
 * and stay below this in every slide (measured 1–9 %); a lost background
 * (dark slide on the light gradient: 98 %), a lost picture or code block, or a
 * whole text block moved by a line, go above it.
 */
const MAX_CELLS_DIFFERING = 0.12

describe.skipIf(!soffice)('export --pptx in LibreOffice', () => {
  const rendered = new Map<string, string>()
  let out = ''

  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true })
  })

  beforeAll(() => {
    // One LibreOffice run converts both decks; its profile lives in a temporary HOME.
    const home = tempDir('slidemark-soffice-')
    out = tempDir('slidemark-soffice-out-')
    fs.copyFileSync(path.join(greenlets, 'deck.pptx'), path.join(out, 'greenlets.pptx'))
    fs.copyFileSync(path.join(playground, 'deck.pptx'), path.join(out, 'playground.pptx'))
    execFileSync(
      soffice as string,
      [
        `-env:UserInstallation=file://${home}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        path.join(out, 'greenlets.pptx'),
        path.join(out, 'playground.pptx'),
      ],
      { env: { ...process.env, HOME: home }, stdio: 'ignore', timeout: 180_000 },
    )
    for (const name of ['greenlets', 'playground']) {
      const pdf = path.join(out, `${name}.pdf`)
      expect(fs.existsSync(pdf), `LibreOffice wrote no ${name}.pdf`).toBe(true)
      execFileSync('pdftoppm', ['-r', '48', '-png', pdf, path.join(out, name)])
      rendered.set(name, out)
    }
    fs.rmSync(home, { recursive: true, force: true })
  }, EXPORT_TIMEOUT)

  const decks = () => [
    { name: 'greenlets', dir: greenlets },
    { name: 'playground', dir: playground },
  ]

  it('opens both files with every slide’s text as text, each word where the browser put it', async () => {
    for (const { name, dir } of decks()) {
      const out = rendered.get(name) as string
      const office = wordsOf(path.join(out, `${name}.pdf`))
      const browser = wordsOf(path.join(dir, 'deck.pdf'))
      const { slides } = await readPptx(path.join(dir, 'deck.pptx'))
      expect(office.length, name).toBe(browser.length)
      for (const [page, all] of browser.entries()) {
        // Text drawn inside a picture (an SVG diagram) is part of the picture, not of the slide's text.
        const pictures = picturesOf(slides[page]?.xml ?? '')
        const words = all.filter(
          (word) =>
            !pictures.some(
              (box) =>
                word.x >= box.x &&
                word.x <= box.x + box.w &&
                word.bottom >= box.y &&
                word.bottom <= box.y + box.h,
            ),
        )
        const theirs = office[page] ?? []
        const used = new Set<number>()
        let inPlace = 0
        const misplaced: string[] = []
        for (const word of words) {
          // The same word nearest to where the browser drew it (reading order differs in tables).
          let best = -1
          let bestDistance = Number.POSITIVE_INFINITY
          for (const [i, other] of theirs.entries()) {
            if (used.has(i) || other.text !== word.text) continue
            const distance = Math.hypot(other.x - word.x, other.bottom - word.bottom)
            if (distance < bestDistance) {
              best = i
              bestDistance = distance
            }
          }
          const found = theirs[best]
          if (!found) {
            misplaced.push(`${word.text} (missing)`)
            continue
          }
          used.add(best)
          const dx = Math.abs(found.x - word.x) * PX
          const dy = Math.abs(found.bottom - word.bottom) * PX
          // CJK glyph boxes are reported from the font's full height: their bottom is not comparable.
          const cjk = /[\u3040-\u30ff\u4e00-\u9fff]/.test(word.text)
          if (dx <= MAX_DX && (cjk || dy <= MAX_DY)) inPlace++
          else misplaced.push(`${word.text} (${dx.toFixed(0)}, ${dy.toFixed(0)} px)`)
        }
        expect(inPlace + misplaced.length).toBe(words.length)
        expect(
          misplaced.length,
          `${name} page ${page + 1}: ${misplaced.join(', ')}`,
        ).toBeLessThanOrEqual(allowedMisplaced(words.length))
      }
    }
  })

  it(`draws each slide within ${MAX_CELLS_DIFFERING * 100} % of ${CELL} px cells (±${CELL_TOLERANCE}/255) of the browser`, () => {
    for (const { name, dir } of decks()) {
      const out = rendered.get(name) as string
      const pages = fs
        .readdirSync(out)
        .filter((file) => file.startsWith(`${name}-`) && file.endsWith('.png'))
        .sort()
      const screenshots = fs
        .readdirSync(path.join(dir, 'png'))
        .filter((file) => file.endsWith('.png'))
        .sort()
      expect(pages.length, name).toBe(screenshots.length)
      const differences = pages.map((page, n) =>
        layoutDifference(
          gridOf(path.join(out, page), 900, 700),
          gridOf(path.join(dir, 'png', screenshots[n] as string), 900, 700),
        ),
      )
      for (const [n, difference] of differences.entries()) {
        expect(difference, `${name} slide ${n + 1}`).toBeLessThanOrEqual(MAX_CELLS_DIFFERING)
      }
    }
  })

  it('tells a misplaced slide apart: the dark segue against a light slide is far over the threshold', () => {
    const out = rendered.get('playground') as string
    const difference = layoutDifference(
      gridOf(path.join(out, 'playground-09.png'), 900, 700),
      gridOf(path.join(playground, 'png', 'slide-10.png'), 900, 700),
    )
    expect(difference).toBeGreaterThan(MAX_CELLS_DIFFERING)
  })
})
