import {
  hotHandle,
  type KeyMap,
  type Position,
  type PresentableSlide,
  type PresentationMeta,
} from '@slidemark/runtime'
import type { MountOptions, ThemedPresentation } from '@slidemark/runtime/dom'
import {
  defineComponent,
  h,
  markRaw,
  onBeforeUnmount,
  onMounted,
  type PropType,
  type ShallowRef,
  shallowRef,
  toRaw,
  watch,
} from 'vue'

/**
 * A theme module, as `import * as horizon from '@slidemark/theme-horizon'`
 * gives it: anything with the themes' `mount(root, slides, options)`.
 */
export interface DeckTheme<S extends PresentableSlide = PresentableSlide> {
  mount(root: HTMLElement, slides: readonly S[], options?: MountOptions): ThemedPresentation<S>
}

/** What a template ref to `<SlidemarkDeck>` holds: the deck's controller once mounted, else `null`. */
export interface SlidemarkDeckInstance<S extends PresentableSlide = PresentableSlide> {
  readonly deck: ThemedPresentation<S> | null
}

/** A Boolean prop that stays `undefined` when absent (Vue would make it `false`), so the runtime's default applies. */
const flag = { type: Boolean, default: undefined } as const
const flagOrName = { type: [Boolean, String] as PropType<boolean | string>, default: undefined }
const anything = <T>() => ({ type: null as unknown as PropType<T>, default: undefined })

/** Every `MountOptions` field as a prop; `satisfies` fails the build when the runtime adds one. */
const mountProps = {
  meta: Object as PropType<PresentationMeta>,
  window: anything<Window | null>(),
  target: anything<HTMLElement | null>(),
  keyboard: flag,
  touch: flag,
  hash: flagOrName,
  sync: flagOrName,
  start: Object as PropType<Partial<Position>>,
  keys: Object as PropType<KeyMap>,
  hot: flag,
  embedded: flag,
  presenter: flag,
  print: flag,
  printNotes: flag,
  notes: flag,
  fit: flag,
  fitFloor: Number,
  onOverflow: Function as PropType<MountOptions['onOverflow']>,
  onDiagramError: Function as PropType<MountOptions['onDiagramError']>,
  fitNotice: flag,
  reading: flag,
} satisfies Record<keyof MountOptions, unknown>

/**
 * A Slidemark deck inside a Vue tree: `<SlidemarkDeck :slides="slides" :theme="horizon" />`.
 * It mounts the theme into its root `<div>` (class, style and other
 * attributes fall through to it), embedded by default (fills the div, keys
 * only while focused, no hash or window sync); new `slides` or `meta` update
 * the deck in place, on the same slide; it follows the slides' own hot
 * updates in the dev server, and destroys the deck when unmounted (a parent's
 * hot reload remounts it cleanly). Other `MountOptions` are read at mount; a
 * new `theme` mounts a new deck. A template ref exposes `deck`, the controller.
 */
export const SlidemarkDeck = defineComponent({
  name: 'SlidemarkDeck',
  props: {
    /** The slides, usually a `*.slides.md` import. */
    slides: { type: Array as PropType<readonly PresentableSlide[]>, required: true },
    /** The theme module (`import * as horizon from '@slidemark/theme-horizon'`). */
    theme: { type: Object as PropType<DeckTheme>, required: true },
    ...mountProps,
  },
  setup(props, { expose }) {
    const host = shallowRef<HTMLElement | null>(null)
    const deck: ShallowRef<ThemedPresentation | null> = shallowRef(null)
    let shown: { slides: readonly PresentableSlide[]; meta: PresentationMeta | undefined } | null =
      null

    const mount = () => {
      const root = host.value
      if (!root) return
      const slides = toRaw(props.slides)
      const meta = rawMeta(props.meta)
      deck.value = markRaw(props.theme.mount(root, slides, mountOptions(props, meta)))
      shown = { slides, meta }
    }
    const destroy = () => {
      deck.value?.destroy()
      deck.value = null
      shown = null
    }

    onMounted(mount)
    onBeforeUnmount(destroy)
    watch(
      () => props.theme,
      () => {
        destroy()
        mount()
      },
    )
    watch([() => props.slides, () => props.meta], ([next, nextMeta]) => {
      const slides = toRaw(next)
      const meta = rawMeta(nextMeta)
      if (!deck.value || !shown || (shown.slides === slides && shown.meta === meta)) return
      shown = { slides, meta }
      deck.value.update(slides, meta)
    })
    // The component, not the controller, follows the hot handle: new `slides`
    // (another deck) must stop the old deck's edits from reaching this one.
    watch([deck, () => props.slides, () => props.hot], ([current, slides, hot], _, onCleanup) => {
      if (!current || hot === false) return
      const stop = hotHandle(toRaw(slides))?.onUpdate((next, meta) => current.update(next, meta))
      if (stop) onCleanup(stop)
    })

    expose({ deck })
    return () => h('div', { ref: host })
  },
})

function rawMeta(meta: PresentationMeta | undefined): PresentationMeta | undefined {
  return meta === undefined ? undefined : toRaw(meta)
}

/** The props `mount` gets: the set `MountOptions` props, embedded unless `:embedded="false"`. */
function mountOptions(
  props: Record<string, unknown>,
  meta: PresentationMeta | undefined,
): MountOptions {
  const options: Record<string, unknown> = {}
  for (const name of Object.keys(mountProps)) {
    if (props[name] !== undefined) options[name] = toRaw(props[name])
  }
  return { ...options, meta, embedded: props.embedded !== false, hot: false }
}
