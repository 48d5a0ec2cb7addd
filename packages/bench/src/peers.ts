/**
 * Reference figures for the peers, measured on a 2-core machine like ours
 * with Node 20 (/work/shared/reference/measurements.md). Printed beside our
 * own figures; the peers are not installed here.
 */
export const PEER_FIGURES = {
  marpCli: {
    build25: 0.95,
    build500: 1.5,
    startupJsGzipKB: 12.8,
    startupCssGzipKB: 11.0,
    firstSlide500: 3.35,
  },
  slidev: {
    build25: 6.6,
    build500: 14.4,
    startupJsGzipKB: 156,
    startupCssGzipKB: 21.5,
    firstSlide500: 0.71,
    devFirstSlide: 17.7,
  },
  revealMd: {
    build25: 0.6,
    build500: 0.7,
    startupJsGzipKB: 372,
    startupCssGzipKB: 16.3,
    firstSlide500: 1.09,
  },
} as const

export const PEERS = `Peers (reference figures, same machine class, not re-measured here):
                             Marp CLI 4.5     Slidev 52.20      reveal-md 6.1
  build, 25-slide talk       0.95 s           6.6 s             0.6 s (ships raw Markdown)
  build, 500 slides          1.5 s            14.4 s            0.7 s (ships raw Markdown)
  start-up JS / CSS, gzip    12.8 / 11.0 KB   156 / 21.5 KB     372 / 16.3 KB
  first slide, 500 slides    3.35 s           0.71 s            1.09 s
  dev server, first slide    –                17.7 s            –`
