/**
 * Cold whole builds (item 5): `slidemark build` against the peers' own
 * build commands, installed and run in this same run, round by round
 * (Slidemark, Marp CLI, …, Slidemark, Marp CLI, …) so a change in load hits
 * all alike; then Slidemark alone on 2 000 and 10 000 slides, for the
 * absolute target and the growth.
 */

import { cliBuild, removeCliDir, type Timing } from '../app.js'
import { generateDeck, geventShapedDeck } from '../deck.js'
import { type InstalledPeer, installPeer, PEER_SPECS, peerBuild } from '../peers.js'
import type { Row } from '../result.js'
import { median, ratio } from '../stats.js'
import { atMost, measure, requireTime, type Suite } from '../suite.js'

/** Slidemark's cold build may take at most this many times Marp CLI's, on both decks. */
const MARP_RATIO_TARGET = 1.0
/** 2 000 slides, cold, on 2 cores. */
const BUILD_2000_TARGET_MS = 5000
/** 10 000 slides may take at most this much more than the line through 500 and 2 000 predicts. */
const LINEAR_TOLERANCE = 1.2

/** A cold `slidemark build` in a fresh folder (its cache empty), the folder removed after. */
async function slidemarkCold(deck: string): Promise<Timing> {
  const { dir, ...timing } = await cliBuild(deck)
  removeCliDir(dir)
  return timing
}

/**
 * Runs every task once per round, `warmup` rounds unmeasured; the timings of
 * each task. A peer that fails is dropped from later rounds with its error
 * kept; Slidemark failing fails the measurement.
 */
async function interleave(
  tasks: Map<string, () => Promise<Timing>>,
  rounds: number,
  warmup: number,
): Promise<{ runs: Map<string, Timing[]>; failures: Map<string, string> }> {
  const runs = new Map([...tasks.keys()].map((name) => [name, [] as Timing[]]))
  const failures = new Map<string, string>()
  for (let round = 0; round < warmup + rounds; round++) {
    for (const [name, task] of tasks) {
      if (failures.has(name)) continue
      try {
        const timing = await task()
        if (round >= warmup) runs.get(name)?.push(timing)
      } catch (error) {
        if (name === 'slidemark') throw error
        failures.set(name, error instanceof Error ? error.message : String(error))
      }
    }
  }
  return { runs, failures }
}

function cpuNote(runs: Timing[]): string | undefined {
  const cpu = runs.flatMap((run) => (run.cpuMs === undefined ? [] : [run.cpuMs]))
  return cpu.length > 0 ? `CPU ${(median(cpu) / 1000).toFixed(2)} s` : undefined
}

async function installPeers(suite: Suite): Promise<InstalledPeer[]> {
  const installed: InstalledPeer[] = []
  for (const name of suite.peers) {
    await measure(suite, 5, `install ${PEER_SPECS[name].label}`, async () => {
      installed.push(await installPeer(name, suite.log))
      return []
    })
  }
  return installed
}

