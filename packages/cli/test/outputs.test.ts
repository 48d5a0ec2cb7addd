import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { describeBuildError } from '../src/commands/build.js'
import { markPdf } from '../src/outputs.js'
import { assertBuilt, copyFixture, fixtures, runCli } from './helpers.js'

const made: string[] = []
beforeAll(assertBuilt)
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A copy of the fixture deck (`talk.slides.md`, `img/sunrise.png`) in a fresh folder. */
function project(): string {
  const dir = copyFixture('talk')
  made.push(dir)
  return dir
}

/** Every file under `dir` with its content, to prove nothing was touched. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    out[path.relative(dir, file)] = fs.readFileSync(file, 'base64')
  }
  return out
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text)
}

describe('output folders: only what Slidemark wrote is replaced', () => {
  it('build --out refuses a folder of other files, names it and the flag, and touches nothing', async () => {
    const dir = project()
    const home = path.join(dir, 'home')
    write(path.join(home, '.ssh', 'id_rsa'), '-----BEGIN OPENSSH PRIVATE KEY-----\n')
    write(path.join(home, 'notes.txt'), 'shopping: rope, chart of the estuary\n')
    const before = snapshot(dir)
    const result = await runCli(['build', 'talk.slides.md', '--out', 'home'], { cwd: dir })
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe(
      'slidemark: refusing to replace home: it holds files Slidemark did not write (.ssh, notes.txt); choose a new or empty --out folder, or add --overwrite to replace it',
    )
    // Refused before any work: nothing compiled, nothing staged.
    expect(result.stderr).not.toContain('compiled')
    expect(snapshot(dir)).toEqual(before)
    expect(fs.readdirSync(dir).sort()).toEqual(['home', 'img', 'talk.slides.md'])
  })

  it('export --png refuses a folder of photos and leaves it as it was', async () => {
    const dir = project()
    write(path.join(dir, 'pics', 'harbour-2019.jpg'), 'JFIF not really')
    write(path.join(dir, 'pics', 'boat.png'), 'PNG not really')
    const before = snapshot(dir)
    const result = await runCli(['export', 'talk.slides.md', '--png', 'pics'], { cwd: dir })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'refusing to replace pics: it holds files Slidemark did not write (boat.png, harbour-2019.jpg)',
    )
    expect(result.stderr).toContain('--overwrite')
    expect(snapshot(dir)).toEqual(before)
  })

  it('a folder it built is replaced again; a file added to it later is not lost', async () => {
    const dir = project()
    const first = await runCli(['build', 'talk.slides.md', '--out', 'site'], { cwd: dir })
    expect(first.code).toBe(0)
    const manifest = JSON.parse(
      fs.readFileSync(path.join(dir, 'site', '.slidemark-output.json'), 'utf8'),
    )
    expect(manifest.generator).toBe('slidemark')
    expect(manifest.files).toContain('index.html')
    expect(manifest.files.length).toBeGreaterThan(2)
    // The manifest is not reported as a built file.
    expect(first.stderr).not.toContain('.slidemark-output.json')

    const second = await runCli(['build', 'talk.slides.md', '--out', 'site'], { cwd: dir })
    expect(second.code).toBe(0)

    write(path.join(dir, 'site', 'assets', 'speaker-notes.txt'), 'my own notes')
    const third = await runCli(['build', 'talk.slides.md', '--out', 'site'], { cwd: dir })
    expect(third.code).toBe(1)
    expect(third.stderr).toContain(
      'refusing to replace site: it holds files Slidemark did not write (assets/speaker-notes.txt)',
    )
    expect(fs.readFileSync(path.join(dir, 'site', 'assets', 'speaker-notes.txt'), 'utf8')).toBe(
      'my own notes',
    )
  })

  it('--overwrite replaces a folder Slidemark did not write', async () => {
    const dir = project()
    write(path.join(dir, 'dist', 'old-site.html'), '<p>an older site</p>')
    const result = await runCli(['build', 'talk.slides.md', '--overwrite'], { cwd: dir })
    expect(result.code).toBe(0)
    expect(fs.existsSync(path.join(dir, 'dist', 'old-site.html'))).toBe(false)
    expect(fs.existsSync(path.join(dir, 'dist', 'index.html'))).toBe(true)
  })

  it('an empty folder needs no consent', async () => {
    const dir = project()
    fs.mkdirSync(path.join(dir, 'empty'))
    const result = await runCli(['build', 'talk.slides.md', '--out', 'empty'], { cwd: dir })
    expect(result.code).toBe(0)
    expect(fs.existsSync(path.join(dir, 'empty', 'index.html'))).toBe(true)
  })

  it("--overwrite never replaces a folder holding the deck's images, the deck or the working folder", async () => {
    const dir = project()
    for (const [out, reason] of [
      ['img', 'it holds img/sunrise.png, which the deck uses; choose another --out'],
      ['.', 'it is or contains the working folder'],
      ['..', 'it is or contains the working folder'],
    ] as const) {
      const result = await runCli(['build', 'talk.slides.md', '--out', out, '--overwrite'], {
        cwd: dir,
      })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(reason)
    }
    expect(fs.existsSync(path.join(dir, 'img', 'sunrise.png'))).toBe(true)
  })
})

describe('output files: never an input, never someone else’s file without consent', () => {
  it('export --pdf onto the deck is refused, with or without --overwrite', async () => {
    const dir = project()
    const deck = fs.readFileSync(path.join(dir, 'talk.slides.md'))
    for (const extra of [[], ['--overwrite']]) {
      const result = await runCli(
        ['export', 'talk.slides.md', '--pdf', 'talk.slides.md', ...extra],
        {
          cwd: dir,
        },
      )
      expect(result.code).toBe(1)
      expect(result.stderr.trim()).toBe(
        'slidemark: refusing to overwrite talk.slides.md: it is the deck; choose another --pdf',
      )
    }
    expect(fs.readFileSync(path.join(dir, 'talk.slides.md'))).toEqual(deck)
  })

  it('the deck reached through a symbolic link or a hard link is still the deck', async () => {
    const dir = project()
    fs.symlinkSync('talk.slides.md', path.join(dir, 'alias.pdf'))
    fs.linkSync(path.join(dir, 'talk.slides.md'), path.join(dir, 'hard.html'))
    const pdf = await runCli(['export', 'talk.slides.md', '--pdf', 'alias.pdf', '--overwrite'], {
      cwd: dir,
    })
    expect(pdf.stderr).toContain('refusing to overwrite alias.pdf: it is the deck')
    const html = await runCli(
      ['build', 'talk.slides.md', '--single-file', '--out', 'hard.html', '--overwrite'],
      { cwd: dir },
    )
    expect(html.stderr).toContain('refusing to overwrite hard.html: it is the deck')
    expect(fs.readFileSync(path.join(dir, 'talk.slides.md'), 'utf8')).toContain('Tide Tables')
  })

  it('an image the deck uses is never overwritten, even with --overwrite', async () => {
    const dir = project()
    const image = fs.readFileSync(path.join(dir, 'img', 'sunrise.png'))
    fs.symlinkSync('img/sunrise.png', path.join(dir, 'sunrise.html'))
    const result = await runCli(
      ['build', 'talk.slides.md', '--single-file', '--out', 'sunrise.html', '--overwrite'],
      { cwd: dir },
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('refusing to overwrite sunrise.html: the deck uses it')
    expect(fs.readFileSync(path.join(dir, 'img', 'sunrise.png'))).toEqual(image)
  })

  it('--single-file replaces its own HTML file but not another HTML file', async () => {
    const dir = project()
    const built = await runCli(['build', 'talk.slides.md', '--single-file', '--out', 'talk.html'], {
      cwd: dir,
    })
    expect(built.code).toBe(0)
    const again = await runCli(['build', 'talk.slides.md', '--single-file', '--out', 'talk.html'], {
      cwd: dir,
    })
    expect(again.code).toBe(0)

    write(path.join(dir, 'index.html'), '<!doctype html><title>My homepage</title>')
    const refused = await runCli(
      ['build', 'talk.slides.md', '--single-file', '--out', 'index.html'],
      { cwd: dir },
    )
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim()).toBe(
      'slidemark: refusing to overwrite index.html: Slidemark did not write it; choose another --out, or add --overwrite to replace it',
    )
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).toContain('My homepage')
  })

  it('export --pdf replaces its own PDF, and another PDF only with --overwrite', async () => {
    const dir = project()
    write(path.join(dir, 'handout.pdf'), '%PDF-1.4\n% a handout made elsewhere\n%%EOF\n')
    const refused = await runCli(['export', 'talk.slides.md', '--pdf', 'handout.pdf'], {
      cwd: dir,
    })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(
      'refusing to overwrite handout.pdf: Slidemark did not write it; choose another --pdf, or add --overwrite',
    )
    expect(fs.readFileSync(path.join(dir, 'handout.pdf'), 'utf8')).toContain('made elsewhere')

    const forced = await runCli(
      ['export', 'talk.slides.md', '--pdf', 'handout.pdf', '--overwrite'],
      { cwd: dir },
    )
    expect(forced.code).toBe(0)
    // Its own PDF is replaced without asking.
    const again = await runCli(['export', 'talk.slides.md', '--pdf', 'handout.pdf'], { cwd: dir })
    expect(again.stderr).toContain('wrote handout.pdf (6 pages)')
    expect(again.code).toBe(0)
    // A real PDF reader agrees the marked file is sound.
    const info = execFileSync('pdfinfo', [path.join(dir, 'handout.pdf')], { encoding: 'utf8' })
    expect(info).toMatch(/^Creator:\s+slidemark \d+\.\d+\.\d+/m)
    expect(info).toMatch(/^Title:\s+Tide Tables for Beginners$/m)
    expect(info).toMatch(/^Pages:\s+6$/m)
    expect(fs.readdirSync(dir).sort()).toEqual(['handout.pdf', 'img', 'talk.slides.md'])
  })
})

describe('markPdf', () => {
  it('appends a document information update that keeps the title and names Slidemark', () => {
    const body = '%PDF-1.4\n1 0 obj\n<</Title (A \\(b\\) >> c)\n/Creator (Chrome)>>\nendobj\n'
    const xref = body.length
    const pdf = `${body}xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 2\n/Root 1 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`
    const marked = Buffer.from(markPdf(Buffer.from(pdf, 'latin1'))).toString('latin1')
    expect(marked.startsWith(pdf)).toBe(true)
    const update = marked.slice(pdf.length)
    expect(update).toContain('/Title (A \\(b\\) >> c)')
    expect(update).not.toContain('Chrome')
    expect(update).toMatch(/\/Creator \(slidemark [\d.]+\)>>/)
    expect(update).toContain(`/Prev ${xref}>>`)
    const at = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(update)?.[1])
    expect(marked.slice(at, at + 4)).toBe('xref')
    const objectAt = Number(/xref\n1 1\n(\d{10}) 00000 n \n/.exec(update)?.[1])
    expect(marked.slice(objectAt, objectAt + 7)).toBe('1 0 obj')
  })

  it('leaves a PDF it cannot read as it is', () => {
    const pdf = Buffer.from('%PDF-1.7\n% cross-reference stream only\n')
    expect(markPdf(pdf)).toBe(pdf)
  })
})

describe('temporary files of a killed run', () => {
  it('the next build removes what a SIGKILLed one left, and keeps a running one’s', async () => {
    const dir = project()
    const target = path.join(dir, 'dist')
    const child = spawn(process.execPath, [path.join(fixtures, 'staged-work.mjs'), target], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const staged = await new Promise<string>((resolve) => {
      let out = ''
      child.stdout.on('data', (chunk) => {
        out += chunk
        if (out.includes('\n')) resolve(out.trim().replace(/^staged /, ''))
      })
    })
    const exited = new Promise((resolve) => child.on('close', resolve))
    child.kill('SIGKILL')
    await exited
    expect(fs.existsSync(staged)).toBe(true)
    // One from an older version (no process id in its name), one of a process still running (this one).
    fs.mkdirSync(path.join(dir, '.dist.slidemark-0badf00d'))
    const live = path.join(dir, `.dist.tmp-${process.pid}-12345678`)
    fs.mkdirSync(live)

    const result = await runCli(['build', 'talk.slides.md'], { cwd: dir })
    expect(result.code).toBe(0)
    expect(fs.readdirSync(dir).sort()).toEqual([
      path.basename(live),
      'dist',
      'img',
      'talk.slides.md',
    ])
  })
})

describe('a full disk', () => {
  /** The CLI with every write into its temporary outputs failing with ENOSPC (see fixtures/disk-full.mjs). */
  const full = { NODE_OPTIONS: `--import=${path.join(fixtures, 'disk-full.mjs')}` }

  it('build says so in one line, exits 1 and leaves the previous output', async () => {
    const dir = project()
    const first = await runCli(['build', 'talk.slides.md'], { cwd: dir })
    expect(first.code).toBe(0)
    const before = snapshot(path.join(dir, 'dist'))
    const result = await runCli(['build', 'talk.slides.md'], { cwd: dir, env: full })
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n').at(-1)).toBe(
      'slidemark: cannot write dist: no space left on device; free some space and run the command again',
    )
    expect(result.stderr).not.toMatch(/unexpected|please report|\n\s+at /)
    expect(snapshot(path.join(dir, 'dist'))).toEqual(before)
    expect(fs.readdirSync(dir).sort()).toEqual(['dist', 'img', 'talk.slides.md'])
  })

  it('export --pdf says so and leaves no temporary file', async () => {
    const dir = project()
    const result = await runCli(['export', 'talk.slides.md', '--pdf', 'talk.pdf'], {
      cwd: dir,
      env: full,
    })
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n').at(-1)).toBe(
      'slidemark: cannot write talk.pdf: no space left on device; free some space and run the command again',
    )
    expect(fs.readdirSync(dir).sort()).toEqual(['img', 'talk.slides.md'])
  })

  it("Rolldown's full-disk error becomes one plain line", () => {
    const rolldown = Object.assign(new Error('Build failed with 1 error'), {
      errors: [
        {
          message:
            '\u001b[31m[UNHANDLEABLE_ERROR] Error:\u001b[39m Something went wrong inside rolldown: No space left on device (os error 28)',
        },
      ],
    })
    expect(describeBuildError(rolldown).message).toBe(
      'build failed: no space left on device; free some space and run the command again',
    )
  })

  it('other build errors lose their colour codes', () => {
    const coloured = { errors: [{ message: '\u001b[31m[PLUGIN_ERROR]\u001b[39m it broke' }] }
    expect(describeBuildError(coloured).message).toBe('build failed: it broke')
  })
})
