import type { Data, Paragraph, Parent, Root, RootContent } from 'mdast'

export interface RemarkBuildStepsOptions {
  /** The paragraph text that separates steps. Default: `'$$$$'`. */
  marker?: string
  /** Class of each step wrapper. Default: `'slidemark-step'`. */
  className?: string
}

/** A build step after the first: becomes `<div class="slidemark-step" data-step="N">`. */
export interface BuildStep extends Parent {
  type: 'buildStep'
  step: number
  children: RootContent[]
  data?: Data
}

declare module 'mdast' {
  interface RootContentMap {
    buildStep: BuildStep
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Number of build steps `remarkBuildSteps` found (1 when none). */
    buildSteps: number
  }
}

const emptyOptions: RemarkBuildStepsOptions = {}

/**
 * Split a document into build steps on top-level paragraphs that are
 * exactly `$$$$`. What comes before the first marker stays as it is; each
 * later part is wrapped in `<div class="slidemark-step" data-step="N">`
 * (N = 1, 2, …) so a theme can reveal it on a key press. The markers are
 * removed; a part with nothing in it (two markers in a row, a trailing
 * marker) is dropped. The count of parts is stored in `file.data.buildSteps`.
 */
export function remarkBuildSteps(options?: RemarkBuildStepsOptions) {
  const { marker = '$$$$', className = 'slidemark-step' } = options ?? emptyOptions
  return (tree: Root, file: { data: { buildSteps?: number } }) => {
    const parts: RootContent[][] = [[]]
    for (const child of tree.children) {
      if (isMarker(child, marker)) parts.push([])
      else parts[parts.length - 1]?.push(child)
    }
    const [first = [], ...rest] = parts
    const later = rest.filter((part) => part.length > 0)
    tree.children = [
      ...first,
      ...later.map((children, index): BuildStep => {
        const step = index + 1
        const firstPosition = children[0]?.position
        const lastPosition = children[children.length - 1]?.position
        return {
          type: 'buildStep',
          step,
          children,
          data: { hName: 'div', hProperties: { className: [className], dataStep: step } },
          ...(firstPosition && lastPosition
            ? { position: { start: firstPosition.start, end: lastPosition.end } }
            : {}),
        }
      }),
    ]
    // A format's plugin may have marked element steps already: keep the larger count.
    file.data.buildSteps = Math.max(file.data.buildSteps ?? 1, later.length + 1)
  }
}

function isMarker(node: RootContent, marker: string): node is Paragraph {
  if (node.type !== 'paragraph' || node.children.length !== 1) return false
  const only = node.children[0]
  return only?.type === 'text' && only.value.trim() === marker
}
