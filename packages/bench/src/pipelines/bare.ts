/**
 * The bare pipeline Slidemark stands on, run slide by slide: unified +
 * remark-parse + remark-rehype + rehype-pretty-code (Shiki) +
 * rehype-stringify. This is the baseline of "compiler overhead".
 *
 * `variant: 'with-gfm-raw'` adds the two stock plugins core also runs
 * (remark-gfm for tables, rehype-raw for inline HTML), to show how much of
 * the overhead is those plugins rather than Slidemark's own code.
 */

import rehypePrettyCode from 'rehype-pretty-code'
import rehypeRaw from 'rehype-raw'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { createHighlighter, type Highlighter } from 'shiki'
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript'
import { unified } from 'unified'
import { LANGUAGES, THEMES } from '../config.js'

export type ShikiEngine = 'oniguruma' | 'javascript'

/** Creates a Shiki highlighter with the bench's themes and languages on the given engine. */
export function createBenchHighlighter(engine: ShikiEngine): Promise<Highlighter> {
  return createHighlighter({
    themes: [THEMES.light, THEMES.dark],
    langs: [...LANGUAGES],
    ...(engine === 'javascript' ? { engine: createJavaScriptRegexEngine() } : {}),
  })
}

export interface BarePipeline {
  /** Renders each slide (fenced-code Markdown) to HTML, one document per slide, in order. */
  render(slides: readonly string[]): Promise<string[]>
}

export interface BarePipelineOptions {
  /** A highlighter created beforehand (the baseline excludes its creation). */
  highlighter: Highlighter
  variant?: 'bare' | 'with-gfm-raw'
}

/**
 * rehype-pretty-code keeps one highlighter per process under the key
 * `JSON.stringify(theme)`, and uses the first one made for a key even when
 * another plugin instance passes its own `getHighlighter`. `@slidemark/core`
 * uses the same package and themes, so with the same key the two pipelines
 * would silently share a highlighter (whichever ran first, with its engine).
 * The same themes with the keys in the other order give the baseline a key,
 * and so a highlighter, of its own.
 */
const BASELINE_THEME = { dark: THEMES.dark, light: THEMES.light }

export function createBarePipeline({
  highlighter,
  variant = 'bare',
}: BarePipelineOptions): BarePipeline {
  const prettyCode = {
    theme: BASELINE_THEME,
    keepBackground: false,
    getHighlighter: async () => highlighter,
  }
  const processor =
    variant === 'bare'
      ? unified()
          .use(remarkParse)
          .use(remarkRehype)
          .use(rehypePrettyCode, prettyCode)
          .use(rehypeStringify)
          .freeze()
      : unified()
          .use(remarkParse)
          .use(remarkGfm)
          .use(remarkRehype, { allowDangerousHtml: true })
          .use(rehypeRaw)
          .use(rehypePrettyCode, prettyCode)
          .use(rehypeStringify)
          .freeze()
  return {
    async render(slides) {
      const html: string[] = []
      for (const slide of slides) html.push(String(await processor.process(slide)))
      return html
    },
  }
}
