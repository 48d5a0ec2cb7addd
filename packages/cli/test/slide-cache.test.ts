import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cacheDirFor, hasSlideCache, userCacheDir } from '../src/slide-cache.js'
import { runCli, tempDir } from './helpers.js'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A temporary folder (realpath, so comparisons hold) with a lone deck folder and a home. */
function setup() {
  const root = fs.realpathSync(tempDir('slidemark-cache-'))
  made.push(root)
  const deckDir = path.join(root, 'talks', 'lone')
  const home = path.join(root, 'home')
  fs.mkdirSync(deckDir, { recursive: true })
  fs.mkdirSync(home)
  return { root, deckDir, home, env: { HOME: home } }
}

const me = process.getuid?.() ?? 0
const mode = (dir: string) => fs.statSync(dir).mode & 0o777

describe('where the CLI caches', () => {
  it("a deck in the user's project caches in the project's node_modules/.vite", () => {
    const { root, deckDir, env } = setup()
    fs.writeFileSync(path.join(root, 'talks', 'package.json'), '{}')
    expect(cacheDirFor(deckDir, { env, uid: me })).toBe(
      path.join(root, 'talks', 'node_modules', '.vite'),
    )
  })

  it('a deck outside any project caches under ~/.cache/slidemark, created with mode 0700', () => {
    const { deckDir, home, env } = setup()
    const dir = cacheDirFor(deckDir, { env, uid: me })
    const userDir = path.join(home, '.cache', 'slidemark')
    expect(path.dirname(path.dirname(dir))).toBe(userDir)
    expect(mode(userDir)).toBe(0o700)
    // Another deck folder gets its own subfolder; the same one, the same.
    expect(cacheDirFor(path.dirname(deckDir), { env, uid: me })).not.toBe(dir)
    expect(cacheDirFor(deckDir, { env, uid: me })).toBe(dir)
  })

  it('$XDG_CACHE_HOME wins over ~/.cache when it is absolute, and is ignored when relative', () => {
    const { root, home } = setup()
    const xdg = path.join(root, 'xdg')
    expect(userCacheDir({ HOME: home, XDG_CACHE_HOME: xdg }, me)).toBe(path.join(xdg, 'slidemark'))
    expect(mode(path.join(xdg, 'slidemark'))).toBe(0o700)
    expect(userCacheDir({ HOME: home, XDG_CACHE_HOME: 'relative/cache' }, me)).toBe(
      path.join(home, '.cache', 'slidemark'),
    )
  })

  it('a user cache folder owned by another user is ignored: a private folder is used', () => {
    const { deckDir, home, env } = setup()
    fs.mkdirSync(path.join(home, '.cache', 'slidemark'), { recursive: true })
    const stranger = me + 4242 // the folder belongs to `me`, so to this uid it is someone else's
    expect(userCacheDir(env, stranger)).toBeUndefined()
    const dir = cacheDirFor(deckDir, { env, uid: stranger })
    expect(dir.startsWith(home)).toBe(false)
    expect(mode(dir)).toBe(0o700)
    expect(fs.readdirSync(dir)).toEqual([]) // fresh: nothing anyone could have planted
  })

  it('a world-writable or symlinked user cache folder is ignored', () => {
    const { root, home, env } = setup()
    const cache = path.join(home, '.cache', 'slidemark')
    fs.mkdirSync(cache, { recursive: true })
    fs.chmodSync(cache, 0o777)
    expect(userCacheDir(env, me)).toBeUndefined()
    fs.rmSync(cache, { recursive: true })
    fs.mkdirSync(path.join(root, 'elsewhere'))
    fs.symlinkSync(path.join(root, 'elsewhere'), cache)
    expect(userCacheDir(env, me)).toBeUndefined()
  })

  it('a package.json planted in a shared world-writable folder does not make it the project', () => {
    const { root, env, home } = setup()
    const shared = path.join(root, 'shared')
    const deckDir = path.join(shared, 'victim')
    fs.mkdirSync(deckDir, { recursive: true })
    fs.chmodSync(shared, 0o1777) // like /tmp
    fs.writeFileSync(path.join(shared, 'package.json'), '{}')
    const dir = cacheDirFor(deckDir, { env, uid: me })
    expect(dir.startsWith(path.join(home, '.cache', 'slidemark'))).toBe(true)
  })

  it('a project whose node_modules/.vite belongs to someone else is not used', () => {
    const { root, deckDir, env, home } = setup()
    fs.writeFileSync(path.join(root, 'talks', 'package.json'), '{}')
    fs.mkdirSync(path.join(root, 'talks', 'node_modules', '.vite', 'slidemark'), {
      recursive: true,
    })
    fs.chmodSync(path.join(root, 'talks', 'node_modules', '.vite', 'slidemark'), 0o777)
    expect(cacheDirFor(deckDir, { env, uid: me }).startsWith(home)).toBe(true)
  })
})

describe('a cold build is recognised before the deck compiles', () => {
  it('hasSlideCache: no store before the first build, a .jsonl store after it', () => {
    const { deckDir, env } = setup()
    expect(hasSlideCache(deckDir, { env, uid: me })).toBe(false)
    const store = path.join(cacheDirFor(deckDir, { env, uid: me }), 'slidemark')
    fs.mkdirSync(store, { recursive: true })
    fs.writeFileSync(path.join(store, 'leftover.tmp'), '')
    expect(hasSlideCache(deckDir, { env, uid: me })).toBe(false)
    fs.writeFileSync(path.join(store, `${'a'.repeat(64)}.jsonl`), '')
    expect(hasSlideCache(deckDir, { env, uid: me })).toBe(true)
  })
})

describe('a damaged slide cache never fails a build', () => {
  it('valid JSON of the wrong shape, then a truncated store: both builds succeed with the real slides', async () => {
    const { root, deckDir } = setup()
    const xdg = path.join(root, 'xdg')
    const env = { XDG_CACHE_HOME: xdg }
    fs.writeFileSync(path.join(deckDir, 'talk.slides.md'), '# Tides\n\nHigh water at noon\n')
    const build = () => runCli(['build', 'talk.slides.md', '--out', 'site'], { cwd: deckDir, env })
    const builtText = () =>
      fs
        .readdirSync(path.join(deckDir, 'site'), { recursive: true })
        .map((file) => path.join(deckDir, 'site', String(file)))
        .filter((file) => fs.statSync(file).isFile())
        .map((file) => fs.readFileSync(file, 'utf8'))
        .join('\n')

    expect((await build()).code).toBe(0)
    const stores = fs
      .readdirSync(xdg, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.jsonl'))
    expect(stores).toHaveLength(1)
    const store = path.join(xdg, stores[0] as string)
    expect(store.startsWith(path.join(xdg, 'slidemark', 'decks'))).toBe(true)

    const planted = fs
      .readFileSync(store, 'utf8')
      .trim()
      .split('\n')
      .map((line) => ({ ...JSON.parse(line), value: { html: '<p>planted</p>' } }))
    fs.writeFileSync(store, planted.map((line) => `${JSON.stringify(line)}\n`).join(''))
    const second = await build()
    expect(second.stderr).not.toContain('internal-error')
    expect(second.code).toBe(0)
    expect(builtText()).toContain('High water at noon')
    expect(builtText()).not.toContain('planted')

    fs.writeFileSync(store, fs.readFileSync(store, 'utf8').slice(0, 30))
    expect((await build()).code).toBe(0)
    expect(builtText()).toContain('High water at noon')
  }, 120_000)
})
