/**
 * Selector of a diagram as `@slidemark/core` writes it (```` ```mermaid ````).
 * A module of its own: `mountDeck` looks for it before it loads the drawing code.
 */
export const DIAGRAM_SELECTOR = 'pre.slidemark-mermaid'
