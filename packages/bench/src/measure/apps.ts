import type { Suite } from '../suite.js'

export async function measureApps(_suite: Suite): Promise<void> {}
