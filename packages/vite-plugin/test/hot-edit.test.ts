import { compile, type Deck } from '@slidemark/core'
import { describe, expect, it } from 'vitest'
import { applySlideEdit, findSlideEdit } from '../src/hot-edit.js'

const deck = (source: string) => compile(source, { filename: '/talk.slides.md', cache: false })

const SOURCE = [
  '---',
  'title: Guesses',
  '---',
  '',
  'Guesses',
  '',
  '---',
  '',
  '# One',
  '',
  'First **slide**',
  '',
  '---',
  '',
  '# Two',
  '',
  '    !python',
  '    print("two")',
  '',
  '---',
  '',
  '# Three',
  '',
  '- a',
  '- b',
  '',
].join('\n')

/** The deck the quick path guesses for `next`, or `undefined` when it does not guess. */
async function guess(previousSource: string, next: string): Promise<Deck | undefined> {
  const previous = { source: previousSource, deck: await deck(previousSource) }
  const edit = findSlideEdit(previous, next)
  if (!edit) return undefined
  return applySlideEdit(previous.deck, edit, await deck(edit.text))
}

describe('the quick path of a one-slide edit', () => {
  it.each([
    ['a word', SOURCE.replace('First', 'Premier')],
    ['a line added', SOURCE.replace('First **slide**', 'First **slide**\n\nand more')],
    ['lines removed', SOURCE.replace('- a\n- b', '- a')],
    ['code changed', SOURCE.replace('print("two")', 'print("deux")\n    print(2)')],
    [
      'a line typed after the slide',
      SOURCE.replace('First **slide**\n', 'First **slide**\nnext\n'),
    ],
  ])('guesses the slides the whole compile makes: %s', async (_, next) => {
    const guessed = await guess(SOURCE, next)
    expect(guessed).toBeDefined()
    expect(guessed?.slides).toEqual((await deck(next)).slides)
  })

  it('places nothing in a deck without slides', () => {
    const edit = findSlideEdit(
      { source: SOURCE, deck: { meta: {}, messages: [], slides: [] } },
      SOURCE.replace('First', 'Premier'),
    )
    // No slides known: nothing to place the edit in.
    expect(edit).toBeUndefined()
  })

  it('gives the one-slide deck and where its lines go', async () => {
    const next = SOURCE.replace('First', 'Premier')
    const edit = findSlideEdit({ source: SOURCE, deck: await deck(SOURCE) }, next)
    // The blank lines around the slide come with it: line 1 of the slide's part is deck line 8.
    expect(edit).toMatchObject({ index: 1, delta: 0, offset: 4 })
    expect(edit?.text).toBe('---\ntitle: Guesses\n---\n\n# One\n\nPremier **slide**\n')
  })

  it.each([
    ['the first slide (it names the deck)', SOURCE.replace('\nGuesses\n', '\nGuessing\n')],
    ['the front matter', SOURCE.replace('title: Guesses', 'title: Guessing')],
    ['two slides', SOURCE.replace('First', 'Premier').replace('- b', '- c')],
    ['a separator', SOURCE.replace('\n---\n\n# Two', '\n\n# Two')],
    ['nothing', SOURCE],
    ['CRLF line ends', SOURCE.replaceAll('\n', '\r\n')],
  ])('does not guess an edit of %s', async (_, next) => {
    const previous = { source: SOURCE, deck: await deck(SOURCE) }
    expect(findSlideEdit(previous, next)).toBeUndefined()
  })

  it.each([
    ['a new slide break inside the slide', SOURCE.replace('- a\n', '- a\n\n---\n\n# Four\n')],
    ['a slide without a heading (a title slide)', SOURCE.replace('# Three\n', 'Three\n')],
    ['a warning', SOURCE.replace('- a\n- b', '```js\nlet a')],
    ['an image', SOURCE.replace('- b', '- ![b](./b.png)')],
    ['a diagram', SOURCE.replace('- a\n- b', '```mermaid\ngraph TD; A-->B\n```')],
  ])('leaves %s to the whole compile', async (_, next) => {
    const previous = { source: SOURCE, deck: await deck(SOURCE) }
    expect(findSlideEdit(previous, next)).toBeDefined()
    expect(await guess(SOURCE, next)).toBeUndefined()
  })

  it("moves the later slides and the previous deck's messages below the edit", async () => {
    const warned = SOURCE.replace('- a\n- b', '- a\n- b\n\n```js\nlet a')
    const next = warned.replace('First **slide**', 'First\n\nslide')
    const guessed = await guess(warned, next)
    const whole = await deck(next)
    expect(guessed?.slides).toEqual(whole.slides)
    expect(guessed?.messages.map(({ line, ruleId }) => [line, ruleId])).toEqual(
      whole.messages.map(({ line, ruleId }) => [line, ruleId]),
    )
  })
})
