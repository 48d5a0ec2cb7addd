import { describe, expect, test } from 'vitest'
import { compile, convertDeck, detectFormat } from '../src/index.js'

const detect = (source: string) => {
  const lines = source.split('\n')
  return detectFormat({}, lines, 0)
}

describe('format detection', () => {
  test('each tool’s tell-tale lines pick its format; a plain deck stays Slidemark', () => {
    expect(detect('# One\n\n???\n\nnotes')).toBe('remark')
    expect(detect('# One\n\nNote: hello\n\n----\n\n# Two')).toBe('reveal')
    expect(detect('<!-- _class: lead -->\n\n# One')).toBe('marp')
    expect(detect('# One\n\n---\nlayout: center\n---\n\n# Two')).toBe('slidev')
    expect(detect('# One\n\n.qr: 200|https://example.org')).toBe('landslide')
    expect(detect('#One\n\n    !python\n    x = 1\n\n---\n\n#Two\n\n$$$$')).toBe('slidemark')
  })

  test('one ordinary-looking line does not make a Slidemark deck another tool’s', () => {
    expect(detect('# One\n\nNote: the API changed in v2.\n\n---\n\n# Two\n\n--\n')).toBe(
      'slidemark',
    )
    expect(detect('# One\n\nNote: a\n\n---\n\nNotes: b\n\n----\n\n# Three')).toBe('reveal')
  })

  test('separators inside fenced code are not evidence', () => {
    expect(detect('# One\n\n```\n???\n--\nNote: x\n```')).toBe('slidemark')
  })

  test('remark property lines beat Slidev per-slide front matter when they use remark-only keys', () => {
    expect(detect('---\nlayout: true\nclass: inverse\n---\n\n# One')).toBe('remark')
  })

  test('front matter decides: marp: true, format:, an unknown format: is a warning at its line', async () => {
    expect(detectFormat({ marp: true }, ['# One'], 0)).toBe('marp')
    const forced = await compile('---\nformat: reveal\n---\n\n# One\n\nNote: hi\n', {
      cache: false,
    })
    expect(forced.format).toBe('reveal')
    expect(forced.slides[0]?.notes).toBe('<p>hi</p>')
    const unknown = await compile('---\ntitle: T\nformat: keynote\n---\n\n# One\n', {
      cache: false,
    })
    expect(unknown.messages).toMatchObject([
      { line: 3, column: 1, ruleId: 'unknown-format', severity: 'warning' },
    ])
    expect(unknown.format).toBeUndefined()
  })

  test('the format option overrides detection', async () => {
    const deck = await compile('# One\n\n???\n\nnot notes here', {
      cache: false,
      format: 'slidemark',
    })
    expect(deck.format).toBeUndefined()
    expect(deck.slides[0]?.notes).toBe('')
  })
})

describe('remark decks', () => {
  test('a `---` under a property line is a slide break, not a setext heading', async () => {
    const deck = await compile('class: center\n\n# Title\n---\nclass: end\n\n# Last\n', {
      cache: false,
      format: 'remark',
    })
    expect(deck.slides.map((slide) => [slide.title, slide.classes])).toEqual([
      ['Title', ['center']],
      ['Last', ['end']],
    ])
  })

  test('a message inside a template is placed at the template’s line', async () => {
    const source = 'layout: true\n\n```pyhton\nx\n```\n\n{{content}}\n\n---\n\n# Shown\n'
    const deck = await compile(source, { cache: false, format: 'remark', filename: 'talk.md' })
    expect(deck.slides).toHaveLength(1)
    expect(deck.messages).toMatchObject([{ line: 3, ruleId: 'unknown-language' }])
    expect(deck.slides[0]?.source).toEqual({ start: 11, end: 11 })
  })

  test('`template:` naming no slide is a warning at the slide', async () => {
    const deck = await compile('# One\n\n---\ntemplate: ghost\n\n# Two\n', {
      cache: false,
      format: 'remark',
    })
    expect(deck.messages).toMatchObject([{ line: 4, ruleId: 'unknown-template' }])
    expect(deck.slides).toHaveLength(2)
  })

  test('`count: false` leaves a slide out of the numbers; an increment is numbered as the slide it continues', async () => {
    const deck = await compile(
      '# Intro\n\n---\ncount: false\n\n# Aside\n\n---\n\n# Build\n\n--\ncount: false\n\nMore\n\n---\ncount: False\n\n# Backup\n',
      { cache: false, format: 'remark' },
    )
    expect(deck.slides.map((slide) => [slide.title, slide.uncounted ?? false])).toEqual([
      ['Intro', false],
      ['Aside', true],
      ['Build', false],
      ['Backup', true],
    ])
  })

  test('nested and escaped content classes; code keeps its brackets', async () => {
    const deck = await compile('.footnote[See .red[*] below] and \\.plain[x] and `.code[y]`', {
      cache: false,
      format: 'remark',
    })
    expect(deck.slides[0]?.content).toBe(
      '<p><span class="footnote">See <span class="red">*</span> below</span> and .plain[x] and <code>.code[y]</code></p>',
    )
  })
})

