import { hotHandle, type PresentableSlide, type PresentationMeta } from '@slidemark/runtime'
import type { MountOptions, ThemedPresentation } from '@slidemark/runtime/dom'
import {
  type CSSProperties,
  createElement,
  type ForwardedRef,
  forwardRef,
  type ReactElement,
  type RefAttributes,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
} from 'react'

/**
 * A theme module, as `import * as horizon from '@slidemark/theme-horizon'`
 * gives it: anything with the themes' `mount(root, slides, options)`.
 */
export interface DeckTheme<S extends PresentableSlide = PresentableSlide> {
  mount(root: HTMLElement, slides: readonly S[], options?: MountOptions): ThemedPresentation<S>
}

export interface DeckProps<S extends PresentableSlide = PresentableSlide> extends MountOptions {
  /** The slides, usually a `*.slides.md` import. A new array updates the deck in place. */
  slides: readonly S[]
  /** The theme module. A different theme mounts a new deck. */
  theme: DeckTheme<S>
  /** Class of the host `<div>` the deck fills (give it a size, or a width and the deck takes the slides' shape). */
  className?: string
  /** Style of the host `<div>`. */
  style?: CSSProperties
  /** `id` of the host `<div>`. */
  id?: string
}

interface Mounted<S extends PresentableSlide> {
  deck: ThemedPresentation<S>
  slides: readonly S[]
  meta: PresentationMeta | undefined
}

/**
 * A Slidemark deck inside a React tree: `<Deck slides={slides} theme={horizon} />`.
 * It mounts the theme into its host `<div>` in an effect, embedded by default
 * (fills the div, keys only while focused, no hash or window sync), moves to
 * new `slides` or `meta` in place (staying on the same slide), follows the
 * slides' own hot updates in the dev server, and destroys the deck on
 * unmount. The ref receives the deck's controller (`ThemedPresentation`)
 * once it has mounted, `null` before and after.
 */
export const Deck = forwardRef(function Deck<S extends PresentableSlide>(
  props: DeckProps<S>,
  ref: ForwardedRef<ThemedPresentation<S> | null>,
): ReactElement {
  const { slides, theme, className, style, id, meta, hot } = props
  const host = useRef<HTMLDivElement>(null)
  const mounted = useRef<Mounted<S> | null>(null)
  const [deck, setDeck] = useState<ThemedPresentation<S> | null>(null)
  // Options are read when the deck mounts; the latest props, without re-running the effect.
  const latest = useRef(props)
  latest.current = props

  useEffect(() => {
    const root = host.current
    if (!root) return
    const { slides, meta } = latest.current
    const created = theme.mount(root, slides, mountOptions(latest.current))
    mounted.current = { deck: created, slides, meta }
    setDeck(created)
    return () => {
      mounted.current = null
      created.destroy()
      setDeck(null)
    }
  }, [theme])

  useEffect(() => {
    const current = mounted.current
    if (!current || (current.slides === slides && current.meta === meta)) return
    current.slides = slides
    current.meta = meta
    current.deck.update(slides, meta)
  }, [slides, meta])

  // The component, not the controller, follows the hot handle: a new `slides`
  // array (another deck) must stop the old one's updates from reaching this deck.
  useEffect(() => {
    if (!deck || hot === false) return
    return hotHandle(slides)?.onUpdate((next, nextMeta) => deck.update(next, nextMeta))
  }, [deck, slides, hot])

  useImperativeHandle(ref, () => deck as ThemedPresentation<S>, [deck])
  return createElement('div', { ref: host, className, style, id })
}) as <S extends PresentableSlide = PresentableSlide>(
  props: DeckProps<S> & RefAttributes<ThemedPresentation<S> | null>,
) => ReactElement

/** What `mount` gets: every `MountOptions` prop, embedded unless `embedded={false}`. */
function mountOptions<S extends PresentableSlide>(props: DeckProps<S>): MountOptions {
  const { slides, theme, className, style, id, ...options } = props
  return { ...options, embedded: options.embedded ?? true, hot: false }
}
