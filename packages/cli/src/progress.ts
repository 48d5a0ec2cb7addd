/**
 * Progress lines on standard error (standard output stays for results such as
 * `inspect`'s table or JSON). On a terminal the counter rewrites one line; in a
 * log or a pipe every step is its own line.
 */
export interface Progress {
  /** Reports `done` of `total`, e.g. `exported slide 3/25`. */
  update(done: number, total: number): void
  /** Ends the progress line. */
  done(): void
}

export function createProgress(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const live = stream.isTTY === true
  let open = false
  return {
    update(done, total) {
      const text = `${label} ${done}/${total}`
      if (live) {
        stream.write(`\r${text}\u001b[K`)
        open = true
      } else {
        stream.write(`${text}\n`)
      }
    },
    done() {
      if (open) stream.write('\n')
      open = false
    },
  }
}

/** Writes one line to standard error. */
export function info(line: string): void {
  process.stderr.write(`${line}\n`)
}
