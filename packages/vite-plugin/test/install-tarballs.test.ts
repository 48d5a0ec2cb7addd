import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listFiles } from './helpers.js'

// What the README tells a newcomer: `pnpm pack:all`, then `npm install` the
// tarballs into their own app. This packs the built packages (run
// `pnpm build` first, as `pnpm test` does), installs the plugin and one theme
// with the runtime and core they depend on into a fresh folder outside the
// workspace (their other dependencies, and Vite, come from the registry) and
// builds a small app there that imports a deck.

const run = promisify(execFile)
const repo = fileURLToPath(new URL('../../..', import.meta.url))
const packScript = path.join(repo, 'scripts/pack.mjs')

interface PackResult {
  out: string
  packages: {
    name: string
    version: string
    tarball: string
    install: string[]
    messages: { type: string }[]
  }[]
  problems: string[]
}

/** Runs scripts/pack.mjs; resolves with its JSON report and exit code. */
async function packAll(args: string[]): Promise<PackResult & { code: number }> {
  try {
    const { stdout } = await run('node', [packScript, ...args], { cwd: repo })
    return { ...JSON.parse(stdout), code: 0 }
  } catch (error) {
    const failed = error as { stdout?: string; code?: number }
    return { ...JSON.parse(failed.stdout ?? '{}'), code: failed.code ?? 1 }
  }
}

const temp: string[] = []
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  temp.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true })
})

describe('pnpm pack:all refuses what would not work once published', () => {
  it('reports publint errors as file: reason [code] and exits 1', async () => {
    const packages = tempDir('slidemark-pack-bad-')
    const dir = path.join(packages, 'broken', 'dist')
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'main.js'), 'export const x = 1\n')
    const manifest = {
      name: 'broken',
      version: '1.0.0',
      type: 'module',
      exports: { '.': { default: './dist/index.js' } },
      files: ['dist'],
    }
    fs.writeFileSync(path.join(packages, 'broken', 'package.json'), JSON.stringify(manifest))
    const result = await packAll(['--packages', packages, '--out', path.join(packages, 'out')])
    expect(result.code).toBe(1)
    expect(result.problems).toEqual([
      expect.stringMatching(
        /broken\/package\.json: .*\.\/dist\/index\.js.*does not exist.* \[publint:FILE_DOES_NOT_EXIST\]$/,
      ),
    ])
  })

  it('refuses a package that is not built yet instead of packing it empty', async () => {
    const packages = tempDir('slidemark-pack-unbuilt-')
    fs.mkdirSync(path.join(packages, 'fresh'))
    const manifest = { name: 'fresh', version: '1.0.0', files: ['dist'] }
    fs.writeFileSync(path.join(packages, 'fresh', 'package.json'), JSON.stringify(manifest))
    const result = await packAll(['--packages', packages, '--out', path.join(packages, 'out')])
    expect(result.code).toBe(1)
    expect(result.packages).toEqual([])
    expect(result.problems).toEqual([expect.stringContaining('run `pnpm build` first [not-built]')])
  })
})

