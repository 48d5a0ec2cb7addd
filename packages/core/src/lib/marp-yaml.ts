/** Marpit's directive names and how it reads their values (shared by the front matter and format-marp). */

/** Marpit's global directives (front matter or any slide; they apply to the deck). */
export const globalDirectives = new Set([
  'theme',
  'style',
  'headingDivider',
  'size',
  'math',
  'title',
  'description',
  'author',
  'image',
  'keywords',
  'url',
  'marp',
  'lang',
])
/** Marpit's local directives: they apply to this slide and the ones after; `_name` to this slide only. */
export const localDirectives = new Set([
  'paginate',
  'header',
  'footer',
  'class',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'color',
  'transition',
])
/** Every Marpit directive name, `_`-prefixed ones too, as a regular expression alternative. */
const directiveNames = [...globalDirectives, ...localDirectives].join('|')
/** A `key: value` line of a directive whose value YAML would misread, as Marpit's loose YAML reads it. */
const looseLine = new RegExp(
  `^([ \\t]*["']?_?(?:${directiveNames})["']?[ \\t]*:)([ \\t]+)(.*\\S)[ \\t]*$`,
)

/**
 * Marpit reads directives as "loose" YAML: a value that YAML would cut or
 * refuse (`backgroundColor: #fff`, read as a comment; `header: Part 1: Intro`,
 * a nested mapping) is the text as written. Such values are quoted here;
 * values YAML reads well (`paginate: true`, lists) are left to it.
 */
export function looseYaml(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line.replace(looseLine, (whole, key: string, space: string, value: string) =>
        /^[#]|:[ \t]|[ \t]#/.test(value) && !`"'{[|>&*!`.includes(value[0] ?? '')
          ? `${key}${space}${JSON.stringify(value)}`
          : whole,
      ),
    )
    .join('\n')
}
