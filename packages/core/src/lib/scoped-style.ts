import { hashString } from './hash.js'

const styleElement = /<style(\s[^>]*)?>([\s\S]*?)<\/style\s*>/gi

/**
 * Scope the CSS of a slide's `<style>` elements to that slide, as Slidev
 * does for every `<style>` and Marp for `<style scoped>`: the rules are
 * wrapped in `@scope` rooted at the slide element that holds the style
 * (found by a `data-slidemark-scope` key made from the CSS), so the
 * slide's heading is styled too and no other slide is. `section`, Marp's
 * slide element, becomes `:scope` when `marpSection` is set. `only`
 * picks which style elements to scope (default: all).
 */
export function scopeStyles(
  html: string,
  options: { marpSection?: boolean; only?: (attributes: string) => boolean } = {},
): string {
  return html.replace(styleElement, (whole, attributes: string | undefined, css: string) => {
    const attributeText = attributes ?? ''
    if (options.only && !options.only(attributeText)) return whole
    if (/data-slidemark-scope/.test(attributeText)) return whole
    const key = hashString(css).slice(0, 10)
    const root = `[aria-roledescription="slide"]:has(style[data-slidemark-scope="${key}"])`
    const body = options.marpSection ? css.replace(/(^|[\s,>+~(}])section\b/g, '$1:scope') : css
    const kept = attributeText.replace(/\s+scoped\b(?:=(?:"[^"]*"|'[^']*'|\S+))?/i, '')
    return `<style${kept} data-slidemark-scope="${key}">@scope (${root}) {${body}}</style>`
  })
}
