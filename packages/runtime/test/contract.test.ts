import { afterEach, describe, expect, it } from 'vitest'
import { type ContractRunner, runThemeContract, type ThemeModule } from '../src/contract.js'
import { type MountOptions, mountDeck, type ThemeDefinition } from '../src/dom/index.js'
import type { PresentableSlide } from '../src/index.js'
import { plainTheme, resetPage } from './helpers.js'

const plain = plainTheme({
  render: (slide) => `${slide.header}<section>${slide.content}</section>`,
})

/** A theme module built on mountDeck, with `change` applied to the definition or the mount. */
function themeModule(
  change: Partial<ThemeDefinition<PresentableSlide>> = {},
  adjust: (options: MountOptions) => MountOptions = (options) => options,
): ThemeModule {
  const theme = { ...plain, ...change }
  return {
    theme,
    mount: (root, slides, options = {}) => mountDeck(root, slides, adjust(options), theme),
  }
}

/** Runs the contract with a runner that records each check; returns the failures by check name. */
async function failures(module: ThemeModule): Promise<Map<string, string>> {
  const checks: { name: string; body: () => void | Promise<void> }[] = []
  const runner: ContractRunner = {
    describe: (_name, body) => body(),
    it: (name, body) => checks.push({ name, body }),
  }
  runThemeContract(module, runner)
  expect(checks.length).toBeGreaterThanOrEqual(8)
  const failed = new Map<string, string>()
  for (const check of checks) {
    try {
      await check.body()
    } catch (error) {
      failed.set(check.name, (error as Error).message)
    }
    document.body.innerHTML = ''
  }
  return failed
}

afterEach(resetPage)

describe('runThemeContract', () => {
  it('passes a theme built on mountDeck', async () => {
    expect(await failures(themeModule())).toEqual(new Map())
  })

  it('fails a theme that drops the slide heading, naming the theme and the slide', async () => {
    const failed = await failures(
      themeModule({ name: 'headless', render: (slide) => `<section>${slide.content}</section>` }),
    )
    expect([...failed.keys()]).toEqual([
      'draws every slide with its heading, running header and footer',
    ])
    expect([...failed.values()][0]).toMatch(
      /^theme headless: slide 2 does not show its heading "A heading long/,
    )
  })

  it('fails a theme that drops the build steps', async () => {
    const failed = await failures(
      themeModule({
        render: (slide) =>
          `${slide.header}<section>${slide.content.replace(/ class="slidemark-step"/g, '')}</section>`,
      }),
    )
    expect(failed.get('shows build steps one at a time, forwards and back')).toMatch(
      /at step 0 steps are hidden/,
    )
  })

  it('fails a theme that ignores embedded: true', async () => {
    const failed = await failures(themeModule({}, (options) => ({ ...options, embedded: false })))
    expect(
      failed.get('runs two embedded decks on one page, each hearing keys only while focused'),
    ).toMatch(/not focusable/)
  })

  it('fails a theme whose destroy() leaves its element behind', async () => {
    const module = themeModule()
    const leaky: ThemeModule = {
      theme: { name: 'leaky' },
      mount(root, slides, options) {
        const deck = module.mount(root, slides, options)
        const destroy = deck.destroy
        deck.destroy = () => {
          destroy()
          root.append(document.createElement('div'))
        }
        return deck
      },
    }
    const failed = await failures(leaky)
    expect(failed.get('leaves nothing behind on destroy()')).toBe(
      'theme leaky: root still has children after destroy()',
    )
  })
})
