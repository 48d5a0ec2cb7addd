import type { Data } from 'mdast'

/** When a part shows: from step `show`, and until step `hide` when given (hidden from it on). */
export interface StepSpan {
  show: number
  hide?: number | undefined
}

/**
 * Make a node a build step of its own: `class="slidemark-step" data-step="N"`
 * on its element, and `data-step-hide="M"` when it hides at step M.
 */
export function markStep(node: { data?: Data }, step: number | StepSpan): void {
  const span = typeof step === 'number' ? { show: step } : step
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
    hProperties: {
      ...properties,
      className: [...classes, 'slidemark-step'],
      dataStep: span.show,
      ...(span.hide !== undefined ? { dataStepHide: span.hide } : {}),
    },
  }
}

/** Record that a slide has element steps up to `last` (the build-steps count is one more). */
export function recordSteps(file: { data: { buildSteps?: number } }, last: number): void {
  if (last > 0) file.data.buildSteps = Math.max(file.data.buildSteps ?? 1, last + 1)
}

/** Add `slidemark-step` and `data-step` (and `data-step-hide`) to the first start tag in raw HTML. */
export function markHtmlStep(html: string, step: number | StepSpan): string {
  const span = typeof step === 'number' ? { show: step } : step
  const hide = span.hide !== undefined ? ` data-step-hide="${span.hide}"` : ''
  return html.replace(
    /^(\s*<[\w-]+)([^>]*?)(\/?>)/,
    (_match, open: string, attributes: string, end: string) => {
      const withClass = /\sclass="/.test(attributes)
        ? attributes.replace(/\sclass="/, ' class="slidemark-step ')
        : `${attributes} class="slidemark-step"`
      return `${open}${withClass} data-step="${span.show}"${hide}${end}`
    },
  )
}
