import type { ThemeRegistration } from 'shiki'

/**
 * Pygments' `default` style ("inspired by Emacs 22") as it was in 2010
 * (Pygments 1.3, what html5-slides-markdown highlighted with), as a Shiki
 * theme: each Pygments token type mapped to the TextMate scopes that
 * Shiki's grammars give the same kind of token. Later Pygments versions
 * darkened a few colours for contrast (comments `#3D7B7B`, preprocessor
 * `#9C6500`…); a 2010 deck looked like this.
 */
const pygmentsColors = {
  comment: '#408080', // Comment: italic
  preproc: '#BC7A00', // Comment.Preproc
  keyword: '#008000', // Keyword: bold; Name.Builtin, Name.Tag, String.Other
  keywordType: '#B00040', // Keyword.Type
  operator: '#666666', // Operator, Number
  operatorWord: '#AA22FF', // Operator.Word: bold; Name.Decorator
  function: '#0000FF', // Name.Function; Name.Class, Name.Namespace: bold
  exception: '#D2413A', // Name.Exception: bold
  variable: '#19177C', // Name.Variable, String.Symbol
  constant: '#880000', // Name.Constant
  label: '#A0A000', // Name.Label
  entity: '#999999', // Name.Entity: bold
  attribute: '#7D9029', // Name.Attribute
  string: '#BA2121', // String; String.Doc: italic
  interpol: '#BB6688', // String.Interpol: bold; String.Regex
  escape: '#BB6622', // String.Escape: bold
  heading: '#000080', // Generic.Heading, Generic.Prompt: bold
  subheading: '#800080', // Generic.Subheading: bold
  deleted: '#A00000', // Generic.Deleted
  inserted: '#00A000', // Generic.Inserted
  error: '#FF0000', // Error, Generic.Error
  output: '#888888', // Generic.Output
} as const

type Rule = [scopes: string[], color: string | undefined, fontStyle?: string]

/** Pygments token type → TextMate scopes, most general first (a later, more specific scope wins). */
const pygmentsRules: Rule[] = [
  [['comment', 'punctuation.definition.comment'], pygmentsColors.comment, 'italic'],
  [
    ['meta.preprocessor', 'keyword.control.directive', 'punctuation.definition.directive'],
    pygmentsColors.preproc,
    '',
  ],
  [
    [
      'keyword',
      'storage.type',
      'storage.modifier',
      'constant.language',
      'variable.language.this',
      'variable.language.super',
      'keyword.operator.new',
      'keyword.operator.expression',
      'keyword.operator.delete',
    ],
    pygmentsColors.keyword,
    'bold',
  ],
  [
    [
      'storage.type.primitive',
      'storage.type.built-in',
      'support.type.primitive',
      'support.type.builtin',
      'keyword.type',
    ],
    pygmentsColors.keywordType,
    '',
  ],
  [['keyword.operator', 'constant.numeric'], pygmentsColors.operator, ''],
  [
    [
      'keyword.operator.logical.python',
      'keyword.operator.word',
      'keyword.operator.in',
      'keyword.operator.is',
    ],
    pygmentsColors.operatorWord,
    'bold',
  ],
  [
    [
      'support.function.builtin',
      'support.function',
      'support.type.python',
      'variable.language.special.self',
      'variable.parameter.function.language.special.self',
      'variable.parameter.function.language.special.cls',
    ],
    pygmentsColors.keyword,
    '',
  ],
  [['entity.name.function', 'support.function.magic'], pygmentsColors.function, ''],
  [
    [
      'entity.name.type',
      'entity.name.class',
      'entity.name.namespace',
      'entity.other.inherited-class',
    ],
    pygmentsColors.function,
    'bold',
  ],
  [
    ['support.type.exception', 'entity.name.exception', 'support.class.exception'],
    pygmentsColors.exception,
    'bold',
  ],
  [
    [
      'variable.other.normal',
      'variable.other.bracket',
      'variable.other.special',
      'variable.other.positional',
      'punctuation.definition.variable',
      'constant.other.symbol',
    ],
    pygmentsColors.variable,
    '',
  ],
  [['constant.other', 'variable.other.constant'], pygmentsColors.constant, ''],
  [['entity.name.label'], pygmentsColors.label, ''],
  [['constant.character.entity'], pygmentsColors.entity, 'bold'],
  [['entity.other.attribute-name'], pygmentsColors.attribute, ''],
  [['entity.name.tag', 'punctuation.definition.tag'], pygmentsColors.keyword, 'bold'],
  [
    [
      'entity.name.function.decorator',
      'meta.function.decorator',
      'punctuation.definition.decorator',
      'storage.type.annotation',
    ],
    pygmentsColors.operatorWord,
    '',
  ],
  [['string', 'punctuation.definition.string', 'storage.type.string'], pygmentsColors.string, ''],
  [
    ['string.quoted.docstring', 'comment.block.documentation.python'],
    pygmentsColors.string,
    'italic',
  ],
  [
    [
      'meta.interpolation',
      'meta.template.expression',
      'constant.character.format.placeholder',
      'punctuation.definition.template-expression',
      'storage.type.format',
    ],
    pygmentsColors.interpol,
    'bold',
  ],
  [['string.regexp'], pygmentsColors.interpol, ''],
  [['constant.character.escape'], pygmentsColors.escape, 'bold'],
  [['markup.heading', 'meta.diff.header'], pygmentsColors.heading, 'bold'],
  [['meta.diff.range', 'markup.changed'], pygmentsColors.subheading, 'bold'],
  [['markup.deleted'], pygmentsColors.deleted, ''],
  [['markup.inserted'], pygmentsColors.inserted, ''],
  [['markup.italic'], undefined, 'italic'],
  [['markup.bold'], undefined, 'bold'],
  [['invalid', 'markup.error'], pygmentsColors.error, ''],
  [['meta.output', 'markup.output'], pygmentsColors.output, ''],
]

export const pygmentsTheme: ThemeRegistration = {
  name: 'pygments',
  displayName: 'Pygments default (2010)',
  type: 'light',
  colors: { 'editor.background': '#f8f8f8', 'editor.foreground': '#000000' },
  fg: '#000000',
  bg: '#f8f8f8',
  tokenColors: pygmentsRules.map(([scope, foreground, fontStyle]) => ({
    scope,
    settings: {
      ...(foreground === undefined ? {} : { foreground }),
      ...(fontStyle === undefined ? {} : { fontStyle }),
    },
  })),
}

/**
 * Code themes Slidemark carries itself, by name. A name here may be used
 * wherever a Shiki theme name is (`themes.light`, front matter `codeTheme:`).
 */
export const codeThemes: Readonly<Record<string, ThemeRegistration>> = {
  pygments: pygmentsTheme,
}

/** Whether `name` is one of {@link codeThemes}. */
export function isOwnCodeTheme(name: string): boolean {
  return Object.hasOwn(codeThemes, name)
}
