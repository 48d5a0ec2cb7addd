/** The chunk {@link loadViews} brings: the overview and the presenter view. */
export { createOverview } from './overview.js'
export { createPresenterView } from './presenter.js'
