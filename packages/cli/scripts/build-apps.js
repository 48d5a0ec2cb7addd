// `pnpm build`: each bundled theme's app, built by Vite ahead of time (see src/static-app.ts).
import { buildStaticApps } from '../dist/static-app-build.js'

for (const app of await buildStaticApps()) {
  console.log(`built app for ${app.theme}: ${app.files.length} files`)
}
