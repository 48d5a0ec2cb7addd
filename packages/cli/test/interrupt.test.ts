import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, bin, cliEnv, fixtures, tempDir } from './helpers.js'

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
function longDeck(dir: string): void {
  const slides = Array.from(
    { length: 60 },
    (_, n) =>
      `# Tide station ${n + 1}\n\n- high water\n\n$$$$\n\n- low water\n\n$$$$\n\nRange ${n}`,
  )
  fs.writeFileSync(
    path.join(dir, 'long.slides.md'),
    `---\ntitle: Every station\n---\n\nEvery station\n\n---\n\n${slides.join('\n\n---\n\n')}\n`,
  )
}

/**
 * Runs the CLI in its own process group and, once its standard error matches
 * `when`, sends `signal` to the whole group, as a terminal's Ctrl-C does (the
 * browser gets it too). Resolves with the exit code, the output and how long
 * the exit took after the signal.
 */
function signalGroup(
  args: string[],
  cwd: string,
  when: RegExp,
  signal: NodeJS.Signals,
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
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      if (!sent && when.test(stderr)) {
        sent = performance.now()
        process.kill(-(child.pid as number), signal)
      }
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stderr, ms: performance.now() - sent }))
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
    longDeck(dir)
    const result = await signalGroup(['build', 'long.slides.md'], dir, /building with/, 'SIGTERM')
    expect(result.code).toBe(143)
    expect(result.stderr).toContain('slidemark: terminated')
    expect(result.stderr).not.toMatch(/unexpected|please report|\n\s+at /)
    expect(fs.readdirSync(dir)).toEqual(['long.slides.md'])
    expect(result.ms).toBeLessThan(5000)
  })
})
