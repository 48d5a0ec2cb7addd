import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, fixtures, tempDir } from './helpers.js'

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
