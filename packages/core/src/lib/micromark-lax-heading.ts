import { factorySpace } from 'micromark-factory-space'
import {
  markdownLineEnding,
  markdownLineEndingOrSpace,
  markdownSpace,
} from 'micromark-util-character'
import type {
  Code,
  Construct,
  Event,
  Extension,
  Resolver,
  State,
  Token,
  TokenizeContext,
  Tokenizer,
} from 'micromark-util-types'

const numberSign = 35
const maxLevel = 6

/**
 * A micromark syntax extension that replaces CommonMark's ATX heading
 * construct with Python-Markdown's reading of it:
 *
 * - `#Title` (no space after the hashes) is a heading;
 * - seven or more hashes make an `h6` whose text starts with the extra hashes;
 * - closing hashes are stripped even without a space before them (`#C#` is
 *   “C”), unless escaped (`#C\#`).
 *
 * Like any ATX heading it can start wherever a block may, so a `#` line in
 * the middle of a paragraph interrupts it. Tokens are the same as CommonMark's
 * (`atxHeading`, `atxHeadingSequence`, `atxHeadingText`), so
 * mdast-util-from-markdown needs nothing new; positions are exact.
 */
export function laxHeadingSyntax(): Extension {
  return {
    disable: { null: ['headingAtx'] },
    flow: { [numberSign]: laxHeadingAtx },
  }
}

const resolveLaxHeading: Resolver = (events, context) => {
  // Tokens directly inside the heading, as [enterIndex, token] pairs.
  const inner: Array<[number, Token]> = []
  for (let index = 1; index < events.length - 1; index++) {
    const event = events[index] as Event
    if (event[0] === 'enter') inner.push([index, event[1]])
  }
  // inner[0] is the opening sequence.
  let first = 1
  let last = inner.length - 1
  if (inner[first]?.[1].type === 'whitespace') first++
  if (last >= first && inner[last]?.[1].type === 'whitespace') last--
  const closing = inner[last]
  if (last >= first && closing?.[1].type === 'atxHeadingSequence') {
    const before = inner[last - 1]
    const escaped =
      last - 1 >= first &&
      before !== undefined &&
      before[1].type !== 'whitespace' &&
      context.sliceSerialize(before[1]).endsWith('\\')
    if (!escaped) {
      last--
      if (last >= first && inner[last]?.[1].type === 'whitespace') last--
    }
  }
  const startEntry = inner[first]
  const endEntry = inner[last]
  if (last < first || !startEntry || !endEntry) {
    // Empty heading: drop everything but the opening sequence.
    if (inner.length > 1) events.splice(3, events.length - 4)
    return events
  }
  const content: Token = {
    type: 'atxHeadingText',
    start: startEntry[1].start,
    end: endEntry[1].end,
  }
  const text: Token = {
    type: 'chunkText',
    start: startEntry[1].start,
    end: endEntry[1].end,
    contentType: 'text',
  }
  const from = startEntry[0]
  const to = endEntry[0] + 1 // index of the exit of the last content token
  events.splice(
    from,
    to - from + 1,
    ['enter', content, context],
    ['enter', text, context],
    ['exit', text, context],
    ['exit', content, context],
  )
  return events
}

const tokenizeLaxHeading: Tokenizer = function (this: TokenizeContext, effects, ok) {
  let size = 0
  return start

  function start(code: Code): State | undefined {
    effects.enter('atxHeading')
    effects.enter('atxHeadingSequence')
    return sequenceOpen(code)
  }

  function sequenceOpen(code: Code): State | undefined {
    if (code === numberSign && size < maxLevel) {
      size++
      effects.consume(code)
      return sequenceOpen
    }
    effects.exit('atxHeadingSequence')
    return atBreak(code)
  }

  function atBreak(code: Code): State | undefined {
    if (code === numberSign) {
      effects.enter('atxHeadingSequence')
      return sequenceFurther(code)
    }
    if (code === null || markdownLineEnding(code)) {
      effects.exit('atxHeading')
      return ok(code)
    }
    if (markdownSpace(code)) {
      return factorySpace(effects, atBreak, 'whitespace')(code)
    }
    effects.enter('atxHeadingText')
    return data(code)
  }

  function sequenceFurther(code: Code): State | undefined {
    if (code === numberSign) {
      effects.consume(code)
      return sequenceFurther
    }
    effects.exit('atxHeadingSequence')
    return atBreak(code)
  }

  function data(code: Code): State | undefined {
    if (code === null || code === numberSign || markdownLineEndingOrSpace(code)) {
      effects.exit('atxHeadingText')
      return atBreak(code)
    }
    effects.consume(code)
    return data
  }
}

const laxHeadingAtx: Construct = {
  name: 'laxHeadingAtx',
  tokenize: tokenizeLaxHeading,
  resolve: resolveLaxHeading,
}
