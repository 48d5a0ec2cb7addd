import type { Root } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'

export interface RemarkSlideClassesOptions {
  /** The paragraph prefix. Default: `'.fx:'` (landslide's). */
  prefix?: string
}

declare module 'vfile' {
  interface DataMap {
    /** Classes `remarkSlideClasses` read from `.fx:` paragraphs, in order. */
    slideClasses: string[]
  }
}

const emptyOptions: RemarkSlideClassesOptions = {}

/**
 * landslide's `.fx: name another`: a top-level paragraph starting with the
 * prefix is removed, and its space-separated words are added to
 * `file.data.slideClasses` (a theme puts them on the slide element).
 */
export function remarkSlideClasses(options?: RemarkSlideClassesOptions) {
  const { prefix = '.fx:' } = options ?? emptyOptions
  return (tree: Root, file: { data: { slideClasses?: string[] } }) => {
    const classes: string[] = []
    tree.children = tree.children.filter((node) => {
      if (node.type !== 'paragraph') return true
      const text = mdastToString(node)
      if (!text.startsWith(prefix)) return true
      for (const name of text.slice(prefix.length).split(/\s+/)) {
        if (name && !classes.includes(name)) classes.push(name)
      }
      return false
    })
    const before = file.data.slideClasses ?? [] // a format's plugin may have added some
    file.data.slideClasses = [...before, ...classes.filter((name) => !before.includes(name))]
  }
}
