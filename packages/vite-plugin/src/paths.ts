/**
 * `@slidemark/vite-plugin/paths`: the path rules the plugin confines a deck
 * with (real paths through symbolic links, "inside a folder") and the
 * names of the configuration file, for tools such as the CLI that apply the
 * same rules, without loading Vite.
 */
export { isInside, realPath } from './assets.js'

/** The configuration file names searched in the deck's folder, in this order. */
export const CONFIG_FILES = ['slidemark.config.ts', 'slidemark.config.js', 'slidemark.config.mjs']
