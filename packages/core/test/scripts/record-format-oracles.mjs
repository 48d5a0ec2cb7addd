#!/usr/bin/env node
// Record what the original tools make of our Marp and Slidev fixture decks,
// so test/formats-oracle.test.ts can compare Slidemark with them without the
// tools at test time. Runs `@marp-team/marp-core` and `@slidev/parser` (core's
// devDependencies) and writes test/fixtures/format-<name>/oracle.json.
// Only on request: node test/scripts/record-format-oracles.mjs --write [marp|slidev]
// (remark, reveal.js and landslide have no Node API that parses a deck without
// a browser or Python: their oracle.json files were written by hand from
// their parsers' rules; each says which source it was read from.)
import { readFileSync, writeFileSync } from 'node:fs'
import { Marp } from '@marp-team/marp-core'
import { parseSync } from '@slidev/parser'

const write = process.argv.includes('--write')
const names = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
const fixture = (name, file) => new URL(`../fixtures/format-${name}/${file}`, import.meta.url)

/** Plain text of an HTML fragment, whitespace collapsed. */
const text = (html) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim()

function recordMarp(source) {
  const { html, comments } = new Marp({ html: true }).render(source)
  const sections = [...html.matchAll(/<section\b([^>]*)>([\s\S]*?)<\/section>/g)]
  return {
    tool: `@marp-team/marp-core ${readVersion('@marp-team/marp-core')}: new Marp({ html: true }).render()`,
    slides: sections.map(([, attributes, body], index) => {
      const heading = /<h[1-6]\b([^>]*)>([\s\S]*?)<\/h[1-6]>/.exec(body)
      const attribute = (name) => new RegExp(`\\s${name}="([^"]*)"`).exec(attributes)?.[1]
      return {
        title: heading ? text(heading[2]) : '',
        fit: heading ? /data-auto-scaling/.test(heading[1]) : false,
        notes: comments[index].map((comment) => comment.replace(/\s+/g, ' ').trim()),
        steps: Number(attribute('data-marpit-fragments') ?? 0) + 1,
        classes: (attribute('class') ?? '').split(/\s+/).filter(Boolean),
        header: text(/<header>([\s\S]*?)<\/header>/.exec(body)?.[1] ?? ''),
        footer: text(/<footer>([\s\S]*?)<\/footer>/.exec(body)?.[1] ?? ''),
        paginate: attribute('data-paginate') === 'true',
      }
    }),
    hidden: [],
  }
}

/**
 * `@slidev/parser` splits the deck and reads front matter, titles and notes;
 * clicks are counted by Slidev's Vue transform, which does not run in Node:
 * here they are counted from the parsed content by its rules (one per
 * `<v-click>`, one per list item in `<v-clicks>`, one per `v-click`
 * attribute).
 */
function recordSlidev(source) {
  const { slides } = parseSync(source, 'deck.md')
  const record = (slide) => ({
    title: slide.title ?? '',
    notes: slide.note ? [slide.note.replace(/\s+/g, ' ').trim()] : [],
    steps: countClicks(slide.content) + 1,
    classes: [
      ...(slide.frontmatter.layout ? [`layout-${slide.frontmatter.layout}`] : []),
      ...String(slide.frontmatter.class ?? '')
        .split(/\s+/)
        .filter(Boolean),
    ],
  })
  const hidden = (slide) => slide.frontmatter.hide === true || slide.frontmatter.disabled === true
  return {
    tool: `@slidev/parser ${readVersion('@slidev/parser')}: parseSync(); clicks counted from its content`,
    slides: slides.filter((slide) => !hidden(slide)).map(record),
    hidden: slides.filter(hidden).map((slide) => ({ title: slide.title ?? '' })),
  }
}

function countClicks(content) {
  const single = (content.match(/<v-click>/g) ?? []).length
  const attributes = (content.match(/<[\w-]+[^>]*\sv-click[\s>=]/g) ?? []).length
  const groups = [...content.matchAll(/<v-clicks>([\s\S]*?)<\/v-clicks>/g)]
  const items = groups.reduce(
    (sum, group) => sum + (group[1].match(/^\s*[-*+] /gm) ?? []).length,
    0,
  )
  return single + attributes + items
}

function readVersion(name) {
  const file = new URL(`../../node_modules/${name}/package.json`, import.meta.url)
  return JSON.parse(readFileSync(file, 'utf8')).version
}

const recorders = { marp: recordMarp, slidev: recordSlidev }
for (const name of names.length > 0 ? names : Object.keys(recorders)) {
  const oracle = recorders[name](readFileSync(fixture(name, 'input.slides.md'), 'utf8'))
  const json = `${JSON.stringify(oracle, null, 2)}\n`
  if (write) writeFileSync(fixture(name, 'oracle.json'), json)
  else process.stdout.write(json)
  console.error(
    `${name}: ${oracle.slides.length} slides, ${oracle.hidden.length} hidden${write ? ' (written)' : ''}`,
  )
}
