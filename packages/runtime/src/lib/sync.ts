import type { Listen } from './controller.js'
import type { Position } from './types.js'

/** Prefix of every BroadcastChannel name and message type. */
export const SYNC_PREFIX = 'slidemark'

/** A message between windows showing the same deck. */
export type SyncMessage =
  | { type: 'slidemark:position'; from: string; slide: number; step: number }
  | { type: 'slidemark:hello'; from: string }

/**
 * The channel shared by every window of one deck: derived from the page path
 * and the deck title, so two decks open side by side do not drive each other.
 */
export function channelName(pathname: string, title = ''): string {
  return `${SYNC_PREFIX}:${pathname}:${title}`
}

export function positionMessage(from: string, position: Position): SyncMessage {
  return { type: 'slidemark:position', from, slide: position.slide, step: position.step }
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
): { kind: 'position'; position: Position } | { kind: 'hello' } | null {
  if (typeof data !== 'object' || data === null) return null
  const message = data as Partial<Record<string, unknown>>
  if (typeof message.from !== 'string' || message.from === self) return null
  if (message.type === 'slidemark:hello') return { kind: 'hello' }
  if (message.type !== 'slidemark:position') return null
  const { slide, step } = message
  if (!Number.isInteger(slide) || !Number.isInteger(step)) return null
  return { kind: 'position', position: { slide: slide as number, step: step as number } }
}

/** A random id for one window's end of the channel. */
export function createSyncId(): string {
  return Math.random().toString(36).slice(2, 10)
}

/** Our end of the channel: what the controller sends on each move. */
export interface Channel {
  post(position: Position): void
}

/**
 * Join the deck's BroadcastChannel: answer a newcomer's hello with our
 * position, follow positions from other windows, and (unless `hello` is
 * false) ask the others where they are.
 */
export function openChannel(
  name: string,
  listen: Listen,
  cleanups: Array<() => void>,
  wiring: { hello: boolean; position: () => Position; onPosition: (position: Position) => void },
): Channel {
  const id = createSyncId()
  const open = new BroadcastChannel(name)
  listen(open, 'message', (event: MessageEvent) => {
    const message = readSyncMessage(event.data, id)
    if (message?.kind === 'position') wiring.onPosition(message.position)
    else if (message?.kind === 'hello') open.postMessage(positionMessage(id, wiring.position()))
  })
  cleanups.push(() => open.close())
  if (wiring.hello) open.postMessage(helloMessage(id))
  return { post: (position) => open.postMessage(positionMessage(id, position)) }
}
