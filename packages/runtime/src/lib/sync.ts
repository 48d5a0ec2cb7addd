import type { Listen } from './controller.js'
import type { Position } from './types.js'

/** Prefix of every BroadcastChannel name and message type. */
export const SYNC_PREFIX = 'slidemark'

/** A message between windows showing the same deck. */
export type SyncMessage =
  | { type: 'slidemark:position'; from: string; slide: number; step: number; at: number }
  | { type: 'slidemark:hello'; from: string }

/**
 * The channel shared by every window of one deck: derived from the page path
 * and the deck title, so two decks open side by side do not drive each other.
 */
export function channelName(pathname: string, title = ''): string {
  return `${SYNC_PREFIX}:${pathname}:${title}`
}

/**
 * Where a window is, and since when (`at`, epoch ms): when it moved there, or
 * when a deep-linked window began loading; `-Infinity` for a window that has
 * neither moved nor been opened on a slide.
 */
export function positionMessage(from: string, position: Position, at: number): SyncMessage {
  return { type: 'slidemark:position', from, slide: position.slide, step: position.step, at }
}

export function helloMessage(from: string): SyncMessage {
  return { type: 'slidemark:hello', from }
}

/**
 * Read a received message. Messages this window sent itself and anything
 * malformed give `null` (the first guard against echo loops; the second is
 * that positions applied from a message are never broadcast again).
 */
export function readSyncMessage(
  data: unknown,
  self: string,
): { kind: 'position'; position: Position; at: number } | { kind: 'hello' } | null {
  if (typeof data !== 'object' || data === null) return null
  const message = data as Partial<Record<string, unknown>>
  if (typeof message.from !== 'string' || message.from === self) return null
  if (message.type === 'slidemark:hello') return { kind: 'hello' }
  if (message.type !== 'slidemark:position') return null
  const { slide, step, at } = message
  if (!Number.isInteger(slide) || !Number.isInteger(step) || typeof at !== 'number') return null
  return { kind: 'position', position: { slide: slide as number, step: step as number }, at }
}

/** A random id for one window's end of the channel. */
export function createSyncId(): string {
  return Math.random().toString(36).slice(2, 10)
}

/** Our end of the channel: what the controller sends on each move, and when it moved. */
export interface Channel {
  post(position: Position, at: number): void
}

/**
 * Join the deck's BroadcastChannel: ask the others where they are, answer a
 * newcomer's hello with our position, and follow positions from other
 * windows, unless what this window shows is newer (`since` is when it last
 * moved, or began loading on a deep link). So a deep link wins at load, yet a
 * window whose channel opens late (its code arrived after the other window
 * moved) still catches up with that move.
 */
export function openChannel(
  name: string,
  listen: Listen,
  cleanups: Array<() => void>,
  wiring: { since: number; position: () => Position; onPosition: (position: Position) => void },
): Channel {
  const id = createSyncId()
  const open = new BroadcastChannel(name)
  let since = wiring.since
  listen(open, 'message', (event: MessageEvent) => {
    const message = readSyncMessage(event.data, id)
    if (message?.kind === 'hello') open.postMessage(positionMessage(id, wiring.position(), since))
    if (message?.kind !== 'position' || message.at < since) return
    since = message.at
    wiring.onPosition(message.position)
  })
  cleanups.push(() => open.close())
  open.postMessage(helloMessage(id))
  return {
    post(position, at) {
      since = at
      open.postMessage(positionMessage(id, position, at))
    },
  }
}
