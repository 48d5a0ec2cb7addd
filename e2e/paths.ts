import { fileURLToPath } from 'node:url'

/** Places the suites share. */
export const playgroundDir = fileURLToPath(new URL('../playground/', import.meta.url))
export const deckFile = fileURLToPath(new URL('../playground/src/talk.slides.md', import.meta.url))
export const artifactsDir = fileURLToPath(new URL('./artifacts/', import.meta.url))
export const fitAppDir = fileURLToPath(new URL('./fit-app/', import.meta.url))
export const chunkedAppDir = fileURLToPath(new URL('./chunked-app/', import.meta.url))
export const technicalAppDir = fileURLToPath(new URL('./technical-app/', import.meta.url))
