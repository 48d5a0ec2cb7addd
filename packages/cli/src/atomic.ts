import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { CliError } from './errors.js'
import { registerCleanup } from './interrupt.js'

/**
 * Output is never written in place: it goes to a temporary file or folder next
 * to the target (same file system, so the final rename is atomic) that is
 * removed if the command fails or is interrupted.
 */

/** A temporary path next to `target`, e.g. `dist` → `.dist.slidemark-1a2b3c`. */
function siblingPath(target: string, label: string): string {
  const name = `.${path.basename(target)}.${label}-${randomBytes(4).toString('hex')}`
  return path.join(path.dirname(target), name)
}

/** The one-line reason for a file system error on `target`. */
export function describeWriteError(error: unknown, target: string): CliError {
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
  const reason = (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error))
  return new CliError(`cannot write ${target}: ${reason}`)
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

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/**
 * Output folders are replaced as a whole, so `target` must be a folder (or
 * not exist yet) and must not be, or contain, the working folder or the
 * deck's folder.
 */
export function assertReplaceableDir(
  target: string,
  { cwd, deckDir, option }: { cwd: string; deckDir: string; option: string },
): void {
  if (fs.existsSync(target) && !fs.statSync(target).isDirectory()) {
    throw new CliError(`cannot write ${target}: it is a file, not a folder`)
  }
  for (const [dir, what] of [
    [cwd, 'the working folder'],
    [deckDir, "the deck's folder"],
  ] as const) {
    if (isInside(dir, target)) {
      throw new CliError(
        `refusing to replace ${target}: it is or contains ${what}; choose another ${option}`,
      )
    }
  }
}
