import { describe, expect, it, onTestFinished, vi } from 'vitest'
import {
  channelName,
  createPresentation,
  helloMessage,
  positionMessage,
  readSyncMessage,
} from '../src/index.js'
import { createController, type LateParts } from '../src/lib/controller.js'
import { listenForSwipes } from '../src/lib/swipe.js'
import { openChannel } from '../src/lib/sync.js'
import { deck } from './helpers.js'

describe('sync messages', () => {
  it('reads a position sent by another window', () => {
    expect(readSyncMessage(positionMessage('a', { slide: 3, step: 1 }, 1000), 'b')).toEqual({
      kind: 'position',
      position: { slide: 3, step: 1 },
      at: 1000,
    })
  })
  it('ignores messages this window sent itself', () => {
    expect(readSyncMessage(positionMessage('a', { slide: 3, step: 1 }, 1000), 'a')).toBeNull()
    expect(readSyncMessage(helloMessage('a'), 'a')).toBeNull()
  })
  it('ignores malformed messages', () => {
    expect(readSyncMessage(null, 'a')).toBeNull()
    expect(readSyncMessage('slide 3', 'a')).toBeNull()
    expect(
      readSyncMessage({ type: 'slidemark:position', from: 'b', slide: '3', step: 0 }, 'a'),
    ).toBeNull()
    expect(readSyncMessage({ type: 'other', from: 'b' }, 'a')).toBeNull()
    expect(
      readSyncMessage({ type: 'slidemark:position', from: 'b', slide: 3, step: 0 }, 'a'),
    ).toBeNull()
  })
  it('names the channel after the page path and deck title', () => {
    expect(channelName('/talk/', 'gevent')).toBe('slidemark:/talk/:gevent')
    expect(channelName('/talk/', 'gevent')).not.toBe(channelName('/other/', 'gevent'))
  })
})

describe('BroadcastChannel sync between windows', () => {
  function windowPair() {
    const options = { hash: false, keyboard: false, touch: false, sync: 'test-channel' } as const
    const audience = createPresentation(deck(1, 2, 1), options)
    const presenter = createPresentation(deck(1, 2, 1), options)
    onTestFinished(() => {
      audience.destroy()
      presenter.destroy()
    })
    return { audience, presenter }
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

  it('a move in the presenter window moves the audience window, and back', async () => {
    const { audience, presenter } = windowPair()
    await settle()
    presenter.next()
    presenter.next()
    await settle()
    expect(audience.state).toEqual({ slide: 1, step: 1 })
    audience.go(2)
    await settle()
    expect(presenter.state).toEqual({ slide: 2, step: 0 })
  })

  it('a synced move is not sent back (no echo loop)', async () => {
    const { audience, presenter } = windowPair()
    await settle()
    const causes: string[] = []
    audience.on('change', (event) => causes.push(`audience:${event.cause}`))
    presenter.on('change', (event) => causes.push(`presenter:${event.cause}`))
    presenter.next()
    await settle()
    expect(causes).toEqual(['presenter:navigate', 'audience:sync'])
  })

  it('a window that opens later catches up with the others', async () => {
    const options = { hash: false, keyboard: false, touch: false, sync: 'late-channel' } as const
    const audience = createPresentation(deck(1, 1, 1), options)
    onTestFinished(() => audience.destroy())
    audience.go(2)
    const late = createPresentation(deck(1, 1, 1), options)
    onTestFinished(() => late.destroy())
    await settle()
    expect(late.state).toEqual({ slide: 2, step: 0 })
  })

  it('stops syncing after destroy', async () => {
    const { audience, presenter } = windowPair()
    await settle()
    audience.destroy()
    presenter.next()
    await settle()
    expect(audience.state).toEqual({ slide: 0, step: 0 })
  })

  it('a deep link wins at load over another window’s position, and sync resumes after', async () => {
    const options = { keyboard: false, touch: false, sync: 'deep-link-channel' } as const
    const other = createPresentation(deck(1, 1, 1, 1), { ...options, hash: false })
    onTestFinished(() => other.destroy())
    other.go(1)
    history.replaceState(null, '', '#slide4')
    onTestFinished(() => history.replaceState(null, '', location.pathname))
    // The linked window began loading after the other window's move.
    vi.spyOn(performance, 'timeOrigin', 'get').mockReturnValue(Date.now() + 1)
    onTestFinished(() => {
      vi.restoreAllMocks()
    })
    const linked = createPresentation(deck(1, 1, 1, 1), options)
    onTestFinished(() => linked.destroy())
    await settle()
    expect(linked.state).toEqual({ slide: 3, step: 0 })
    other.go(2)
    await settle()
    expect(linked.state).toEqual({ slide: 2, step: 0 })
  })

  it('a deep-linked window whose sync code arrives late still follows a move made while it loaded', async () => {
    const options = { keyboard: false, touch: false, sync: 'late-code-channel' } as const
    const audience = createPresentation(deck(1, 1, 1, 1), { ...options, hash: false })
    onTestFinished(() => audience.destroy())
    audience.go(1)
    // The presenter window opens on the audience's slide, then its late chunk is slow…
    vi.spyOn(performance, 'timeOrigin', 'get').mockReturnValue(Date.now() + 1)
    onTestFinished(() => {
      vi.restoreAllMocks()
    })
    history.replaceState(null, '', '#slide2')
    onTestFinished(() => history.replaceState(null, '', location.pathname))
    let arrive: (parts: LateParts) => void = () => {}
    const late = new Promise<LateParts>((resolve) => {
      arrive = resolve
    })
    const presenter = createController(deck(1, 1, 1, 1), options, late)
    onTestFinished(() => presenter.destroy())
    expect(presenter.state).toEqual({ slide: 1, step: 0 })
    // …and the audience moves on before it arrives: the move is caught up with.
    await new Promise((resolve) => setTimeout(resolve, 5))
    audience.go(3)
    await settle()
    expect(presenter.state).toEqual({ slide: 1, step: 0 })
    arrive({ listenForSwipes, openChannel, channelName })
    await settle()
    expect(presenter.state).toEqual({ slide: 3, step: 0 })
  })

  it('a move made before a window’s sync code arrived is not undone, and reaches the others', async () => {
    const options = { keyboard: false, touch: false, hash: false, sync: 'late-own-move' } as const
    const audience = createPresentation(deck(1, 1, 1, 1, 1), options)
    onTestFinished(() => audience.destroy())
    audience.go(1)
    let arrive: (parts: LateParts) => void = () => {}
    const late = new Promise<LateParts>((resolve) => {
      arrive = resolve
    })
    const presenter = createController(deck(1, 1, 1, 1, 1), options, late)
    onTestFinished(() => presenter.destroy())
    await new Promise((resolve) => setTimeout(resolve, 5))
    presenter.go(3)
    arrive({ listenForSwipes, openChannel, channelName })
    await settle()
    // The newer move wins both ways: the presenter stays, the audience follows it.
    expect(presenter.state).toEqual({ slide: 3, step: 0 })
    expect(audience.state).toEqual({ slide: 3, step: 0 })
    presenter.next()
    await settle()
    expect(audience.state).toEqual({ slide: 4, step: 0 })
  })
})
