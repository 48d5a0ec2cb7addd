import fs from 'node:fs'

/**
 * Slidemark marks the `.pptx` files it writes with a zip comment
 * (`slidemark <version>`, at the very end of the file), so a later export may
 * replace them without `--overwrite`. PowerPoint and LibreOffice drop the
 * comment when they save, so a file edited since is no longer Slidemark's and
 * needs `--overwrite` to be replaced.
 */
export const PPTX_MARK = 'slidemark'

/** The zip comment for files written by this version. */
export function pptxComment(version: string): string {
  return `${PPTX_MARK} ${version}`
}

/** Whether `file` is a `.pptx` (zip) that Slidemark wrote and nobody saved since. */
export function isSlidemarkPptx(file: string): boolean {
  let handle: number | undefined
  try {
    handle = fs.openSync(file, 'r')
    const size = fs.fstatSync(handle).size
    const head = Buffer.alloc(2)
    fs.readSync(handle, head, 0, 2, 0)
    const length = Math.min(size, 256)
    const tail = Buffer.alloc(length)
    fs.readSync(handle, tail, 0, length, size - length)
    // The comment ends the end-of-central-directory record, which ends the file.
    return (
      head.toString('latin1') === 'PK' &&
      new RegExp(`${PPTX_MARK} [\\w.+-]+$`).test(tail.toString('latin1'))
    )
  } catch {
    return false
  } finally {
    if (handle !== undefined) fs.closeSync(handle)
  }
}
