/** The version of `@slidemark/core`; part of every cache key (a test keeps it equal to package.json). */
export const VERSION = '0.1.0'
