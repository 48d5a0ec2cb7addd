import type { Deck, Slide } from '@slidemark/core'
import type { DeckAsset } from './assets.js'

/**
 * Hot-update wiring appended to every deck module. The module accepts its
 * own updates; listeners live in `import.meta.hot.data`, which Vite keeps
 * across versions of the module, so a listener registered once (by the app or
 * a theme) hears every later version. Without HMR (a build, SSR) `onUpdate`
 * is a no-op. Nothing here runs a side effect outside HMR.
 */
const HMR_CODE = `
export function onUpdate(listener) {
  const listeners = import.meta.hot?.data.slidemarkListeners
  if (!listeners) return () => {}
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
if (import.meta.hot) {
  import.meta.hot.data.slidemarkListeners ??= new Set()
  import.meta.hot.accept((next) => {
    if (!next) return
    for (const listener of import.meta.hot.data.slidemarkListeners) listener(next.default, next.meta)
  })
}
`

/**
 * The ES module a deck becomes: `export default slides`, `meta`, `title`
 * and `onUpdate`. Found assets are imported (`import __sm_asset_0 from
 * './img/a.png'`) and their URLs in the slides' HTML and `assets` are
 * replaced by the imported value.
 */
export function generateModule(deck: Deck, assets: readonly DeckAsset[]): string {
  const names = new Map(assets.map((asset, n) => [asset.url, `__sm_asset_${n}`]))
  const importedValue = (asset: DeckAsset) => {
    const name = names.get(asset.url) as string
    return asset.hash ? `${name} + ${JSON.stringify(asset.hash)}` : name
  }
  /** Assets by their URL as written in an attribute value of the HTML. */
  const byAttribute = new Map(assets.map((asset) => [escapeAttribute(asset.url), asset]))
  const urlPattern = attributeValuePattern([...byAttribute.keys()])
  const html = (text: string) => {
    if (!urlPattern) return JSON.stringify(text)
    return (
      text
        .split(urlPattern)
        .map((part, n) => {
          if (n % 2 === 0) return JSON.stringify(part)
          const asset = byAttribute.get(part)
          return asset ? importedValue(asset) : JSON.stringify(part)
        })
        .filter((part) => part !== '""')
        .join(' + ') || '""'
    )
  }
  const byUrl = new Map(assets.map((asset) => [asset.url, asset]))
  const slide = (s: Slide) => {
    const references = s.assets.map((reference) => {
      const asset = byUrl.get(reference.url)
      const url = asset ? importedValue(asset) : JSON.stringify(reference.url)
      return `{ url: ${url}, line: ${reference.line}, column: ${reference.column} }`
    })
    const { header, content, notes, assets: _assets, ...plain } = s
    return [
      '  {',
      ...Object.entries(plain).map(([key, value]) => `    ${key}: ${JSON.stringify(value)},`),
      `    header: ${html(header)},`,
      `    content: ${html(content)},`,
      `    notes: ${html(notes)},`,
      `    assets: [${references.join(', ')}],`,
      '  },',
    ].join('\n')
  }
  const title = deck.meta.title ?? deck.slides[0]?.title ?? ''
  return [
    ...assets.map(
      (asset) => `import ${names.get(asset.url)} from ${JSON.stringify(asset.specifier)}`,
    ),
    '',
    `const slides = [\n${deck.slides.map(slide).join('\n')}\n]`,
    'export default slides',
    // JSON.parse keeps every front-matter key an own property, even `__proto__`.
    `export const meta = JSON.parse(${JSON.stringify(JSON.stringify(deck.meta))})`,
    `export const title = ${JSON.stringify(typeof title === 'string' ? title : String(title))}`,
    HMR_CODE,
  ].join('\n')
}

/** rehype-stringify writes attribute values in double quotes with `&` and `"` escaped. */
function escapeAttribute(url: string): string {
  return url.replaceAll('&', '&amp;').replaceAll('"', '&quot;')
}

/**
 * Matches a whole `src="…"` or `poster="…"` value equal to one of the
 * (attribute-escaped) URLs, captured: the attributes core lists assets from;
 * `alt` text stays.
 */
function attributeValuePattern(values: readonly string[]): RegExp | undefined {
  if (values.length === 0) return undefined
  const alternatives = [...values]
    .sort((a, b) => b.length - a.length)
    .map((url) => url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`(?<=\\s(?:src|poster)=")(${alternatives.join('|')})(?=")`)
}
