import { compile } from '@slidemark/core'
import { expect, it } from 'vitest'
import { diffDecks } from '../src/hot-slides.js'

const deck = (source: string) => compile(source, { filename: '/talk.slides.md' })

const SOURCE =
  '---\ntitle: 発表\n---\n\n# One\n\nFirst\n\n---\n\n#Two\n\nSecond\n\n---\n\n## Three\n\nThird\n'

it('lists only the slides an edit changed, with their index', async () => {
  const changed = diffDecks(await deck(SOURCE), await deck(SOURCE.replace('Second', 'Zweite')))
  expect(changed?.map(([index]) => index)).toEqual([1])
  expect(changed?.[0]?.[1].content).toContain('Zweite')
})

it('lists nothing for an edit that changes no slide', async () => {
  expect(diffDecks(await deck(SOURCE), await deck(`${SOURCE}\n\n`))).toEqual([])
})

it('lists the slides an added slide shifts', async () => {
  const changed = diffDecks(
    await deck(SOURCE),
    await deck(SOURCE.replace('#Two', '# New\n\n---\n\n#Two')),
  )
  expect(changed?.map(([index]) => index)).toEqual([1, 2, 3])
})

it('needs the whole module when the front matter changes', async () => {
  expect(diffDecks(await deck(SOURCE), await deck(SOURCE.replace('発表', 'Talk')))).toBeUndefined()
})

it('needs the whole module when the edit has an error, so the overlay shows it', async () => {
  const broken = SOURCE.replace('title: 発表', 'title: a: b')
  expect(diffDecks(await deck(SOURCE), await deck(broken))).toBeUndefined()
})

it('needs the whole module when a changed slide refers to an image', async () => {
  const withImage = SOURCE.replace('Third', 'Third ![chart](./chart.png)')
  expect(diffDecks(await deck(SOURCE), await deck(withImage))).toBeUndefined()
})

it('lists a slide whose classes or steps changed though its HTML did not', async () => {
  const before = await deck(SOURCE)
  const after = await deck(SOURCE.replace('## Three\n', '## Three\n\n.fx: dark\n'))
  expect(after.slides[2]?.content).toBe(before.slides[2]?.content)
  expect(diffDecks(before, after)?.map(([index]) => index)).toEqual([2])
})
