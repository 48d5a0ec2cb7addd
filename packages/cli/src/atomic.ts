import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { displayPathOf } from './deck.js'
import { CliError, diskFullError } from './errors.js'
import { registerCleanup } from './interrupt.js'

/**
 * Output is never written in place: it goes to a temporary file or folder next
 * to the target (same file system, so the final rename is atomic) that is
 * removed if the command fails or is interrupted.
 */

/** The labels of temporary paths next to an output; see {@link removeStale}. */
const LABELS = ['slidemark', 'slidemark-old', 'tmp', 'probe'] as const

/**
 * A temporary path next to `target` that names this process, e.g. `dist` →
 * `.dist.slidemark-4242-1a2b3c4d`, so a later run knows whether its owner is gone.
 */
function siblingPath(target: string, label: (typeof LABELS)[number]): string {
  const name = `.${path.basename(target)}.${label}-${process.pid}-${randomBytes(4).toString('hex')}`
  return path.join(path.dirname(target), name)
}

/** Whether process `pid` still runs (another user's process counts). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Removes the temporary files and folders a killed run (SIGKILL, power loss)
 * left next to `target`: those of processes no longer running, and those of
 * versions that did not name their process.
 */
export function removeStale(target: string): void {
  const pattern = new RegExp(
    `^\\.${escapeRegExp(path.basename(target))}\\.(?:${LABELS.join('|')})-(?:(\\d+)-)?[0-9a-f]{8}$`,
  )
  let names: string[]
  try {
    names = fs.readdirSync(path.dirname(target))
  } catch {
    return
  }
  for (const name of names) {
    const pid = pattern.exec(name)?.[1]
    if (pid === undefined && !pattern.test(name)) continue
    if (pid !== undefined && (Number(pid) === process.pid || isRunning(Number(pid)))) continue
    fs.rmSync(path.join(path.dirname(target), name), { recursive: true, force: true })
  }
}

/**
 * The one-line reason for a file system error on `target`, which is named
 * relative to the working folder when inside it, as every output is.
 */
export function describeWriteError(error: unknown, target: string): CliError {
  const shown = path.isAbsolute(target) ? displayPathOf(target) : target
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOTDIR: 'a parent is not a folder',
    EISDIR: 'it is a folder',
    ENOSPC: 'no space left on device',
    EEXIST: 'it already exists',
  }
  const full = diskFullError(error, shown)
  if (full) return full
  const reason = (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error))
  return new CliError(`cannot write ${shown}: ${reason}`)
}

/** A temporary folder removed on failure or Ctrl-C unless `commit` moved it into place. */
export interface StagingDir {
  /** Where to write. */
  path: string
  /** Replaces `target` with the staged folder (the old `target` is removed). */
  commit(): void
  /** Removes the staged folder. */
  discard(): void
}

/**
 * Creates a temporary folder next to `target`; fails early with a one-line
 * reason when `target`'s parent cannot be written.
 */
export function stageDir(target: string): StagingDir {
  removeStale(target)
  const staging = siblingPath(target, 'slidemark')
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.mkdirSync(staging)
  } catch (error) {
    throw describeWriteError(error, target)
  }
  const discard = () => fs.rmSync(staging, { recursive: true, force: true })
  const release = registerCleanup(discard)
  return {
    path: staging,
    commit() {
      // Synchronous on purpose: a signal handler cannot run between the renames.
      const old = siblingPath(target, 'slidemark-old')
      try {
        if (fs.existsSync(target)) {
          if (!fs.statSync(target).isDirectory())
            throw Object.assign(new Error(), { code: 'ENOTDIR' })
          fs.renameSync(target, old)
        }
        fs.renameSync(staging, target)
      } catch (error) {
        throw describeWriteError(error, target)
      } finally {
        release()
      }
      fs.rmSync(old, { recursive: true, force: true })
    },
    discard() {
      release()
      discard()
    },
  }
}

/** Writes `data` to `target` through a temporary file and a rename. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  removeStale(target)
  const temporary = siblingPath(target, 'tmp')
  const release = registerCleanup(() => fs.rmSync(temporary, { force: true }))
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(temporary, data)
    fs.renameSync(temporary, target)
  } catch (error) {
    fs.rmSync(temporary, { force: true })
    throw describeWriteError(error, target)
  } finally {
    release()
  }
}

/** Moves the file `source` onto `target` (replacing it), copying when they are on different file systems. */
export function moveFileAtomic(source: string, target: string): void {
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.renameSync(source, target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw describeWriteError(error, target)
    writeFileAtomic(target, fs.readFileSync(source))
    fs.rmSync(source, { force: true })
  }
}

/** Fails early with a one-line reason if a file could not be created at `target`. */
export function assertWritable(target: string): void {
  const probe = siblingPath(target, 'probe')
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(probe, '')
  } catch (error) {
    throw describeWriteError(error, target)
  } finally {
    fs.rmSync(probe, { force: true })
  }
}

/**
 * A private temporary folder for this process, `<temp>/<prefix>-<pid>-XXXXXX`.
 * Folders of the same prefix that a killed run left (their process is gone,
 * they are the user's own) are removed first.
 */
export function makeWorkDir(prefix: string): string {
  const pattern = new RegExp(`^${escapeRegExp(prefix)}-(\\d+)-[\\w]{6}$`)
  const temp = os.tmpdir()
  for (const name of fs.readdirSync(temp)) {
    const pid = Number(pattern.exec(name)?.[1])
    if (!pid || pid === process.pid || isRunning(pid)) continue
    const dir = path.join(temp, name)
    try {
      if (fs.lstatSync(dir).uid === process.getuid?.())
        fs.rmSync(dir, { recursive: true, force: true })
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return fs.mkdtempSync(path.join(temp, `${prefix}-${process.pid}-`))
}