describe('remark slides', () => {
  const remark = (source: string) => compile(source, { cache: false, format: 'remark' })

  test('a layout’s footer goes after the slide’s own heading, which stays its header and title', async () => {
    const deck = await remark(
      'layout: true\n\n.footer[PyCon · @jo]\n\n---\n\n## Example tests\n\nThey check what you thought of.\n',
    )
    expect(deck.slides[0]).toMatchObject({
      title: 'Example tests',
      header: '<h2>Example tests</h2>',
      kind: 'content',
    })
    expect(deck.slides[0]?.content).toBe(
      '<p><span class="footer">PyCon · @jo</span></p>\n<p>They check what you thought of.</p>',
    )
  })

  test('`![:scale 50%]` sizes the image; another macro is a warning at the image', async () => {
    const deck = await remark(
      '# Pictures\n\n![:scale 50%](img/a.png)\n\n![:youtube abc](img/b.png)\n',
    )
    expect(deck.slides[0]?.content).toContain('<img src="img/a.png" alt="" style="width: 50%">')
    expect(deck.messages).toMatchObject([{ line: 5, column: 1, ruleId: 'unsupported-syntax' }])
  })

  test('the `background-image` property is the slide background', async () => {
    const deck = await remark('background-image: url(img/bugs.jpg)\n\n# Shrinking\n')
    expect(deck.slides[0]).toMatchObject({ header: '<h1>Shrinking</h1>', kind: 'segue' })
    expect(deck.slides[0]?.content).toBe(
      '<div class="slidemark-background"><img src="img/bugs.jpg" alt=""></div>',
    )
    expect(deck.slides[0]?.assets).toMatchObject([{ url: 'img/bugs.jpg', line: 1 }])
  })
})

describe('reveal.js decks', () => {
  test('separators inside fenced code do not split (a deliberate difference: reveal.js splits there)', async () => {
    const deck = await compile('# One\n\n```\n---\n----\n```\n\n---\n\n# Two\n', {
      cache: false,
      format: 'reveal',
    })
    expect(deck.slides.map((slide) => slide.title)).toEqual(['One', 'Two'])
  })
})

describe('reveal-md separators', () => {
  const reveal = (source: string) => compile(source, { cache: false, format: 'reveal' })

  test('a `---` right under text is a setext heading, as reveal-md needs blank lines around a separator', async () => {
    const deck = await reveal('# One\n\nSetext title\n---\n\nBody\n\n---\n\n# Two\n')
    expect(deck.slides.map((slide) => slide.title)).toEqual(['One', 'Two'])
    expect(deck.slides[0]?.content).toContain('<h2>Setext title</h2>')
  })

  test('front matter `separator` and `verticalSeparator` are the regular expressions reveal-md splits on', async () => {
    const deck = await reveal(
      '---\nseparator: <!--s-->\nverticalSeparator: <!--v-->\n---\n\n# One\n\n---\n\n<!--s-->\n\n# Two\n\n<!--v-->\n\n# Three\n',
    )
    expect(deck.slides.map((slide) => slide.title)).toEqual(['One', 'Two', 'Three'])
    expect(deck.slides[0]?.content).toBe('<hr>')
  })

  test('a separator that is not a regular expression is a warning at its line; the default is used', async () => {
    const deck = await reveal('---\nseparator: "([a-"\n---\n\n# One\n\n---\n\n# Two\n')
    expect(deck.messages).toMatchObject([{ line: 2, ruleId: 'invalid-front-matter' }])
    expect(deck.slides).toHaveLength(2)
  })
})

describe('reveal.js slides', () => {
  const reveal = (source: string) => compile(source, { cache: false, format: 'reveal' })

  test('`<aside class="notes">` is presenter notes, never slide content', async () => {
    const deck = await reveal(
      '# One\n\nShown\n\n<aside class="notes">\n  Say it slowly.\n</aside>\n',
    )
    expect(deck.slides[0]?.content).toBe('<p>Shown</p>')
    expect(deck.slides[0]?.notes).toContain('Say it slowly.')
  })

  test('raw HTML with the class `fragment` is a build step, ordered by data-fragment-index', async () => {
    const deck = await reveal(
      '# Order\n\n<p class="fragment" data-fragment-index="2">late</p>\n\n<p class="fragment" data-fragment-index="1">early</p>\n\n- last <!-- .element: class="fragment" -->\n',
    )
    expect(deck.slides[0]?.steps).toBe(4)
    const content = deck.slides[0]?.content ?? ''
    expect(content).toContain(
      '<p class="slidemark-step fragment" data-fragment-index="2" data-step="2">late</p>',
    )
    expect(content).toContain('data-step="1">early</p>')
    expect(content).toMatch(/<li class="fragment slidemark-step" data-step="3">last/)
  })

  test('`data-background` colours and images become the slide background; its heading stays the header', async () => {
    const deck = await reveal(
      '<!-- .slide: data-background="#1d2021" id="intro" -->\n\n# Dark\n\n---\n\n<!-- .slide: data-background-image="img/beans.jpg" data-background-size="contain" -->\n\n## Beans\n',
    )
    expect(deck.slides.map((slide) => [slide.header, slide.id])).toEqual([
      ['<h1>Dark</h1>', 'intro'],
      ['<h2>Beans</h2>', undefined],
    ])
    expect(deck.slides[0]?.content).toBe(
      '<div class="slidemark-background" style="background: #1d2021"></div>',
    )
    expect(deck.slides[1]?.content).toContain(
      '<img src="img/beans.jpg" alt="" style="object-fit: contain">',
    )
    expect(deck.slides[1]?.assets).toMatchObject([{ url: 'img/beans.jpg', line: 7 }])
  })

  test('a video background is a warning at its comment', async () => {
    const deck = await reveal('# One\n\n<!-- .slide: data-background-video="loop.mp4" -->\n')
    expect(deck.messages).toMatchObject([{ line: 3, column: 1, ruleId: 'unsupported-syntax' }])
  })
})

