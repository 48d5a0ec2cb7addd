#!/usr/bin/env node
// Record how the original tool (html5-slides-markdown on Python-Markdown, via
// /work/shared/tools/pymd-oracle.py or $SLIDEMARK_ORACLE) reads a fixture deck:
// slide count, each slide's header tag and text, the headings in its content,
// its `!lang` languages and its `$$$$` step markers.
// The test compares Slidemark against the recorded JSON, so CI does not need
// Python. Usage: node test/scripts/record-oracle.mjs [fixture-name ...]
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const oracle = process.env.SLIDEMARK_ORACLE ?? '/work/shared/tools/pymd-oracle.py'
const python = process.env.PYTHON ?? '/usr/bin/python3'
const names = process.argv.slice(2)
if (names.length === 0) names.push('gevent-shaped')

for (const name of names) {
  const input = fileURLToPath(new URL(`../fixtures/${name}/input.slides.md`, import.meta.url))
  const slides = JSON.parse(execFileSync(python, [oracle, input], { encoding: 'utf8' }))
  const summary = slides.map((slide) => {
    const match = /^<(\w+)>([\s\S]*)<\/\1>$/.exec(slide.header)
    const headings = [...slide.content.matchAll(/<(h[1-6])>([\s\S]*?)<\/\1>/g)].map((m) => ({
      tag: m[1],
      text: m[2],
    }))
    const stepMarkers = slide.content.split('<p>$$$$</p>').length - 1
    return {
      tag: match?.[1] ?? '',
      text: match?.[2] ?? slide.header,
      headings,
      langs: slide.langs,
      stepMarkers,
    }
  })
  const output = fileURLToPath(new URL(`../fixtures/${name}/oracle.json`, import.meta.url))
  writeFileSync(output, `${JSON.stringify(summary, null, 2)}\n`)
  console.log(`${name}: ${summary.length} slides -> ${output}`)
}
