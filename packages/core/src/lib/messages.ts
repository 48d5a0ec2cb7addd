import type { DeckMessage, MessageSeverity } from '../types.js'

/** A message before the deck's filename is attached; lines are deck lines unless said otherwise. */
export type PlacedMessage = Omit<DeckMessage, 'file'>

/**
 * Every `ruleId` Slidemark emits. Each has a heading under "Errors" in the
 * README; the anchor is the id itself.
 */
export const ruleIds = {
  invalidFrontMatter: 'invalid-front-matter',
  frontMatterNotMapping: 'front-matter-not-mapping',
  unknownLanguage: 'unknown-language',
  unknownTheme: 'unknown-theme',
  invalidCodeSteps: 'invalid-code-steps',
  unknownFormat: 'unknown-format',
  foreignTheme: 'foreign-theme',
  unknownTemplate: 'unknown-template',
  vueComponent: 'vue-component',
  invalidQr: 'invalid-qr',
  invalidMath: 'invalid-math',
  invalidDeckOption: 'invalid-deck-option',
  pluginError: 'plugin-error',
  slideTimeout: 'slide-timeout',
  internalError: 'internal-error',
  invalidUtf8: 'invalid-utf8',
  unclosedFence: 'unclosed-fence',
  unsupportedSyntax: 'unsupported-syntax',
} as const

export function placedMessage(
  reason: string,
  line: number,
  column: number,
  ruleId: string,
  severity: MessageSeverity = 'warning',
): PlacedMessage {
  return { reason, line, column, severity, ruleId, source: 'slidemark' }
}

/** Move a message (or anything with a `line`) by `delta` lines. */
export function shiftLine<T extends { line: number }>(value: T, delta: number): T {
  return delta === 0 ? value : { ...value, line: value.line + delta }
}

/** An error's message, or whatever text a thrown value has. */
export function describe(error: unknown): string {
  if (error instanceof Error) return error.message
  try {
    return String(error)
  } catch {
    return 'unknown error'
  }
}
