/**
 * A key handler. Return `false` to say "not handled", so the next binding (and
 * finally the default navigation) gets the key; anything else consumes it.
 */
export type KeyHandler = (event: KeyboardEvent) => unknown

/** Key name → handler. Names are as returned by {@link keyName}. */
export type KeyMap = Record<string, KeyHandler>

/** The built-in navigation commands. */
export type NavigationCommand = 'next' | 'prev' | 'first' | 'last'

/** Default navigation keys (names as returned by {@link keyName}). */
export const DEFAULT_KEYS: Readonly<Record<string, NavigationCommand>> = {
  ArrowRight: 'next',
  ArrowLeft: 'prev',
  Space: 'next',
  'Shift+Space': 'prev',
  PageDown: 'next',
  PageUp: 'prev',
  Home: 'first',
  End: 'last',
}

/**
 * A stable name for a key press: `event.key`, with `' '` spelled `Space`.
 * Single characters are lower-cased and ignore Shift (`o`, `2`, `?`); named
 * keys get a `Shift+` prefix when Shift is held (`Shift+Space`).
 */
export function keyName(event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): string {
  const key = event.key === ' ' ? 'Space' : event.key
  if (key.length === 1) return key.toLowerCase()
  return event.shiftKey ? `Shift+${key}` : key
}

/** Whether typing into `target` should keep its keys (form fields, `contenteditable`). */
export function isEditable(target: EventTarget | null | undefined): boolean {
  const element = target as Element | null
  if (!element || typeof element.closest !== 'function') return false
  const tag = element.tagName
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true
  return element.closest('[contenteditable]:not([contenteditable="false"])') !== null
}

/**
 * Whether the presentation must leave a key press alone: a modifier other than
 * Shift is held (browser and OS shortcuts), an IME is composing, someone else
 * already handled it, or the key goes to a form field or editable element.
 */
export function shouldIgnoreKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true
  if (event.isComposing || event.defaultPrevented) return true
  const doc = (event.target as Node | null)?.ownerDocument
  return isEditable(event.target) || isEditable(doc?.activeElement)
}
