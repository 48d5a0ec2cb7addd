/**
 * Query parameter that lays the deck out for printing on screen too (`?print`).
 * A module of its own: the deck reads it at mount, the print code comes later (late.ts).
 */
export const PRINT_PARAM = 'print'
