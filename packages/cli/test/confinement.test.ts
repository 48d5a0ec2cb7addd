import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, copyFixture, runCli, startCli, tempDir } from './helpers.js'

const made: string[] = []
beforeAll(assertBuilt)
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

const SECRET = 'AKIA-HARBOUR-MASTER-KEY-7731'

/**
 * A home folder as a user has it: the deck's project in `talks/`, and next
 * to it what a deck must never reach: a secret file, an SSH key.
 */
function home(): { home: string; talks: string; secret: string } {
  const dir = tempDir('slidemark-home-')
  made.push(dir)
  const talks = path.join(dir, 'talks')
  fs.cpSync(copyFixture('talk'), talks, { recursive: true })
  const secret = path.join(dir, 'secret.txt')
  fs.writeFileSync(secret, `${SECRET}\n`)
  fs.mkdirSync(path.join(dir, '.ssh'))
  fs.writeFileSync(path.join(dir, '.ssh', 'id_rsa'), `${SECRET} ssh\n`)
  return { home: dir, talks, secret }
}

function addSlide(deck: string, text: string): void {
  fs.appendFileSync(deck, `\n---\n\n${text}\n`)
}

describe('build reads only inside the deck’s root', () => {
  it('an image URL with ?raw fails at its line and column; nothing is written', async () => {
    const { talks } = home()
    addSlide(path.join(talks, 'talk.slides.md'), '# Pasted\n\n![log](../secret.txt?raw)')
    const result = await runCli(['build', 'talk.slides.md', '--single-file', '--out', 'x.html'], {
      cwd: talks,
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^slidemark: build failed: talk\.slides\.md:58:1: error: "\.\.\/secret\.txt\?raw": an image or media URL cannot have a query \(\?raw\).*\[asset-query\]$/m,
    )
    expect(fs.existsSync(path.join(talks, 'x.html'))).toBe(false)
  })

  it('an image that is a symbolic link to a file outside the folder fails, naming the target', async () => {
    const { talks, secret } = home()
    fs.symlinkSync(secret, path.join(talks, 'img', 'chart.png'))
    addSlide(path.join(talks, 'talk.slides.md'), '# Chart\n\n<img src="img/chart.png" alt="">')
    const result = await runCli(['build', 'talk.slides.md'], { cwd: talks })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'talk.slides.md:58:1: error: "img/chart.png" is outside the deck\'s root',
    )
    expect(result.stderr).toContain('[asset-outside-root]')
    expect(fs.existsSync(path.join(talks, 'dist'))).toBe(false)
  })

  it('--root widens the root to share an image from a folder above', async () => {
    const { home: dir, talks } = home()
    fs.mkdirSync(path.join(dir, 'shared'))
    fs.copyFileSync(path.join(talks, 'img', 'sunrise.png'), path.join(dir, 'shared', 'logo.png'))
    addSlide(path.join(talks, 'talk.slides.md'), '# Logo\n\n![logo](../shared/logo.png)')
    const refused = await runCli(['build', 'talk.slides.md'], { cwd: talks })
    expect(refused.stderr).toContain('[asset-outside-root]')
    const result = await runCli(['build', 'talk.slides.md', '--root', '..'], { cwd: talks })
    expect(result.stderr).toContain('slidemark: wrote dist/')
    expect(result.code).toBe(0)
    const built = fs.readdirSync(path.join(talks, 'dist'), { recursive: true }).join('\n')
    expect(built).not.toContain('secret')
  })

  it('--root must contain the deck', async () => {
    const { talks } = home()
    fs.mkdirSync(path.join(talks, 'sub'))
    const result = await runCli(['build', 'talk.slides.md', '--root', 'sub'], { cwd: talks })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('slidemark: --root sub must contain the deck')
  })
})

describe('export lets Chromium load only the built deck', () => {
  it('an <iframe> of a path on disk stays empty in the PDF, and the deck’s own image is there', async () => {
    const { talks, secret } = home()
    addSlide(
      path.join(talks, 'talk.slides.md'),
      `# Leak\n\n<iframe src="${secret}"></iframe>\n\n<img src="${secret}" alt="">`,
    )
    const result = await runCli(['export', 'talk.slides.md', '--pdf', 'talk.pdf'], { cwd: talks })
    expect(result.code).toBe(0)
    const pdf = path.join(talks, 'talk.pdf')
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain('Leak')
    expect(text).toContain('Tide Tables for Beginners')
    expect(text).not.toContain(SECRET)
    // The sunrise image still renders: the deck's own, inlined, assets load.
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
    expect(images.trim().split('\n').length).toBeGreaterThan(2)
  })
})

