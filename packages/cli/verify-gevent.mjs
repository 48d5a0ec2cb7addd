import { chromium } from 'playwright-core'

const file = process.argv[2]
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})
const ctx = await b.newContext({ viewport: { width: 1280, height: 800 } })
const nonFile = []
await ctx.route('**', (r) => {
  const u = r.request().url()
  if (u.startsWith('file:')) return r.continue()
  nonFile.push(u)
  return r.abort()
})
const p = await ctx.newPage()
const errors = []
p.on('pageerror', (e) => errors.push(e.message))
p.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
await p.goto('file://' + file)
const cur = () =>
  p.locator('.slide.current').evaluate((e) => ({
    i: Number(e.dataset.index),
    h: (e.querySelector('header')?.textContent || e.textContent).trim().slice(0, 30),
    hidden: e.querySelectorAll('.slidemark-step-hidden').length,
    code: e.querySelectorAll('pre code').length,
    visible: e.getBoundingClientRect().width > 0,
  }))
const seen = [await cur()]
await p.screenshot({ path: '/tmp/gev/shot-00.png' })
for (let n = 0; n < 100; n++) {
  await p.keyboard.press('ArrowRight')
  const c = await cur()
  const l = seen.at(-1)
  if (c.i === l.i && c.hidden === l.hidden) break
  seen.push(c)
  if (c.i === 9 || c.i === 17) await p.screenshot({ path: `/tmp/gev/shot-${c.i}-${c.hidden}.png` })
}
const slides = new Map(seen.map((s) => [s.i, s]))
console.log(
  'states',
  seen.length,
  'distinct slides',
  slides.size,
  'indices 0..24:',
  [...slides.keys()].join(','),
)
for (const s of slides.values()) console.log(s.i, s.h, 'code blocks', s.code, 'visible', s.visible)
console.log('non-file requests', nonFile, 'errors', errors)
await b.close()