describe('Marp decks', () => {
  test('a comment that is not only directives stays a note', async () => {
    const deck = await compile('<!-- class: x\nsay hello -->\n\n# One\n', {
      cache: false,
      format: 'marp',
    })
    expect(deck.slides[0]?.classes).toEqual([])
    expect(deck.slides[0]?.notes).toBe('<p>class: x\nsay hello</p>')
  })

  test('local directives carry on; spot directives stay on their slide', async () => {
    const deck = await compile(
      '<!-- footer: Team sync -->\n<!-- _header: Only here -->\n\n# A\n\n---\n\n# B\n',
      { cache: false, format: 'marp' },
    )
    expect(deck.slides.map((slide) => slide.running)).toEqual([
      { header: 'Only here', footer: 'Team sync' },
      { footer: 'Team sync' },
    ])
  })
  test('front matter YAML refuses (`footer: Talk: part 2`) opens in a Marp deck, read as Marpit reads it', async () => {
    const deck = await compile(
      '---\nmarp: true\nfooter: Talk: part 2\nbackgroundColor: #fafafa\n---\n\n# A\n',
      { cache: false },
    )
    expect(deck.messages.filter((message) => message.severity === 'error')).toEqual([])
    expect(deck.slides[0]?.running).toEqual({ footer: 'Talk: part 2' })
  })

  test('the same front matter without `marp: true` is still an error at its line', async () => {
    const deck = await compile('---\ntitle: Talk\nfooter: Talk: part 2\n---\n\n# A\n', {
      cache: false,
    })
    expect(deck.messages).toMatchObject([{ line: 3, ruleId: 'invalid-front-matter' }])
  })
})

