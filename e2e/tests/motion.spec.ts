import { dom } from './dom.js'
import { expect, expectAt, test } from './fixtures.js'

test.use({ contextOptions: { reducedMotion: 'reduce' } })

test('with reduced motion, moving between slides runs no CSS transition', async ({
  page,
  deckUrl,
}) => {
  await page.goto(deckUrl())
  await expectAt(page, 0)
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowLeft', 'End', 'Home']) {
    await page.keyboard.press(key)
    // Read the animations in the same frame the move is drawn in.
    const running = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) =>
          requestAnimationFrame(() =>
            resolve(
              document
                .getAnimations()
                .filter((animation) => animation.playState === 'running')
                .map((animation) => {
                  const name =
                    'transitionProperty' in animation
                      ? String((animation as CSSTransition).transitionProperty)
                      : String((animation as CSSAnimation).animationName ?? 'animation')
                  const target = (animation.effect as KeyframeEffect | null)?.target
                  return `${name} on ${target?.nodeName ?? '?'}.${(target as Element | null)?.className ?? ''}`
                }),
            ),
          ),
        ),
    )
    expect(running, `after ${key}`).toEqual([])
  }
  await expect(dom.current(page)).toBeInViewport({ ratio: 1 })
})
