/**
 * The browser side of a chunked deck (see chunks.ts). This function is
 * written into every chunked deck module as its source text
 * (`lazySlides.toString()`), so it must stay self-contained: no imports, no
 * outer variables, only what every browser runs.
 *
 * It returns the deck's slides array at once: a slide whose chunk has not
 * arrived has its metadata (title, kind, steps, classes, source lines, id,
 * running header and footer) and a hidden `Symbol.for('slidemark.pending')`
 * property; reading its `header`, `content`, `notes` or `assets` throws an
 * error saying how to wait for it (never an empty slide). A loaded chunk
 * replaces its slides in the same array with the complete objects. The
 * array carries the loader as a hidden `Symbol.for('slidemark.lazy')`
 * property, which `@slidemark/runtime` reads (see its `lazySlides()`).
 * `first`, when given, are the complete slides of the first chunk, there at once.
 */
export function lazySlides(
  index: Array<Record<string, unknown>>,
  starts: number[],
  chunks: Array<() => Promise<{ default: Array<Record<string, unknown>> }>>,
  file: string,
  first: Array<Record<string, unknown>> = [],
): Array<Record<string, unknown>> {
  const slides: Array<Record<string, unknown>> = []
  const states = chunks.map(() => ({ error: undefined as string | undefined }))
  const loading: Array<Promise<void> | undefined> = []
  const listeners = new Set<(from: number, to: number) => void>()
  const chunkOf = (n: number) => {
    let chunk = 0
    while (chunk + 1 < starts.length && (starts[chunk + 1] as number) <= n) chunk++
    return chunk
  }
  const end = (chunk: number) => starts[chunk + 1] ?? index.length
  const notify = (chunk: number) => {
    for (const listener of listeners) listener(starts[chunk] as number, end(chunk))
  }
  index.forEach((data, n) => {
    if (first[n] && chunkOf(n) === 0) {
      slides.push(first[n] as Record<string, unknown>)
      return
    }
    // The entry leaves out the commonest values (see `slideMetadata` in generate-module.ts).
    const slide: Record<string, unknown> = {
      kind: 'content',
      steps: 1,
      classes: [],
      ...data,
      index: n,
    }
    for (const key of ['header', 'content', 'notes', 'assets']) {
      Object.defineProperty(slide, key, {
        configurable: true,
        get() {
          throw new Error(
            `slidemark: slide ${n + 1} of ${file} is not loaded yet, so its ${key} cannot be read. ` +
              'A big deck loads its slides in chunks: await loadSlides() from the deck module first, ' +
              'or set the Vite plugin option lazy: false.',
          )
        },
      })
    }
    Object.defineProperty(slide, Symbol.for('slidemark.pending'), {
      value: states[chunkOf(n)],
    })
    slides.push(slide)
  })
  if (first.length > 0) loading[0] = Promise.resolve()
  const load = (chunk: number): Promise<void> => {
    const started = loading[chunk]
    if (started) return started
    const state = states[chunk] as { error: string | undefined }
    state.error = undefined
    const promise = (chunks[chunk] as () => Promise<{ default: Array<Record<string, unknown>> }>)()
      .then(({ default: loaded }) => {
        loaded.forEach((slide, k) => {
          slides[(starts[chunk] as number) + k] = slide
        })
        notify(chunk)
      })
      .catch((error: unknown) => {
        loading[chunk] = undefined // a later request tries again
        state.error = error instanceof Error ? error.message : String(error)
        notify(chunk)
        throw error
      })
    loading[chunk] = promise
    return promise
  }
  const handle = {
    /** Whether slide `n` is loaded. */
    isLoaded: (n: number) => !(Symbol.for('slidemark.pending') in (slides[n] ?? {})),
    /** Loads the chunks holding slides `from` (inclusive) to `to` (exclusive). */
    load(from: number, to: number): Promise<void> {
      const low = Math.max(0, Math.floor(from))
      const high = Math.min(index.length, Math.ceil(to)) - 1
      if (high < low) return Promise.resolve()
      const jobs: Array<Promise<void>> = []
      for (let chunk = chunkOf(low); chunk <= chunkOf(high); chunk++) jobs.push(load(chunk))
      return Promise.all(jobs).then(() => undefined)
    },
    /** Loads every chunk; resolves to the (now complete) slides array. */
    loadAll: () => Promise.all(chunks.map((_, chunk) => load(chunk))).then(() => slides),
    /** Calls `listener(from, to)` each time a chunk arrives or fails. Returns an unsubscribe function. */
    onLoad(listener: (from: number, to: number) => void) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
  Object.defineProperty(slides, Symbol.for('slidemark.lazy'), { value: handle })
  return slides
}

/**
 * A chunked deck's metadata as columns, the way its entry carries it: one
 * object per slide repeats every key 500 times and writes each line number
 * in full; columns gzip to a third (a 500-slide deck: 5.3 KB → 1.9 KB).
 * `lines` holds two numbers per slide: the gap from the previous slide's
 * end to its start, and its length. A slide whose `source` does not fit
 * that (none, in decks `compile()` makes) keeps it in `rest`.
 */
export interface PackedMetadata {
  titles: unknown[]
  lines: number[]
  rest: Array<Record<string, unknown>>
}

/** Columns of `metadata` (see {@link PackedMetadata}); {@link unpackMetadata} undoes it. */
export function packMetadata(metadata: ReadonlyArray<Record<string, unknown>>): PackedMetadata {
  const packed: PackedMetadata = { titles: [], lines: [], rest: [] }
  let end = 0
  for (const { title, source, ...rest } of metadata) {
    packed.titles.push(title)
    const range = source as { start?: unknown; end?: unknown } | undefined
    const exact =
      range !== undefined &&
      Object.keys(range).length === 2 &&
      Number.isInteger(range.start) &&
      Number.isInteger(range.end) &&
      (range.end as number) >= (range.start as number)
    if (exact) {
      const { start, end: last } = range as { start: number; end: number }
      packed.lines.push(start - end, last - start)
      end = last
    } else {
      // 0, -1: no range here, `source` (if any) is in `rest`; a range packed above is never shorter than 0.
      packed.lines.push(0, -1)
      if (source !== undefined) rest.source = source
    }
    packed.rest.push(rest)
  }
  return packed
}

/**
 * The metadata objects back from {@link packMetadata}'s columns. Written into
 * chunked deck modules as source text (`unpackMetadata.toString()`), so it is
 * self-contained like {@link lazySlides}.
 */
export function unpackMetadata(packed: {
  titles: unknown[]
  lines: number[]
  rest: Array<Record<string, unknown>>
}): Array<Record<string, unknown>> {
  let end = 0
  return packed.rest.map((rest, n) => {
    const gap = packed.lines[2 * n] as number
    const length = packed.lines[2 * n + 1] as number
    const slide: Record<string, unknown> = { title: packed.titles[n], ...rest }
    if (length >= 0) {
      const start = end + gap
      end = start + length
      slide.source = { start, end }
    }
    return slide
  })
}