describe('raw HTML links are checked like images', () => {
  it('a file: URL fails export at its place; no PDF is written', async () => {
    const { talks, secret } = home()
    addSlide(
      path.join(talks, 'talk.slides.md'),
      `# Leak\n\n<iframe src="file://${secret}"></iframe>`,
    )
    const result = await runCli(['export', 'talk.slides.md', '--pdf', 'talk.pdf'], { cwd: talks })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      `talk.slides.md:58:1: error: "file://${secret}": a deck cannot use file: URLs`,
    )
    expect(result.stderr).toContain('[asset-file-url]')
    expect(fs.existsSync(path.join(talks, 'talk.pdf'))).toBe(false)
  })

  it('a link out of the root, or with ?inline, fails build at its place', async () => {
    const { talks } = home()
    const deck = path.join(talks, 'talk.slides.md')
    const before = fs.readFileSync(deck, 'utf8')
    addSlide(deck, '# Reading\n\nSee <a href="../secret.txt">my notes</a>.')
    const outside = await runCli(['build', 'talk.slides.md'], { cwd: talks })
    expect(outside.code).toBe(1)
    expect(outside.stderr).toContain(
      'talk.slides.md:58:5: error: "../secret.txt" is outside the deck\'s root',
    )
    fs.writeFileSync(deck, before)
    addSlide(deck, '# Print\n\n<link rel="stylesheet" href="print.css?inline">')
    const query = await runCli(['build', 'talk.slides.md'], { cwd: talks })
    expect(query.code).toBe(1)
    expect(query.stderr).toContain(
      'talk.slides.md:58:1: error: "print.css?inline": a link cannot have a query (?inline)',
    )
    expect(fs.existsSync(path.join(talks, 'dist'))).toBe(false)
  })
})

/** A GET with the path sent exactly as written (no URL normalization). */
function get(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base)
  return new Promise((resolve, reject) => {
    const request = http.get({ hostname, port, path: rawPath }, (response) => {
      let body = ''
      response.setEncoding('latin1')
      response.on('data', (chunk) => {
        body += chunk
      })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    request.on('error', reject)
  })
}

describe('the dev server serves only the deck’s folder and what it needs', () => {
  it('refuses dot-files, dot-folders, symbolic links out of the root and other folders', async () => {
    const { home: dir, talks, secret } = home()
    for (const file of ['.env', '.env.local', '.git/config', 'notes/.aws/credentials']) {
      fs.mkdirSync(path.dirname(path.join(talks, file)), { recursive: true })
      fs.writeFileSync(path.join(talks, file), `${SECRET} ${file}\n`)
    }
    fs.symlinkSync(secret, path.join(talks, 'secret-link.txt'))
    fs.symlinkSync(dir, path.join(talks, 'home-link'))
    fs.writeFileSync(path.join(talks, 'handout.txt'), 'tide table handout\n')

    const server = await startCli(
      ['dev', 'talk.slides.md', '--port', '0', '--host', '127.0.0.1'],
      /slidemark: ready at (http:\/\/127\.0\.0\.1:\d+\/)/,
      { cwd: talks },
    )
    try {
      const base = server.match[1] as string
      expect((await get(base, '/')).status).toBe(200)
      expect((await get(base, '/img/sunrise.png')).status).toBe(200)
      expect((await get(base, '/handout.txt')).body).toContain('tide table handout')
      const refused = [
        '/.env',
        '/.env.local',
        '/.git/config',
        '/notes/.aws/credentials',
        '/%2egit/config',
        '/secret-link.txt',
        '/secret-link.txt?raw',
        '/home-link/secret.txt',
        '/home-link/.ssh/id_rsa',
        `/@fs${secret}`,
        `/@fs${secret}?raw`,
        `/@fs${path.join(dir, '.ssh', 'id_rsa')}`,
        `/@fs${path.join(talks, '.env')}`,
        '/../secret.txt',
        '/img/../../secret.txt',
        '/@fs/etc/passwd',
      ]
      for (const url of refused) {
        const { status, body } = await get(base, url)
        expect({ url, leaked: body.includes(SECRET) || body.includes('root:') }).toEqual({
          url,
          leaked: false,
        })
        expect({ url, status }).not.toEqual({ url, status: 200 })
      }
    } finally {
      server.child.kill('SIGINT')
      await server.exited
    }
  })
})
