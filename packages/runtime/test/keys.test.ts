import { describe, expect, it } from 'vitest'
import { isEditable, keyName } from '../src/index.js'

describe('keyName', () => {
  it('spells the space bar Space and Shift+Space', () => {
    expect(keyName({ key: ' ', shiftKey: false })).toBe('Space')
    expect(keyName({ key: ' ', shiftKey: true })).toBe('Shift+Space')
  })
  it('lower-cases single characters and ignores Shift on them', () => {
    expect(keyName({ key: 'O', shiftKey: true })).toBe('o')
    expect(keyName({ key: '?', shiftKey: true })).toBe('?')
  })
  it('keeps named keys', () => {
    expect(keyName({ key: 'PageDown', shiftKey: false })).toBe('PageDown')
  })
})

describe('isEditable', () => {
  it('is true for form fields and contenteditable content', () => {
    document.body.innerHTML =
      '<input><textarea></textarea><select></select><div contenteditable><b>x</b></div><p contenteditable="false">y</p>'
    expect(isEditable(document.querySelector('input'))).toBe(true)
    expect(isEditable(document.querySelector('textarea'))).toBe(true)
    expect(isEditable(document.querySelector('select'))).toBe(true)
    expect(isEditable(document.querySelector('b'))).toBe(true)
    expect(isEditable(document.querySelector('p'))).toBe(false)
    expect(isEditable(document.body)).toBe(false)
    expect(isEditable(window)).toBe(false)
  })
})