describe('the packed tarballs, installed into a fresh app', () => {
  let packed: PackResult & { code: number }
  let app: string
  const packedAs = (name: string) => {
    const found = packed.packages.find((pkg) => pkg.name === name)
    if (!found) throw new Error(`pack:all did not pack ${name}`)
    return found
  }

  /** A V8 code cache as a compile thread writes one (see core's code-cache.ts): never packed. */
  const codeCache = path.join(repo, 'packages/core/dist/worker/.code-cache/pack-test.v8')

  beforeAll(async () => {
    fs.mkdirSync(path.dirname(codeCache), { recursive: true })
    fs.writeFileSync(codeCache, 'bytecode of the machine that packed it')
    try {
      packed = await packAll(['--out', tempDir('slidemark-packs-')])
    } finally {
      fs.rmSync(codeCache, { force: true })
    }
    app = tempDir('slidemark-newcomer-')
    writeApp(app)
    await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        // What the report says each needs: the plugin with core and the runtime (its Mermaid entry), the theme with the runtime.
        ...packedAs('@slidemark/vite-plugin').install,
        ...packedAs('@slidemark/theme-horizon').install,
        'vite@^8.3.8',
      ],
      { cwd: app },
    )
    await run('node', [path.join(app, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: app })
  }, 600_000)

  it('packs every publishable package, publint-clean', () => {
    expect(packed.code).toBe(0)
    expect(packed.problems).toEqual([])
    const names = packed.packages.map((pkg) => pkg.name)
    for (const name of [
      '@slidemark/core',
      '@slidemark/runtime',
      '@slidemark/vite-plugin',
      '@slidemark/theme-html5-slides',
      '@slidemark/theme-horizon',
      'slidemark',
    ]) {
      expect(names).toContain(name)
    }
    for (const pkg of packed.packages) {
      expect(pkg.messages.filter((message) => message.type !== 'suggestion')).toEqual([])
    }
  })

  it('lists, for each package, the tarballs npm needs with it', () => {
    const install = (name: string) => packedAs(name).install.map((file) => path.basename(file))
    expect(install('@slidemark/vite-plugin')).toEqual([
      'slidemark-vite-plugin-0.1.0.tgz',
      'slidemark-core-0.1.0.tgz',
      'slidemark-runtime-0.1.0.tgz',
    ])
    expect(install('@slidemark/theme-horizon')).toEqual([
      'slidemark-theme-horizon-0.1.0.tgz',
      'slidemark-runtime-0.1.0.tgz',
    ])
    expect(install('@slidemark/core')).toEqual(['slidemark-core-0.1.0.tgz'])
    expect(new Set(install('slidemark'))).toEqual(
      new Set([
        'slidemark-0.1.0.tgz',
        'slidemark-core-0.1.0.tgz',
        'slidemark-vite-plugin-0.1.0.tgz',
        'slidemark-theme-horizon-0.1.0.tgz',
        'slidemark-theme-html5-slides-0.1.0.tgz',
        'slidemark-runtime-0.1.0.tgz',
      ]),
    )
  })

  it('ships core without the V8 code cache of the machine that packed it', async () => {
    const { stdout } = await run('tar', ['-tzf', packedAs('@slidemark/core').tarball])
    expect(stdout).toContain('package/dist/worker/compile-thread.cjs')
    expect(stdout).not.toContain('.code-cache/')
  })

  it('gives every workspace dependency a real version', async () => {
    for (const pkg of packed.packages) {
      const { stdout } = await run('tar', ['-xzOf', pkg.tarball, 'package/package.json'])
      expect(stdout, pkg.name).not.toContain('workspace:')
    }
  })

  it('installs them side by side, the theme using the runtime tarball', () => {
    const runtime = path.join(app, 'node_modules/@slidemark/runtime/package.json')
    expect(JSON.parse(fs.readFileSync(runtime, 'utf8')).version).toBe(
      packed.packages.find((pkg) => pkg.name === '@slidemark/runtime')?.version,
    )
    // One copy each: the plugin's and the theme's dependencies resolve to the installed tarballs.
    const nested = listFiles(path.join(app, 'node_modules/@slidemark')).filter((file) =>
      file.includes('node_modules/@slidemark/'),
    )
    expect(nested).toEqual([])
  })

  it('builds an app importing a deck, highlighted at build time, with the theme’s CSS', () => {
    const dist = path.join(app, 'dist')
    const files = listFiles(dist)
    const js = files.filter((file) => file.endsWith('.js'))
    const css = files.filter((file) => file.endsWith('.css'))
    expect(js.length).toBeGreaterThan(0)
    const code = js.map((file) => fs.readFileSync(path.join(dist, file), 'utf8')).join('\n')
    expect(code).toContain('Packed, shipped, installed')
    expect(code).toContain('打包之后')
    expect(code).toMatch(/--shiki-light/)
    expect(code).not.toContain('remark-parse')
    const styles = css.map((file) => fs.readFileSync(path.join(dist, file), 'utf8')).join('\n')
    expect(styles).toContain('.horizon-slide')
    expect(styles).toContain('.slidemark-overview')
  })
})

/** A newcomer's app: a Vite config, a page, a script mounting a deck, the deck. */
function writeApp(dir: string) {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'newcomer', private: true, type: 'module' }),
    'vite.config.js': [
      "import slidemark from '@slidemark/vite-plugin'",
      "import { defineConfig } from 'vite'",
      '',
      'export default defineConfig({ plugins: [slidemark()] })',
      '',
    ].join('\n'),
    'index.html':
      '<!doctype html>\n<html lang="en"><body><div id="deck"></div><script type="module" src="/src/main.js"></script></body></html>\n',
    'src/main.js': [
      "import slides, { meta } from './launch.slides.md'",
      "import { mount } from '@slidemark/theme-horizon'",
      '',
      "mount(document.getElementById('deck'), slides, { meta })",
      '',
    ].join('\n'),
    'src/launch.slides.md': [
      '---',
      'title: Shipping from tarballs',
      '---',
      '',
      '# Shipping from tarballs',
      '',
      '---',
      '',
      '## Packed, shipped, installed: the long way round before any registry exists',
      '',
      '- `pnpm pack:all`',
      '- `npm install ./dist-packs/*.tgz`',
      '',
      '---',
      '',
      '## 打包之后',
      '',
      '```ts',
      'const packed: string[] = await packAll()',
      '```',
      '',
    ].join('\n'),
  }
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
}