describe('Marp slides', () => {
  const marp = (source: string) => compile(source, { cache: false, format: 'marp' })

  test('`headingDivider` splits before headings of those levels, not before one that only comments precede', async () => {
    const deck = await marp(
      '---\nmarp: true\nheadingDivider: 2\n---\n\n<!-- _class: lead -->\n\n# Title\n\nIntro\n\n## One\n\n### Kept with one\n\n## Two\n\n```md\n## not a heading\n```\n',
    )
    expect(deck.slides.map((slide) => [slide.title, slide.classes])).toEqual([
      ['Title', ['lead']],
      ['One', []],
      ['Two', []],
    ])
    expect(deck.slides[1]?.content).toContain('<h3>Kept with one</h3>')
  })

  test('a `headingDivider` list in a directive comment splits before those levels only', async () => {
    const deck = await marp('<!-- headingDivider: [3] -->\n\n# A\n\n## B\n\n### C\n\ntext\n')
    expect(deck.slides.map((slide) => slide.title)).toEqual(['A', 'C'])
  })

  test('`![bg]` images become the background (split with left/right), never content with their keywords as alt text', async () => {
    const deck = await marp(
      '## Traces\n\n![bg right:40% grayscale](img/waterfall.png)\n\n- one\n\n---\n\n![bg](a.jpg)\n![bg contain](b.jpg)\n',
    )
    const [split, full] = deck.slides
    expect(split?.header).toBe('<h2>Traces</h2>')
    expect(split?.content).toContain(
      '<div class="slidemark-background" data-split="right" style="--slidemark-split: 40%"><img src="img/waterfall.png" alt="" style="filter: grayscale(1)"></div>',
    )
    expect(split?.content).not.toContain('bg right')
    expect(full?.content).toBe(
      '<div class="slidemark-background"><img src="a.jpg" alt=""><img src="b.jpg" alt="" style="object-fit: contain"></div>',
    )
    expect(full?.assets.map((asset) => asset.url)).toEqual(['a.jpg', 'b.jpg'])
  })

  test('image sizes and filters become styles; other alt words stay the alt text', async () => {
    const deck = await marp('![w:300 Team photo](team.jpg) ![height:4em sepia](logo.svg)\n')
    expect(deck.slides[0]?.content).toBe(
      '<p><img src="team.jpg" alt="Team photo" style="width: 300px; height: auto"> <img src="logo.svg" alt="" style="height: 4em; filter: sepia(1); width: auto"></p>',
    )
  })

  test('image keywords apply in headings, links and table cells too', async () => {
    const deck = await marp(
      '## ![w:64 grayscale](logo.png) Team\n\n[![h:32](badge.svg)](https://example.com)\n\n| a |\n|---|\n| ![w:10](x.png) |\n',
    )
    const slide = deck.slides[0]
    expect(slide?.header).toBe(
      '<h2><img src="logo.png" alt="" style="width: 64px; filter: grayscale(1); height: auto"> Team</h2>',
    )
    expect(slide?.content).toContain(
      '<a href="https://example.com"><img src="badge.svg" alt="" style="height: 32px; width: auto"></a>',
    )
    expect(slide?.content).toContain(
      '<td><img src="x.png" alt="" style="width: 10px; height: auto"></td>',
    )
  })

  test('backgroundColor, backgroundImage and color directives are applied, spot ones to their slide only', async () => {
    const deck = await marp(
      '<!-- _backgroundColor: black -->\n<!-- _color: white -->\n\n# Dark\n\n---\n\n<!-- backgroundImage: url(img/paper.png) -->\n\n# Paper\n\n---\n\n# Still paper\n',
    )
    const [dark, paper, still] = deck.slides
    expect(dark?.header).toBe('<h1>Dark</h1>')
    expect(dark?.content).toContain(
      '<div class="slidemark-background" style="background: black"></div>',
    )
    expect(dark?.content).toMatch(
      /:has\(style\[data-slidemark-scope="\w+"\]\) :is\(h1, [^)]*\) \{ color: white !important \}/,
    )
    expect(paper?.content).toContain('<img src="img/paper.png" alt="">')
    expect(still?.content).toContain('<img src="img/paper.png" alt="">')
    expect(still?.kind).toBe('segue')
  })

  test('directive values YAML would misread are read as written, as Marpit does: `#fff` colours, `a: b` text', async () => {
    const deck = await marp(
      '---\nmarp: true\nbackgroundColor: #fafafa\ncolor: #333\n---\n\n# One\n\n---\n\n<!-- _backgroundColor: #123 -->\n<!-- _header: Part 1: Intro -->\n\n# Two\n',
    )
    const [one, two] = deck.slides
    expect(deck.meta.backgroundColor).toBe('#fafafa')
    expect(one?.content).toContain('<div class="slidemark-background" style="background: #fafafa">')
    expect(one?.content).toContain('{ color: #333 !important }')
    expect(two?.content).toContain('<div class="slidemark-background" style="background: #123">')
    expect(two?.running?.header).toBe('Part 1: Intro')
    expect(two?.notes).toBe('')
  })

  test('a `class` list is the slide classes (Marpit joins it)', async () => {
    const deck = await marp('---\nmarp: true\nclass:\n  - lead\n  - invert\n---\n\n# One\n')
    expect(deck.slides[0]?.classes).toEqual(['lead', 'invert'])
  })

  test('`<style scoped>` applies to its slide only; the `style` directive to every slide', async () => {
    const deck = await marp(
      '---\nmarp: true\nstyle: |\n  section { font-size: 30px }\n---\n\n# One\n\n<style scoped>\nsection h1 { color: red }\n</style>\n',
    )
    const content = deck.slides[0]?.content ?? ''
    expect(deck.slides[0]?.header).toBe('<h1>One</h1>')
    expect(content).toContain(
      '<style>.slidemark [aria-roledescription="slide"] { font-size: 30px }',
    )
    expect(content).toMatch(
      /<style data-slidemark-scope="(\w+)">@scope \(\[aria-roledescription="slide"\]:has\(style\[data-slidemark-scope="\1"\]\)\) \{\n:scope h1 \{ color: red \}\n\}<\/style>/,
    )
  })
})

describe('remark code highlights and Marp directives in a remark deck', () => {
  const remark = (source: string) => compile(source, { cache: false, format: 'remark' })

  test('a place after a rewritten `.red[…]` stays inside its deck line', async () => {
    const line = 'Finally, .red[plot]<img src="a.png">'
    const deck = await remark(`# T\n\n${line}\n`)
    const [asset] = deck.slides[0]?.assets ?? []
    expect(asset?.line).toBe(3)
    expect(asset?.column).toBeLessThanOrEqual(line.length + 1)
  })

  test('a code line starting with `*` is highlighted and shown without the `*`', async () => {
    const deck = await remark(
      '# C\n\n```js\nlet a\n* let b\n*let c\n```\n\n```md\n* a bullet\n```\n',
    )
    const content = deck.slides[0]?.content ?? ''
    const lines = [
      ...content.matchAll(
        /<span data-line=""( data-highlighted-line="")?>(.*?)<\/span>(?:\n|<\/code>)/g,
      ),
    ]
    expect(lines.map((line) => [line[1] !== undefined, line[2]?.replace(/<[^>]+>/g, '')])).toEqual([
      [false, 'let a'],
      [true, '  let b'],
      [true, 'let c'],
      [false, '* a bullet'],
    ])
  })

  test('a Marp directive comment is a warning at its place; `_class` is a slide class', async () => {
    const deck = await remark(
      '# One\n\n---\n\n  <!-- paginate: true -->\n<!-- _class: invert -->\n\n# Two\n',
    )
    expect(deck.slides[1]?.classes).toEqual(['invert'])
    expect(deck.slides[1]?.content).toBe('')
    expect(deck.messages).toMatchObject([
      {
        line: 5,
        column: 3,
        ruleId: 'unsupported-syntax',
        reason: expect.stringContaining('`paginate`'),
      },
    ])
  })
})

