/**
 * Exit codes of the `slidemark` command, documented under "Exit codes" in the
 * README. Scripts can rely on them.
 */
export const exitCodes = {
  /** The command did what it was asked. */
  ok: 0,
  /** Bad input or failed work: missing file, not a deck, unknown theme, compile error, unwritable output, no browser. */
  failure: 1,
  /** The command line itself is wrong: unknown command or option, missing argument, bad option value. */
  usage: 2,
  /** Stopped by Ctrl-C (SIGINT); nothing half-written is left behind. */
  interrupted: 130,
  /** Stopped by SIGTERM. */
  terminated: 143,
} as const

/**
 * An expected failure with a one-line reason for the user. The CLI prints
 * `slidemark: <message>` and exits with `exitCode`; anything else thrown is a
 * bug and is printed with its stack.
 */
export class CliError extends Error {
  readonly exitCode: number

  constructor(message: string, exitCode: number = exitCodes.failure) {
    super(message)
    this.name = 'CliError'
    this.exitCode = exitCode
  }
}

/** A full disk as Node (`ENOSPC`, `EDQUOT`) and Rolldown (`No space left on device (os error 28)`) report it. */
const DISK_FULL = /\b(?:ENOSPC|EDQUOT)\b|no space left on device|disk quota exceeded/i

/**
 * A {@link CliError} for a full disk when `error` (or one of the errors it
 * gathers) is one; `undefined` otherwise.
 */
export function diskFullError(error: unknown, target?: string): CliError | undefined {
  const parts = [error, ...((error as { errors?: unknown[] } | undefined)?.errors ?? [])]
  const text = parts
    .map((part) =>
      part instanceof Error || typeof part === 'object'
        ? `${(part as { code?: string })?.code ?? ''} ${(part as { message?: string })?.message ?? ''}`
        : String(part),
    )
    .join('\n')
  if (!DISK_FULL.test(text)) return undefined
  const where = target ? `cannot write ${target}: ` : ''
  return new CliError(`${where}no space left on device; free some space and run the command again`)
}

/** A {@link CliError} about the command line (exit code 2). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, exitCodes.usage)
    this.name = 'UsageError'
  }
}
