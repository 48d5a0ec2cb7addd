import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { SlideCache } from '@slidemark/core'

/** The nearest folder above `dir` (inclusive) holding a `package.json`, if any. */
export function findProjectDir(dir: string): string | undefined {
  let current = dir
  for (;;) {
    if (fs.existsSync(path.join(current, 'package.json'))) return current
    const parent = path.dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}

/**
 * Vite's cache folder for a deck: the project's `node_modules/.vite` (Vite's
 * own default) when the deck is inside a project, else a folder under the OS
 * temp folder, so a folder that holds only a deck stays that way.
 */
export function cacheDirFor(deckDir: string): string {
  const project = findProjectDir(deckDir)
  if (project) return path.join(project, 'node_modules', '.vite')
  const key = createHash('sha256').update(deckDir).digest('hex').slice(0, 16)
  return path.join(os.tmpdir(), 'slidemark-cache', key)
}

/**
 * The Vite plugin's persistent slide cache (`<cacheDir>/slidemark`), opened
 * before Vite starts: the CLI's own compile fills it, the plugin then finds
 * every slide there, and the next run of any command starts warm.
 */
export async function slideCacheFor(deckDir: string): Promise<SlideCache> {
  const { cacheNamespace, createDiskCache } = await import('@slidemark/vite-plugin')
  return createDiskCache(path.join(cacheDirFor(deckDir), 'slidemark'), cacheNamespace({}))
}