describe('Marp backgrounds', () => {
  const marp = (body: string) => compile(`---\nmarp: true\n---\n\n${body}`, { cache: false })

  test('`bg vertical` stacks the images; `bg 40%` draws the image at 40 % of its box', async () => {
    const deck = await marp(
      '![bg vertical](a.png)\n![bg](b.png)\n\n# Stack\n\n---\n\n![bg 40%](logo.png)\n\n# Logo\n',
    )
    expect(deck.slides[0]?.content).toBe(
      '<div class="slidemark-background" data-direction="vertical"><img src="a.png" alt=""><img src="b.png" alt=""></div>',
    )
    expect(deck.slides[1]?.content).toBe(
      '<div class="slidemark-background"><img src="logo.png" alt="" style="object-fit: contain; transform: scale(0.4)"></div>',
    )
  })

  test('`bg left:33%` leaves the content the other 67 %, not half the slide', async () => {
    const deck = await marp(
      '![bg left:33%](p.jpg)\n\n# Left\n\ntext\n\n---\n\n![bg right](q.jpg)\n\n# Right\n',
    )
    expect(deck.slides[0]?.content).toContain(
      '<style>[aria-roledescription="slide"]:has(.slidemark-background[data-split="left"][style*="--slidemark-split: 33%"]) { padding-left: calc(33% + 30px) }</style>',
    )
    // An even split is the base stylesheet's own rule.
    expect(deck.slides[1]?.content).not.toContain('<style>')
  })
})

