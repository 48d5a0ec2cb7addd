/**
 * A file `pnpm build` writes into the package's `dist/` (the worker bundle,
 * the regex tables, the language costs), by its path there. Modules of
 * `dist/lib/` find it one folder up; tests run this folder as TypeScript
 * from `src/lib/` and use the built files too.
 */
export function builtFile(relative: string): URL {
  const dist = import.meta.url.endsWith('.ts') ? '../../dist/' : '../'
  return new URL(`${dist}${relative}`, import.meta.url)
}
