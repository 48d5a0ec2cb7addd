#!/usr/bin/env node
// `pnpm pack:all [--out DIR] [--strict]`: packs every publishable package (each
// `packages/*` whose package.json is not `private`) into one folder
// (`dist-packs/` by default) with `pnpm pack`, which turns `workspace:*`
// dependencies into the real versions, then lints each tarball with publint.
// Run `pnpm build` first: a package without its `dist/` is refused.
//
// Prints one JSON object on stdout: { out, packages: [{ name, version,
// tarball, install, messages }], problems }, where `install` lists the
// tarballs `npm install` needs for that package (its own and those of the
// Slidemark packages it depends on), `messages` are publint's findings
// as `{ type, code, text }` and `problems` what fails the run, each as
// `path: reason [code]` (also printed on stderr).
// Exit code 1 when a package could not be packed or publint reports an error
// (a warning too with `--strict`).

import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'

const root = fileURLToPath(new URL('..', import.meta.url))

/** The publishable packages in `dir`: those not marked private, in directory order. */
function publishablePackages(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'package.json')))
    .map((entry) => {
      const path = join(dir, entry.name)
      return { path, manifest: JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) }
    })
    .filter(({ manifest }) => !manifest.private)
}

/** Why `pkg` cannot be packed yet, or null. */
function notReady({ path, manifest }) {
  const wantsDist = (manifest.files ?? []).some(
    (file) => file === 'dist' || file.startsWith('dist/'),
  )
  if (wantsDist && !existsSync(join(path, 'dist'))) {
    return `${relative(process.cwd(), path)}/package.json: ${manifest.name} has no dist/ yet; run \`pnpm build\` first [not-built]`
  }
  return null
}

/** `pnpm pack` one package into `out`; returns the tarball's path. */
function pack({ path }, out) {
  const stdout = execFileSync('pnpm', ['pack', '--json', '--pack-destination', out], {
    cwd: path,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const { filename } = JSON.parse(stdout)
  return resolve(out, filename)
}

/** publint's findings for a packed tarball, as data. */
async function lint({ manifest }, tarball) {
  const bytes = readFileSync(tarball)
  const result = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    level: 'suggestion',
  })
  return result.messages.map((message) => ({
    type: message.type,
    code: message.code,
    text: formatMessage(message, result.pkg ?? manifest, { color: false }) ?? message.code,
  }))
}

async function packAll({ packagesDir, out, strict }) {
  const packages = publishablePackages(packagesDir)
  const problems = packages.map(notReady).filter(Boolean)
  if (problems.length > 0) return { out, packages: [], problems }
  mkdirSync(out, { recursive: true })
  // Only the tarballs a previous run wrote go: `--out` may name a folder with other files.
  for (const pkg of packages) {
    const prefix = pkg.manifest.name.replace(/^@/, '').replace('/', '-')
    for (const file of readdirSync(out)) {
      if (file.startsWith(`${prefix}-`) && file.endsWith('.tgz')) rmSync(join(out, file))
    }
  }
  const results = []
  for (const pkg of packages) {
    let tarball
    try {
      tarball = pack(pkg, out)
    } catch (error) {
      const reason = String(error.stderr || error.message)
        .trim()
        .split('\n')[0]
      problems.push(
        `${relative(process.cwd(), pkg.path)}/package.json: pnpm pack failed: ${reason} [pack]`,
      )
      continue
    }
    const messages = await lint(pkg, tarball)
    const { name, version, dependencies = {} } = pkg.manifest
    results.push({ name, version, tarball, dependencies: Object.keys(dependencies), messages })
    for (const message of messages) {
      if (message.type === 'error' || (strict && message.type === 'warning')) {
        problems.push(
          `${relative(process.cwd(), pkg.path)}/package.json: ${message.text} [publint:${message.code}]`,
        )
      }
    }
  }
  return { out, packages: results.map((pkg) => withInstall(pkg, results)), problems }
}

/**
 * `pkg` with `install`: its tarball and those of the packed packages it
 * depends on, directly or not. Until the packages are on a registry, that is
 * what `npm install` needs to be given for `pkg` to resolve.
 */
function withInstall(pkg, results) {
  const byName = new Map(results.map((result) => [result.name, result]))
  const install = []
  const visit = (current) => {
    if (install.includes(current.tarball)) return
    install.push(current.tarball)
    for (const name of current.dependencies) if (byName.has(name)) visit(byName.get(name))
  }
  visit(pkg)
  const { dependencies, ...rest } = pkg
  return { ...rest, install }
}

/** The value after `--name`, resolved as a path, or `fallback`. */
function pathOption(args, name, fallback) {
  const index = args.indexOf(name)
  return index >= 0 && args[index + 1] ? resolve(args[index + 1]) : fallback
}

const args = process.argv.slice(2)
const result = await packAll({
  // `--packages DIR` packs another folder of packages (the tests use it).
  packagesDir: pathOption(args, '--packages', join(root, 'packages')),
  out: pathOption(args, '--out', join(root, 'dist-packs')),
  strict: args.includes('--strict'),
})
console.log(JSON.stringify(result, null, 2))
for (const problem of result.problems) console.error(problem)
process.exitCode = result.problems.length > 0 ? 1 : 0
