import { describe, expect, it } from 'vitest'
import type { Row } from '../src/result.js'
import { formatHeader, formatRatio, formatTable, formatValue } from '../src/table.js'

describe('formatValue', () => {
  it('switches milliseconds to seconds from 1000 ms', () => {
    expect(formatValue(5.123, 'ms')).toBe('5.12 ms')
    expect(formatValue(250.04, 'ms')).toBe('250.0 ms')
    expect(formatValue(1530, 'ms')).toBe('1.53 s')
  })

  it('prints a dash for a missing value', () => {
    expect(formatValue(undefined, 'ms')).toBe('–')
  })
})

describe('formatRatio', () => {
  it('prints small ratios as percentages, as the targets are written', () => {
    expect(formatRatio(0.0134)).toBe('1.3 %')
    expect(formatRatio(1.234)).toBe('1.23x')
  })
})

describe('formatTable', () => {
  const rows: Row[] = [
    {
      item: 1,
      label: 'compile() cold, 500 slides',
      value: 1320,
      unit: 'ms',
      ratio: { label: '/bare', value: 1.1 },
      target: { text: '<= 1.2x bare', met: true },
    },
    { item: 2, label: 'edit', value: 40, unit: 'ms', target: { text: '<= 2 %', met: false } },
    { item: 5, label: 'whole build', note: 'n/a: slidemark CLI is not built' },
    { item: 6, label: 'broken', note: 'error: boom', error: true },
  ]
  const lines = formatTable(rows).split('\n')

  it('prints a header, a rule and one line per row', () => {
    expect(lines).toHaveLength(2 + rows.length)
    expect(lines[0]).toMatch(/^# +Measurement +Median +Ratio +Target +Status +Note$/)
  })

  it('aligns every column to the same offset', () => {
    const at = (line: string | undefined, text: string) => line?.indexOf(text)
    expect(at(lines[2], '1.32 s')).toBe(at(lines[0], 'Median'))
    expect(at(lines[3], '40.0 ms')).toBe(at(lines[0], 'Median'))
  })

  it('marks met and missed targets, n/a and errors', () => {
    expect(lines[2]).toContain('/bare 1.10x')
    expect(lines[2]).toMatch(/<= 1\.2x bare +met/)
    expect(lines[3]).toContain('MISSED')
    expect(lines[4]).toMatch(/n\/a +n\/a: slidemark CLI is not built$/)
    expect(lines[5]).toContain('ERROR')
  })
})

describe('formatHeader', () => {
  const machine = {
    date: '2026-11-25T02:40:00.000Z',
    cores: 2,
    cpu: 'AMD EPYC',
    memoryGB: 24,
    platform: 'Linux 6.18 x64',
    node: '20.20.2',
    chromium: '156.0',
  }

  it('names the cores, CPU, Node and Chromium', () => {
    const header = formatHeader({ ...machine, load: { start: 0.5, end: 0.7 } }, 'full')
    expect(header).toContain('2 cores, AMD EPYC')
    expect(header).toContain('Node 20.20.2, Chromium 156.0')
    expect(header).not.toContain('inflated')
  })

  it('warns when the load average was above the core count', () => {
    const header = formatHeader({ ...machine, load: { start: 0.5, end: 14 } }, 'full')
    expect(header).toContain('above 2 cores: absolute times are inflated')
  })
})
