/**
 * The persistent per-slide cache the Vite plugin keeps on disk, loaded from
 * the plugin's build (`dist/disk-cache.js`) so the rebuild measurement uses
 * exactly what `vite build` and the dev server use.
 */

import { Unavailable } from '../result.js'
import { type SlideCacheLike, shortError } from './slidemark.js'

interface DiskCacheModule {
  createDiskCache(dir: string, namespace: string): SlideCacheLike
  cacheNamespace(compileOptions: object): string
}

export async function loadDiskCache(dir: string, compileOptions: object): Promise<SlideCacheLike> {
  let module: Partial<DiskCacheModule>
  try {
    const specifier = '@slidemark/vite-plugin'
    module = (await import(specifier)) as Partial<DiskCacheModule>
    // Builds from before the plugin exported its cache keep it in dist/disk-cache.js.
    if (typeof module.createDiskCache !== 'function') {
      const entry = import.meta.resolve(specifier)
      module = (await import(new URL('./disk-cache.js', entry).href)) as Partial<DiskCacheModule>
    }
  } catch (error) {
    throw new Unavailable(`the Vite plugin's disk cache is not built (${shortError(error)})`)
  }
  if (typeof module.createDiskCache !== 'function' || typeof module.cacheNamespace !== 'function') {
    throw new Unavailable('the Vite plugin has no createDiskCache()/cacheNamespace()')
  }
  return module.createDiskCache(dir, module.cacheNamespace(compileOptions))
}
