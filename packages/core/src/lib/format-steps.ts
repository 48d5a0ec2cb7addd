import type { Data } from 'mdast'

/** Make a node a build step of its own: `class="slidemark-step" data-step="N"` on its element. */
export function markStep(node: { data?: Data }, step: number): void {
  const data = node.data ?? {}
  const properties = data.hProperties ?? {}
  const className = properties.className
  const classes = Array.isArray(className)
    ? className.map(String)
    : className
      ? String(className).split(/\s+/)
      : []
  node.data = {
    ...data,
    hProperties: { ...properties, className: [...classes, 'slidemark-step'], dataStep: step },
  }
}

/** Record that a slide has element steps up to `last` (the build-steps count is one more). */
export function recordSteps(file: { data: { buildSteps?: number } }, last: number): void {
  if (last > 0) file.data.buildSteps = Math.max(file.data.buildSteps ?? 1, last + 1)
}

/** Add `slidemark-step` and `data-step` to the first start tag in raw HTML. */
export function markHtmlStep(html: string, step: number): string {
  return html.replace(
    /^(\s*<[\w-]+)([^>]*?)(\/?>)/,
    (_match, open: string, attributes: string, end: string) => {
      const withClass = /\sclass="/.test(attributes)
        ? attributes.replace(/\sclass="/, ' class="slidemark-step ')
        : `${attributes} class="slidemark-step"`
      return `${open}${withClass} data-step="${step}"${end}`
    },
  )
}
