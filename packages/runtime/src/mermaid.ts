/**
 * `@slidemark/runtime/mermaid`: import it (for its side effect) to let
 * `watchDiagrams` draw ```` ```mermaid ```` blocks. Mermaid itself stays a
 * chunk of its own, fetched on the first diagram. The Vite plugin imports
 * this only into decks that have diagrams, so other decks, `--single-file`
 * ones too, carry no Mermaid at all.
 */
import { MERMAID_LOADER } from './dom/diagrams.js'

const loaders = globalThis as { [MERMAID_LOADER]?: () => Promise<unknown> }
loaders[MERMAID_LOADER] ??= () => import('mermaid').then((module) => module.default)
