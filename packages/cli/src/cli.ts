import { stripVTControlCharacters } from 'node:util'
import { CliError, diskFullError, exitCodes, UsageError } from './errors.js'
import { installSignalHandlers, interruptedCode, runCleanups } from './interrupt.js'
import { createProgram } from './program.js'

/** cac's own errors (unknown option, missing argument) are usage errors. */
function fromCac(error: Error, args: readonly string[]): CliError | undefined {
  if (error.name !== 'CACError') return undefined
  if (error.message.startsWith('Unused args') && args.length > 1) {
    return new UsageError(`unknown command "${args[0]}"`)
  }
  const message = error.message
    .replace(/^missing required args for command `(\w+).*`$/, 'missing deck file for $1')
    .replace(/`/g, '"')
  return new UsageError(message.charAt(0).toLowerCase() + message.slice(1))
}

/** `text` without colour codes unless standard error is a terminal that shows them. */
function plain(text: string): string {
  return process.stderr.isTTY && !process.env.NO_COLOR ? text : stripVTControlCharacters(text)
}

/** Waits until standard output and error are flushed, then exits. */
async function exit(code: number): Promise<never> {
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
  await new Promise<void>((resolve) => process.stderr.write('', () => resolve()))
  process.exit(code)
}

/** Runs the `slidemark` command with `args` (without `node` and the script). */
export async function main(args: readonly string[]): Promise<never> {
  installSignalHandlers()
  // `slidemark inspect --json | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(exitCodes.ok)
    throw error
  })
  const program = createProgram()
  let code: number = exitCodes.ok
  try {
    program.parse(['node', 'slidemark', ...args], { run: false })
    if (program.matchedCommand || (!program.options.help && !program.options.version)) {
      await program.runMatchedCommand()
    }
  } catch (thrown) {
    // Interrupted: whatever failed because of it (Ctrl-C reaches the browser too), the signal
    // handler says so in one line and exits. A failure that is not ours waits a moment for that signal.
    if (!(thrown instanceof CliError)) await new Promise((resolve) => setTimeout(resolve, 50))
    const interrupted = interruptedCode()
    if (interrupted !== undefined) {
      await runCleanups()
      return exit(interrupted)
    }
    const error =
      thrown instanceof CliError
        ? thrown
        : thrown instanceof Error
          ? (fromCac(thrown, program.args) ?? diskFullError(thrown))
          : undefined
    await runCleanups()
    if (error) {
      process.stderr.write(`slidemark: ${plain(error.message)}\n`)
      if (error instanceof UsageError) process.stderr.write('Run slidemark --help for usage.\n')
      code = error.exitCode
    } else {
      // A bug: one line, and the stack where someone reads it (a terminal, or SLIDEMARK_DEBUG=1).
      const message = thrown instanceof Error ? thrown.message : String(thrown)
      process.stderr.write(
        `slidemark: unexpected error, please report it: ${plain(message).split('\n')[0]}\n`,
      )
      if (
        thrown instanceof Error &&
        thrown.stack &&
        (process.stderr.isTTY || process.env.SLIDEMARK_DEBUG)
      ) {
        process.stderr.write(`${thrown.stack}\n`)
      }
      code = exitCodes.failure
    }
  }
  return exit(code)
}
