export {
  compileInPool,
  defaultSlideTimeout,
  destroyCompilePool,
  estimateSlides,
  type PoolCompileOptions,
  slidesPerThread,
  startCompilePool,
  wallClockFactor,
} from './lib/pool.js'
