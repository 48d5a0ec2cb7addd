export {
  compileInPool,
  defaultSlideTimeout,
  destroyCompilePool,
  type PoolCompileOptions,
  slidesPerThread,
  wallClockFactor,
} from './lib/pool.js'
