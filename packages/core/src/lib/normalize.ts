/**
 * Make a deck's text uniform before anything reads it: a leading UTF-8 byte
 * order mark is dropped and CRLF / lone CR line endings become LF. Line
 * numbers stay those of the user's file, and so do columns (the removed
 * characters sit at the end of a line, or before the first column).
 */
export function normalizeSource(source: string): string {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}
