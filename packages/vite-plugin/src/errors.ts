import { type DeckMessage, formatFile, formatMessage, formatPlace } from '@slidemark/core'
import type { MissingAsset, RefusedAsset } from './assets.js'

/**
 * The error shape Vite and Rolldown understand (`RollupError` minus what
 * `this.error` fills in). Vite's overlay shows `message`, the `loc` as
 * `file:line:column` (clickable to open the editor) and `frame`.
 *
 * `loc.column` is 1-based here, like the message text, the editor link and
 * every other place a Slidemark column appears. No `pluginCode`: Vite reads
 * it as "already formatted" and would not add the plugin name.
 */
export interface DeckError {
  message: string
  id: string
  loc: { file: string; line: number; column: number }
  frame: string
}

/** Lines shown around the problem line in a code frame. */
const FRAME_CONTEXT = 2

/**
 * A code frame pointing at 1-based `line` and `column` of `source`:
 *
 * ```
 *   3 | # Diagram
 * > 4 | ![a diagram](./img/missing.png)
 *     | ^
 *   5 |
 * ```
 */
export function codeFrame(source: string, line: number, column: number): string {
  const lines = source.split(/\r\n|\r|\n/)
  const first = Math.max(1, line - FRAME_CONTEXT)
  const last = Math.min(lines.length, line + FRAME_CONTEXT)
  const width = String(last).length
  const out: string[] = []
  for (let n = first; n <= last; n++) {
    const gutter = `${n === line ? '>' : ' '} ${String(n).padStart(width)} |`
    const text = lines[n - 1] ?? ''
    out.push(text ? `${gutter} ${text}` : gutter)
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`)
  }
  return out.join('\n')
}

/**
 * A deck's compile errors (severity `error`, in deck order) as one error for
 * `this.error`: it points at the first; the message lists the others, each
 * with its place, so none is lost.
 */
export function deckMessageError(
  errors: readonly DeckMessage[],
  file: string,
  source: string,
  root: string,
): DeckError {
  const [first, ...others] = errors
  if (!first) throw new Error('deckMessageError needs at least one message')
  const also = others.map((message) => `\n  also: ${formatMessage(message, { file, root })}`)
  return placedError(
    formatMessage(first, { file, root }) + also.join(''),
    file,
    first.line,
    first.column,
    source,
  )
}

/** The `ruleId` of a missing image or media file, documented in the README. */
export const MISSING_ASSET = 'missing-asset'

/**
 * Relative image or media URLs whose files do not exist: the error points at
 * the first; the message lists the others, so one pass fixes them all.
 */
export function missingAssetError(
  missing: readonly MissingAsset[],
  file: string,
  source: string,
  root: string,
): DeckError {
  const [first, ...others] = missing
  if (!first) throw new Error('missingAssetError needs at least one missing asset')
  const asset = first.reference
  const place = formatPlace(file, asset.line, asset.column, root)
  const target = formatFile(first.file, root)
  const also = others.map(
    ({ reference }) =>
      `\n  also missing: "${reference.url}" at ${reference.line}:${reference.column}`,
  )
  return placedError(
    `${place}: Cannot find "${asset.url}" (looked for ${target}) [${MISSING_ASSET}]${also.join('')}`,
    file,
    asset.line,
    asset.column,
    source,
  )
}

/** The `ruleId` of an asset URL with a `?query` (`?raw`, `?url`, `?inline`…). */
export const ASSET_QUERY = 'asset-query'
/** The `ruleId` of an asset whose file, or a symbolic link's target, is outside the root. */
export const ASSET_OUTSIDE_ROOT = 'asset-outside-root'

/** The `ruleId` of a `file:` URL in an image, media element or raw-HTML link. */
export const ASSET_FILE_URL = 'asset-file-url'

/** Why an asset is refused, and the rule it breaks. */
function refusalOf({ reference, reason, file }: RefusedAsset, root: string) {
  if (reason === 'file-url') {
    return {
      reason: `"${reference.url}": a deck cannot use file: URLs (they read the viewer's disk); put the file in the deck's folder and use a relative path`,
      ruleId: ASSET_FILE_URL,
    }
  }
  if (reason === 'query') {
    const query = reference.url.replace(/#.*$/s, '').replace(/^[^?]*/, '')
    const what = reference.link ? 'a link' : 'an image or media URL'
    return {
      reason: `"${reference.url}": ${what} cannot have a query (${query}); use the file's path alone`,
      ruleId: ASSET_QUERY,
    }
  }
  return {
    reason: `"${reference.url}" is outside the deck's root ${root} (it is ${file}); move the file into the root, or widen the root`,
    ruleId: ASSET_OUTSIDE_ROOT,
  }
}

function refusal(asset: RefusedAsset, root: string): string {
  const { reason, ruleId } = refusalOf(asset, root)
  return `${reason} [${ruleId}]`
}

/**
 * Image or media URLs the deck may not use: the error points at the first;
 * the message lists the others.
 */
export function refusedAssetError(
  refused: readonly RefusedAsset[],
  file: string,
  source: string,
  root: string,
): DeckError {
  const [first, ...others] = refused
  if (!first) throw new Error('refusedAssetError needs at least one refused asset')
  const { line, column } = first.reference
  const also = others.map(
    (other) =>
      `\n  also: ${formatPlace(file, other.reference.line, other.reference.column, root)}: ${refusal(other, root)}`,
  )
  return placedError(
    `${formatPlace(file, line, column, root)}: ${refusal(first, root)}${also.join('')}`,
    file,
    line,
    column,
    source,
  )
}

/**
 * Missing and refused assets as deck messages (severity `error`), for the
 * plugin's `api`: the same reasons and rule ids as the errors above.
 */
export function assetMessages(
  missing: readonly MissingAsset[],
  refused: readonly RefusedAsset[],
  file: string,
  root: string,
): DeckMessage[] {
  const message = (reference: { line: number; column: number }, reason: string, ruleId: string) =>
    ({
      reason,
      file,
      line: reference.line,
      column: reference.column,
      severity: 'error',
      ruleId,
      source: 'slidemark',
    }) as const
  return [
    ...refused.map((asset) => {
      const { reason, ruleId } = refusalOf(asset, root)
      return message(asset.reference, reason, ruleId)
    }),
    ...missing.map(({ reference, file: target }) =>
      message(
        reference,
        `Cannot find "${reference.url}" (looked for ${formatFile(target, root)})`,
        MISSING_ASSET,
      ),
    ),
  ]
}

/** An error at 1-based `line`:`column` of the deck `file`, with a code frame of `source`. */
function placedError(
  message: string,
  file: string,
  line: number,
  column: number,
  source: string,
): DeckError {
  return { message, id: file, loc: { file, line, column }, frame: codeFrame(source, line, column) }
}