export async function measureBuilds(suite: Suite): Promise<void> {
  const gevent = geventShapedDeck()
  const peers = await installPeers(suite)
  for (const [name, deck, rounds] of [
    ['gevent-shaped talk (25 slides)', gevent, 5],
    ['500 slides', generateDeck(500), 3],
  ] as const) {
    await measure(suite, 5, `cold builds, ${name}`, async () => {
      const tasks = new Map<string, () => Promise<Timing>>([
        ['slidemark', () => slidemarkCold(deck)],
      ])
      for (const peer of peers) tasks.set(peer.name, () => peerBuild(peer, deck))
      const { runs, failures } = await interleave(tasks, rounds, 1)
      const ours = median((runs.get('slidemark') ?? []).map((run) => run.ms))
      const marp = runs.get('marp')
      const marpMs = marp?.length ? median(marp.map((run) => run.ms)) : undefined
      const versusMarp = ratio(ours, marpMs)
      // Once more in a kept folder: the CLI's persistent cache is warm the second time.
      const { dir } = await cliBuild(deck)
      const warm = await cliBuild(deck, dir)
      removeCliDir(dir)
      const rows: Row[] = [
        {
          item: 5,
          label: `slidemark build --no-check (cold), ${name}`,
          value: ours,
          unit: 'ms',
          ratio: { label: 'vs Marp CLI', value: versusMarp },
          target: {
            text: `<= ${MARP_RATIO_TARGET.toFixed(1)}x Marp CLI, same run`,
            met: atMost(versusMarp, MARP_RATIO_TARGET),
          },
          note: [
            cpuNote(runs.get('slidemark') ?? []),
            `warm cache ${(warm.ms / 1000).toFixed(2)} s`,
            marpMs === undefined ? 'Marp CLI not measured' : undefined,
          ]
            .filter(Boolean)
            .join('; '),
        },
      ]
      for (const peer of peers) {
        const peerRuns = runs.get(peer.name) ?? []
        const failure = failures.get(peer.name)
        if (failure !== undefined || peerRuns.length === 0) {
          rows.push({
            item: 5,
            label: `${peer.spec.label} build, ${name}`,
            note: `n/a: ${failure ?? 'no run'}`.slice(0, 300).replaceAll('\n', ' '),
          })
          continue
        }
        const ms = median(peerRuns.map((run) => run.ms))
        rows.push({
          item: 5,
          label: `${peer.spec.label} build, ${name}`,
          value: ms,
          unit: 'ms',
          ratio: { label: 'Slidemark/peer', value: ratio(ours, ms) },
          note: [cpuNote(peerRuns), peer.spec.note].filter(Boolean).join('; '),
        })
      }
      suite.figures.set(`build:${deck === gevent ? 'gevent' : '500'}`, ours)
      return rows
    })
  }
  await measureScale(suite)
}

/**
 * One cold `slidemark build` of 2 000 slides (target ≤ 5 s) and, time
 * allowing, of 10 000 slides: growth is linear when 10 000 slides take at
 * most 1.2× what the line through the 500- and 2 000-slide builds predicts
 * (the line's intercept is the fixed start-up cost).
 */
async function measureScale(suite: Suite): Promise<void> {
  await measure(suite, 5, 'cold build, 2000 slides', async () => {
    const timing = await slidemarkCold(generateDeck(2000))
    suite.figures.set('build:2000', timing.ms)
    return [
      {
        item: 5,
        label: 'slidemark build --no-check (cold), 2000 slides',
        value: timing.ms,
        unit: 'ms',
        target: { text: '<= 5 s', met: atMost(timing.ms, BUILD_2000_TARGET_MS) },
        note: [cpuNote([timing]), `${(timing.ms / 2000).toFixed(2)} ms per slide`]
          .filter(Boolean)
          .join('; '),
      },
    ]
  })
  await measure(suite, 5, 'cold build, 10000 slides', async () => {
    requireTime(suite)
    const timing = await slidemarkCold(generateDeck(10_000))
    const at500 = suite.figures.get('build:500')
    const at2000 = suite.figures.get('build:2000')
    const predicted =
      at500 === undefined || at2000 === undefined
        ? undefined
        : at2000 + ((at2000 - at500) / 1500) * 8000
    const growth = ratio(timing.ms, predicted)
    return [
      {
        item: 5,
        label: 'slidemark build --no-check (cold), 10000 slides',
        value: timing.ms,
        unit: 'ms',
        ratio: { label: 'vs linear', value: growth },
        target: {
          text: `linear (<= ${LINEAR_TOLERANCE}x the 500→2000 line)`,
          met: atMost(growth, LINEAR_TOLERANCE),
        },
        note: [
          cpuNote([timing]),
          predicted === undefined ? undefined : `line predicts ${(predicted / 1000).toFixed(2)} s`,
          `${(timing.ms / 10_000).toFixed(2)} ms per slide`,
        ]
          .filter(Boolean)
          .join('; '),
      },
    ]
  })
}
