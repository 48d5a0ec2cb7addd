import { fileURLToPath } from 'node:url'
import slidemark from '@slidemark/vite-plugin'
import { defineConfig } from 'vite'

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url))

export default defineConfig({
  // Relative asset URLs: dist/ works from any static server and any sub-path
  // (`/`, `/talks/`, a file share). `vite build --base /talks/` works as well.
  base: './',
  plugins: [slidemark()],
  build: {
    rolldownOptions: {
      input: {
        main: page('index.html'),
        horizon: page('horizon.html'),
        embedded: page('embedded.html'),
      },
    },
  },
})
