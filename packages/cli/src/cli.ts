import { CliError, exitCodes, UsageError } from './errors.js'
import { installSignalHandlers, runCleanups } from './interrupt.js'
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
    const error =
      thrown instanceof CliError
        ? thrown
        : thrown instanceof Error
          ? fromCac(thrown, program.args)
          : undefined
    await runCleanups()
    if (error) {
      process.stderr.write(`slidemark: ${error.message}\n`)
      if (error instanceof UsageError) process.stderr.write('Run slidemark --help for usage.\n')
      code = error.exitCode
    } else {
      process.stderr.write(`slidemark: unexpected error, please report it:\n`)
      process.stderr.write(
        `${thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)}\n`,
      )
      code = exitCodes.failure
    }
  }
  return exit(code)
}
