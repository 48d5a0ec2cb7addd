#!/usr/bin/env node
// Cold-start cost of Shiki's two regex engines, as a build pays it: a fresh
// process creates the highlighter, loads the languages of a typical talk
// and highlights one 20-line block of each. Prints medians of N runs.
// Usage: node test/scripts/measure-engines.mjs [runs=5] [languages=python,javascript,bash]
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const runs = Number(process.argv[2] ?? 5)
const languages = process.argv[3] ?? 'python,javascript,bash'
const child = `
import { createHighlighter, createJavaScriptRegexEngine, createOnigurumaEngine } from 'shiki'
const start = performance.now()
const engine = process.argv[1] === 'javascript' ? createJavaScriptRegexEngine({ forgiving: true }) : createOnigurumaEngine(import('shiki/wasm'))
const h = await createHighlighter({ themes: ['github-light', 'github-dark'], langs: [], engine })
const created = performance.now()
const code = Array.from({ length: 20 }, (_, i) => 'def f' + i + '(x):\\n    return [x * ' + i + ' for x in range(10)]  # note').join('\\n')
for (const lang of process.argv[2].split(',')) {
  await h.loadLanguage(lang)
  h.codeToHtml(code, { lang, themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false, tokenizeTimeLimit: 0 })
}
console.log(JSON.stringify({ create: created - start, total: performance.now() - start }))
`
const cwd = fileURLToPath(new URL('../..', import.meta.url))
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
for (const engine of ['javascript', 'oniguruma']) {
  const results = []
  for (let run = 0; run < runs; run++) {
    const output = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', child, engine, languages],
      { cwd, encoding: 'utf8' },
    )
    results.push(JSON.parse(output))
  }
  console.log(
    `${engine}: create ${median(results.map((r) => r.create)).toFixed(0)} ms, create + ${languages} highlighted ${median(results.map((r) => r.total)).toFixed(0)} ms (median of ${runs})`,
  )
}
