/**
 * `@slidemark/vite-plugin/paths`: the path rules the plugin confines a deck
 * with (real paths through symbolic links, "inside a folder"), for tools
 * such as the CLI that apply the same rules, without loading Vite.
 */
export { isInside, realPath } from './assets.js'
