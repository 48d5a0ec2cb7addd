import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, bin, cliEnv, fixtures, runCli, tempDir } from './helpers.js'

const made: string[] = []
beforeAll(assertBuilt)
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** Runs the staging script until it has written, sends `signal`, resolves with its exit code. */
function interrupt(
  target: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; staged: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(fixtures, 'staged-work.mjs'), target], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let staged = ''
    child.stdout.on('data', (chunk) => {
      staged += chunk
      if (staged.includes('\n')) {
        expect(fs.existsSync(staged.trim().replace(/^staged /, ''))).toBe(true)
        child.kill(signal)
      }
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, staged: staged.trim().replace(/^staged /, '') }))
  })
}

describe('Ctrl-C leaves nothing half-written', () => {
  it('SIGINT removes the staged output, keeps the old output and exits 130', async () => {
    const dir = tempDir()
    made.push(dir)
    const target = path.join(dir, 'dist')
    fs.mkdirSync(target)
    fs.writeFileSync(path.join(target, 'index.html'), 'previous build')
    const { code, staged } = await interrupt(target, 'SIGINT')
    expect(code).toBe(130)
    expect(fs.existsSync(staged)).toBe(false)
    expect(fs.readdirSync(dir)).toEqual(['dist'])
    expect(fs.readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('previous build')
  })

  it('SIGTERM removes the staged output and exits 143', async () => {
    const dir = tempDir()
    made.push(dir)
    const { code } = await interrupt(path.join(dir, 'dist'), 'SIGTERM')
    expect(code).toBe(143)
    expect(fs.readdirSync(dir)).toEqual([])
  })
})

/** A deck long enough that exporting it takes a while: 60 slides of three steps. */
function longDeck(dir: string, { image = false } = {}): void {
  const slides = Array.from(
    { length: 60 },
    (_, n) =>
      `# Tide station ${n + 1}\n\n- high water\n\n$$$$\n\n- low water\n\n$$$$\n\nRange ${n}`,
  )
  if (image) {
    fs.copyFileSync(
      path.join(fixtures, 'talk', 'img', 'sunrise.png'),
      path.join(dir, 'sunrise.png'),
    )
    slides.push('# Dawn\n\n![dawn](./sunrise.png)')
  }
  fs.writeFileSync(
    path.join(dir, 'long.slides.md'),
    `---\ntitle: Every station\n---\n\nEvery station\n\n---\n\n${slides.join('\n\n---\n\n')}\n`,
  )
}

/** A deck with a pasted log on slide 2 (line 7): `*a**a*` 100 000 times, minutes of emphasis parsing. */
function hostileDeck(dir: string): void {
  fs.writeFileSync(
    path.join(dir, 'pasted.slides.md'),
    `# Build log, Friday\n\nWhat the CI said:\n\n---\n\n${'*a**a*'.repeat(100_000)}\n`,
  )
}

/** The process has used over 4 s of CPU (Linux `/proc`): past start-up, deep in the hostile slide. */
function compiling(pid: number): boolean {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) / 100 > 4
  } catch {
    return false
  }
}

/**
 * Runs the CLI in its own process group and, once its standard error matches
 * `when` (or once `ready(pid)` says so), sends `signal` to the whole group,
 * as a terminal's Ctrl-C does (the browser gets it too). Resolves with the exit code, the output and how long
 * the exit took after the signal.
 */
function signalGroup(
  args: string[],
  cwd: string,
  when: RegExp | undefined,
  signal: NodeJS.Signals,
  ready?: (pid: number) => boolean,
): Promise<{ code: number | null; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      detached: true,
      env: cliEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    let sent = 0
    const send = () => {
      if (sent) return
      sent = performance.now()
      process.kill(-(child.pid as number), signal)
    }
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      if (when?.test(stderr)) send()
    })
    const poll = ready
      ? setInterval(() => {
          if (ready(child.pid as number)) send()
        }, 100)
      : undefined
    child.on('error', reject)
    child.on('close', (code) => {
      clearInterval(poll)
      resolve({ code, stderr, ms: performance.now() - sent })
    })
  })
}

describe('Ctrl-C in a command', () => {
  it('during export exits 130 with one line, no stack trace, and leaves nothing behind', async () => {
    const dir = tempDir()
    made.push(dir)
    longDeck(dir)
    const before = fs
      .readdirSync(os.tmpdir())
      .filter((name) => name.startsWith('slidemark-export-'))
    const result = await signalGroup(
      ['export', 'long.slides.md', '--png', 'frames', '--steps'],
      dir,
      /exported slide 2\//,
      'SIGINT',
    )
    expect(result.code).toBe(130)
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('slidemark:'))
    expect(lines.at(-1)).toBe('slidemark: interrupted')
    expect(result.stderr).not.toMatch(/unexpected|please report|\n\s+at /)
    expect(fs.readdirSync(dir)).toEqual(['long.slides.md'])
    const after = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('slidemark-export-'))
    expect(after.filter((name) => !before.includes(name))).toEqual([])
    // "Within a second" on an idle machine; generous here for a loaded one.
    expect(result.ms).toBeLessThan(5000)
  })

  it('SIGTERM during build exits 143 and leaves no staged folder', async () => {
    const dir = tempDir()
    made.push(dir)
    // With an image the deck is built by Vite, which the signal interrupts (a deck
    // without one is written beside a prebuilt app in milliseconds: see static-app.ts).
    longDeck(dir, { image: true })
    const result = await signalGroup(['build', 'long.slides.md'], dir, /building with/, 'SIGTERM')
    expect(result.code).toBe(143)
    expect(result.stderr).toContain('slidemark: terminated')
    expect(result.stderr).not.toMatch(/unexpected|please report|\n\s+at /)
    expect(fs.readdirSync(dir).sort()).toEqual(['long.slides.md', 'sunrise.png'])
    expect(result.ms).toBeLessThan(5000)
  })

  it('SIGINT while a hostile slide compiles in a worker exits 130 within seconds', async () => {
    const dir = tempDir()
    made.push(dir)
    hostileDeck(dir)
    // No time limit on the slide: only the signal can end this build.
    const result = await signalGroup(
      ['build', 'pasted.slides.md', '--slide-timeout', '0'],
      dir,
      undefined,
      'SIGINT',
      compiling,
    )
    expect(result.code).toBe(130)
    expect(result.stderr).toContain('slidemark: interrupted')
    expect(result.stderr).not.toMatch(/unexpected|please report|\n\s+at /)
    expect(fs.readdirSync(dir)).toEqual(['pasted.slides.md'])
    expect(result.ms).toBeLessThan(5000)
  }, 120_000)
})

describe('--slide-timeout', () => {
  it('a slide over the budget is an error at its line that says how to raise it', async () => {
    const dir = tempDir()
    made.push(dir)
    hostileDeck(dir)
    const result = await runCli(['inspect', 'pasted.slides.md', '--slide-timeout', '0.5'], {
      cwd: dir,
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^slidemark: pasted\.slides\.md:7:1: error: This slide took over 0\.5 s to compile.*to allow more time, pass --slide-timeout SECONDS \(0: no limit\) \[slide-timeout\]$/m,
    )
  }, 120_000)

  it('a value that is not a number of seconds is a usage error', async () => {
    const result = await runCli(['inspect', 'missing.slides.md', '--slide-timeout', 'soon'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      '--slide-timeout must be a number of seconds (0: no limit), got "soon"',
    )
  })
})