describe('what Marp and Slidev decks ask for that Slidemark does not draw is a warning at its line', () => {
  test('Marp `size` and `transition` (front matter and comments, `_` too)', async () => {
    const deck = await compile(
      '---\nmarp: true\nsize: 4:3\n---\n\n# A\n\n---\n\n<!-- transition: fade -->\n\n# B\n\n---\n\n<!-- _transition: cube -->\n# C\n',
      { cache: false },
    )
    expect(deck.messages.map((m) => [m.line, m.column, m.ruleId, m.reason])).toEqual([
      [3, 1, 'unsupported-syntax', 'Marp `size: 4:3` is not applied: slides keep the theme’s size'],
      [10, 1, 'unsupported-syntax', expect.stringContaining('`transition: fade`')],
      [16, 1, 'unsupported-syntax', expect.stringContaining('`_transition: cube`')],
    ])
    expect(deck.slides.map((slide) => slide.notes)).toEqual(['', '', ''])
  })

  test('a Slidev or reveal.js theme is a foreign-theme warning at its line and the deck uses horizon', async () => {
    const slidev = await compile(
      '---\ntitle: T\ntheme: seriph\n---\n\n# A\n\n<<< @/snippets/a.ts\n',
      {
        cache: false,
        format: 'slidev',
      },
    )
    expect(slidev.meta.theme).toBe('horizon')
    expect(slidev.messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([
      [3, 1, 'foreign-theme'],
      [8, 1, 'unsupported-syntax'],
    ])
    const reveal = await compile('---\ntheme: solarized\n---\n\n# A\n', {
      cache: false,
      format: 'reveal',
    })
    expect(reveal.meta.theme).toBe('horizon')
    expect(reveal.messages).toMatchObject([{ line: 2, column: 1, ruleId: 'foreign-theme' }])
    const own = await compile('---\ntheme: html5-slides\n---\n\n# A\n', {
      cache: false,
      format: 'slidev',
    })
    expect(own.meta.theme).toBe('html5-slides')
    expect(own.messages).toEqual([])
  })

  test('Slidev `transition:`, `zoom:`, iframe layouts and layouts from a theme', async () => {
    const deck = await compile(
      '---\ntransition: slide-left\n---\n\n# A\n\n---\nlayout: iframe-right\nurl: https://example.org\n---\n\n# B\n\n---\nlayout: neversink-split\nzoom: 0.8\n---\n\n# C\n\n---\nlayout: two-cols-header\n---\n\n# D\n',
      { cache: false, format: 'slidev' },
    )
    expect(
      deck.messages.map((m) => [m.line, m.column, m.reason.split(' ').slice(0, 3).join(' ')]),
    ).toEqual([
      [2, 1, 'Slidev `transition: slide-left`'],
      [8, 1, 'Slidev layout `iframe-right`'],
      [15, 1, 'Slidev layout `neversink-split`'],
      [16, 1, 'Slidev `zoom: 0.8`'],
    ])
    expect(deck.slides[2]?.classes).toEqual(['layout-neversink-split'])
  })
})

describe('reveal.js fragment effects, code steps and slide attributes', () => {
  const reveal = (source: string) => compile(source, { cache: false, format: 'reveal' })

  test('a `fade-out` fragment is shown first and hidden at its step; `current-visible` only at its own; highlights stay visible', async () => {
    const deck = await reveal(
      '## Pillars\n\n- Logs <!-- .element: class="fragment" -->\n- Gone <!-- .element: class="fragment fade-out" -->\n- Now <!-- .element: class="fragment current-visible" -->\n\n<p class="fragment highlight-red">Red</p>\n',
    )
    const content = deck.slides[0]?.content ?? ''
    expect(content).toContain('<li class="fragment slidemark-step" data-step="1">Logs </li>')
    expect(content).toContain(
      '<li class="fragment fade-out slidemark-step" data-step="0" data-step-hide="2">Gone </li>',
    )
    expect(content).toContain(
      '<li class="fragment current-visible slidemark-step" data-step="3" data-step-hide="4">Now </li>',
    )
    // The runtime's base stylesheet keeps a hidden `.fragment.highlight-red` visible, red from its step.
    expect(content).toContain(
      '<p class="slidemark-step fragment highlight-red" data-step="4">Red</p>',
    )
    expect(deck.slides[0]?.steps).toBe(5)
  })

  test('`[1|2-3]` after a code fence steps through its lines; `[2]` is a static highlight', async () => {
    const deck = await reveal(
      '## Code\n\n```js [1|2-3]\nlet a\nlet b\nlet c\n```\n\n```js [2]\nlet d\nlet e\n```\n',
    )
    const content = deck.slides[0]?.content ?? ''
    expect(content).toContain('data-code-steps="0 1" data-code-focus="1|2 3"')
    expect(content).toMatch(/<span data-line="" data-highlighted-line="">.*> e<\/span>/)
    expect(deck.slides[0]?.steps).toBe(2)
  })

  test('code line steps are fragments in document order with the others: after the ones before, before the ones after', async () => {
    const deck = await reveal(
      '## Order\n\n- a <!-- .element: class="fragment" -->\n- b <!-- .element: class="fragment" -->\n\n```js [1|2|3]\nx()\ny()\nz()\n```\n\n<p class="fragment">last</p>\n',
    )
    const content = deck.slides[0]?.content ?? ''
    expect(content).toContain('data-step="2">b </li>')
    expect(content).toContain('data-code-steps="0 3 4" data-code-focus="1|2|3"')
    expect(content).toContain('<p class="slidemark-step fragment" data-step="5">last</p>')
    expect(deck.slides[0]?.steps).toBe(6)
  })

  test("`[5: 1|2-3]` numbers the lines from 5; its steps count the block's own lines", async () => {
    const deck = await reveal('## Code\n\n```js [5: 1|2-3]\nlet a\nlet b\nlet c\n```\n')
    const content = deck.slides[0]?.content ?? ''
    expect(content).toContain('data-code-steps="0 1" data-code-focus="1|2 3"')
    expect(content).toMatch(/<code data-line-numbers="" style="counter-set: line 4;/)
    const numbered = await compile('## Code\n\n```js [5: 1|2-3]\nlet a\n```\n', {
      cache: false,
      format: 'reveal',
      lineNumbers: true,
    })
    expect(numbered.slides[0]?.content).toContain('counter-set: line 4;')
  })

  test('transitions and auto-animate are warnings at their comment; data-visibility="hidden" leaves the slide out; background opacity applies', async () => {
    const deck = await reveal(
      '# One\n\n---\n\n<!-- .slide: data-transition="zoom" data-auto-animate -->\n\n## Two\n\n---\n\n<!-- .slide: data-visibility="hidden" -->\n\n## Backup\n\n---\n\n<!-- .slide: data-background-image="b.png" data-background-opacity="0.3" -->\n\n## Three\n',
    )
    expect(deck.slides.map((slide) => slide.title)).toEqual(['One', 'Two', 'Three'])
    expect(deck.messages).toMatchObject([
      {
        line: 5,
        column: 1,
        ruleId: 'unsupported-syntax',
        reason: expect.stringContaining('data-transition'),
      },
      {
        line: 5,
        column: 1,
        ruleId: 'unsupported-syntax',
        reason: expect.stringContaining('data-auto-animate'),
      },
    ])
    expect(deck.slides[2]?.content).toContain('<img src="b.png" alt="" style="opacity: 0.3">')
  })
})

describe('Slidev slides', () => {
  const slidev = (source: string) => compile(source, { cache: false, format: 'slidev' })

  test('`::right::` slots become side-by-side slot elements; the heading stays the header and the last comment the notes', async () => {
    const deck = await slidev(
      '---\nlayout: two-cols\n---\n\n# Why\n\n- left item\n\n::right::\n\n```ts\nconst right = true\n```\n\n<!-- say both -->\n',
    )
    const slide = deck.slides[0]
    expect(slide?.header).toBe('<h1>Why</h1>')
    expect(slide?.notes).toBe('<p>say both</p>')
    expect(slide?.content).not.toContain('::right::')
    expect(slide?.content).toMatch(
      /^<div class="slidemark-slots">\n<div class="slidemark-slot" data-slot="default">\n<ul>\n<li>left item<\/li>\n<\/ul>\n<\/div>\n<div class="slidemark-slot" data-slot="right">\n<figure/,
    )
  })

  test('a code block’s `{2|3}` and a magic-move count as clicks where they are, after `<v-clicks>` before them', async () => {
    const deck = await slidev(
      [
        '# Clicks',
        '',
        '<v-clicks>',
        '',
        '- one',
        '- two',
        '',
        '</v-clicks>',
        '',
        '```ts {1|2}',
        'const a = 1',
        'const b = 2',
        '```',
        '',
        '````md magic-move',
        '```ts',
        'let x = 1',
        '```',
        '```ts',
        'let x = 2',
        '```',
        '````',
        '',
        '<div v-click>after</div>',
      ].join('\n'),
    )
    const content = deck.slides[0]?.content ?? ''
    expect(content).toContain('<li class="slidemark-step" data-step="2">two</li>')
    expect(content).toContain('data-code-steps="0 3" data-code-focus="1|2"')
    expect(content).toContain('data-magic-move-steps="0 4"')
    expect(content).toContain('class="slidemark-step" data-step="5">after</div>')
    expect(deck.slides[0]?.steps).toBe(6)
  })

  test('`::right::` inside a code block is code', async () => {
    const deck = await slidev('# Code\n\n```txt\n::right::\n```\n')
    expect(deck.slides[0]?.content).not.toContain('slidemark-slot')
  })

  test('a slide imported with `src:` is a warning at that key, not a silent loss', async () => {
    const deck = await slidev('# One\n\n---\nsrc: ./pages/two.md\n---\n\n---\n\n# Three\n')
    expect(deck.messages).toMatchObject([{ line: 4, column: 1, ruleId: 'unsupported-syntax' }])
    expect(deck.slides.map((slide) => slide.title)).toEqual(['One', 'Three'])
  })

  test('`<style>` is scoped to its slide, so a rule for h1 does not restyle every slide', async () => {
    const deck = await slidev('# One\n\n<style>\nh1 { color: red }\n</style>\n')
    expect(deck.slides[0]?.content).toMatch(
      /^<style data-slidemark-scope="(\w+)">@scope \(\[aria-roledescription="slide"\]:has\(style\[data-slidemark-scope="\1"\]\)\) \{\nh1 \{ color: red \}\n\}<\/style>$/,
    )
    expect(deck.slides[0]?.kind).toBe('segue')
  })

  test('`image:` of an image-right layout and the headmatter `background:` are slide backgrounds', async () => {
    const deck = await slidev(
      '---\nlayout: cover\nbackground: img/cover.jpg\n---\n\n# Cover\n\n---\nlayout: image-right\nimage: img/map.png\n---\n\n# Map\n\ntext\n',
    )
    expect(deck.slides[0]?.content).toBe(
      '<div class="slidemark-background"><img src="img/cover.jpg" alt=""></div>',
    )
    expect(deck.slides[1]?.content).toContain(
      '<div class="slidemark-background" data-split="right"><img src="img/map.png" alt=""></div>',
    )
    expect(deck.slides[1]?.source).toEqual({ start: 13, end: 15 })
  })

  test('a self-closing Vue component is closed, so the content after it is not inside it', async () => {
    const deck = await slidev('# One\n\n<Counter :count="10" />\n\nAfter the counter\n')
    expect(deck.slides[0]?.content).toBe(
      '<counter :count="10"></counter>\n<p>After the counter</p>',
    )
  })

  test('every v-click element of one HTML block is a step: `.hide`, `v-after`, `at` and absolute positions as Slidev counts', async () => {
    const deck = await slidev(
      '# Clicks\n\n<div v-click>first</div>\n<div v-click.hide>gone on click</div>\n<div v-after>with it</div>\n<p v-click at="1">at one</p>\n<p v-click="5">at five</p>\n<p v-click="[1, 3]">from one to three</p>\n',
    )
    const content = deck.slides[0]?.content ?? ''
    const step = (text: string) =>
      new RegExp(`data-step="(\\d+)"(?: data-step-hide="(\\d+)")?>${text}<`).exec(content)?.slice(1)
    expect(step('first')).toEqual(['1', undefined])
    expect(step('gone on click')).toEqual(['0', '2'])
    expect(step('with it')).toEqual(['2', undefined])
    expect(step('at one')).toEqual(['1', undefined])
    expect(step('at five')).toEqual(['5', undefined])
    expect(step('from one to three')).toEqual(['1', '3'])
    expect(deck.slides[0]?.steps).toBe(6)
  })

  test('`<v-clicks depth="2">` steps through nested items in order; `<v-click hide>`; `clicks:` sets the count', async () => {
    const deck = await slidev(
      '---\nclicks: 6\n---\n\n# Nested\n\n<v-clicks depth="2">\n\n- a\n  - a1\n  - a2\n- b\n\n</v-clicks>\n\n<v-click hide>\n\nbye\n\n</v-click>\n',
    )
    const content = deck.slides[0]?.content ?? ''
    expect([...content.matchAll(/data-step="(\d+)">(\w+)/g)].map((m) => `${m[2]}@${m[1]}`)).toEqual(
      ['a@1', 'a1@2', 'a2@3', 'b@4'],
    )
    expect(content).toContain('<div class="slidemark-step" data-step="0" data-step-hide="5">')
    expect(deck.slides[0]?.steps).toBe(7)
  })

  test('math renders without being asked, as in Slidev and Marp; `math: false` and the option still win', async () => {
    const katex = /<span class="katex">/
    expect((await slidev('# M\n\n$x^2$\n')).slides[0]?.content).toMatch(katex)
    const marp = await compile('---\nmarp: true\n---\n\n# M\n\n$$\nE = mc^2\n$$\n', {
      cache: false,
    })
    expect(marp.slides[0]?.content).toMatch(katex)
    expect((await slidev('---\nmath: false\n---\n\n# M\n\n$x^2$\n')).slides[0]?.content).toBe(
      '<p>$x^2$</p>',
    )
    const off = await compile('# M\n\n$x^2$\n', { cache: false, format: 'slidev', math: false })
    expect(off.slides[0]?.content).toBe('<p>$x^2$</p>')
    const reveal = await compile('# M\n\n$x^2$\n', { cache: false, format: 'reveal' })
    expect(reveal.slides[0]?.content).toBe('<p>$x^2$</p>')
  })

  test('a Vue directive other than v-click (`v-mark`, `v-motion`) is a warning at its tag', async () => {
    const deck = await slidev('# A\n\n<span v-mark.red="1">key</span> and <b v-motion>m</b>\n')
    expect(deck.messages.map((m) => [m.line, m.column, m.ruleId, m.reason.split(' ')[2]])).toEqual([
      [3, 1, 'vue-component', '`v-mark`'],
      [3, 37, 'vue-component', '`v-motion`'],
    ])
  })

  test('a Vue expression in text is a warning at its place', async () => {
    const deck = await slidev('# One\n\nPage {{ $slidev.nav.currentPage }}\n')
    expect(deck.messages).toMatchObject([{ line: 3, column: 1, ruleId: 'unsupported-syntax' }])
  })
})

describe('Slidev decks', () => {
  test('broken per-slide front matter is an error at its line', async () => {
    const deck = await compile('# One\n\n---\nlayout: [center\n---\n\n# Two\n', {
      cache: false,
      format: 'slidev',
    })
    expect(deck.messages[0]).toMatchObject({ line: 4, ruleId: 'invalid-front-matter' })
  })

  test('a Vue component is a warning at its own line', async () => {
    const deck = await compile('# One\n\nText\n\n<MyChart :data="x" />\n', {
      cache: false,
      format: 'slidev',
    })
    expect(deck.messages).toMatchObject([{ line: 5, column: 1, ruleId: 'vue-component' }])
  })

  test('an icon component (`<carbon:arrow-right/>`) is a warning at its line and is closed', async () => {
    const deck = await compile('# One\n\nNext <carbon:arrow-right class="inline"/> page\n', {
      cache: false,
      format: 'slidev',
    })
    expect(deck.messages).toMatchObject([
      {
        line: 3,
        column: 6,
        ruleId: 'vue-component',
        reason: expect.stringContaining('<carbon:arrow-right>'),
      },
    ])
    expect(deck.slides[0]?.content).toContain('</carbon:arrow-right> page')
  })
})

describe('landslide decks', () => {
  test('`.qr:` without a size draws a 200px code; `<hostname>` in a URL is text', async () => {
    const deck = await compile(
      '# Links\n\n.qr: |https://example.org\n\nOpen http://<hostname>:8080/',
      {
        cache: false,
        format: 'landslide',
      },
    )
    expect(deck.slides[0]?.content).toMatch(/<p class="qr"><svg [^>]*width="200" height="200"/)
    expect(deck.slides[0]?.content).toContain('http://&#x3C;hostname>:8080/')
  })
})

describe('convertDeck', () => {
  test('a converted deck does not apply a background or a heading divider twice', async () => {
    const slidev = convertDeck('---\nlayout: cover\nbackground: img/c.jpg\n---\n\n# Cover\n', {
      format: 'slidev',
    })
    const again = await compile(slidev.text, { cache: false })
    expect(again.slides[0]?.content.match(/slidemark-background/g)).toHaveLength(1)
    const marp = convertDeck('---\nmarp: true\nheadingDivider: 1\n---\n\n# A\n\n# B\n')
    expect(marp.text).not.toContain('headingDivider')
    expect((await compile(marp.text, { cache: false })).slides).toHaveLength(2)
  })

  test('writes `format:` only for other tools’ decks and keeps a Slidemark deck as it is', () => {
    const plain = '#One\n\nText\n\n---\n\n#Two\n'
    expect(convertDeck(plain)).toMatchObject({ format: 'slidemark', text: plain })
  })
})
