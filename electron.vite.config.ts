import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

// Three bundles: the Electron main process (plus the browser-mode server, which is the same services
// behind the loopback transport), the sandboxed preload, and the renderer.
export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      // node_modules stay external in main (the native SQLCipher module must be loaded, not bundled).
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          browser: resolve(__dirname, 'src/main/browser-mode.ts'),
          // Backups run in a worker thread; runner.ts looks for this file beside the main bundle.
          'backup-worker': resolve(__dirname, 'src/main/backup/worker.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // A sandboxed preload cannot require() anything but electron: bundle everything else.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        external: ['electron']
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: shared },
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
