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

/** A {@link CliError} about the command line (exit code 2). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, exitCodes.usage)
    this.name = 'UsageError'
  }
}
