// The task pane's bundle: addin/taskpane.html → dist/addin, served under /addin/. office.js stays an
// external <script>, never bundled: the service writes its source into taskpane.html (`--office-js`), and
// the boot guard in public/boot/ is copied as it is (plain ES5, for webviews that cannot run the bundle).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: fileURLToPath(new URL('./addin', import.meta.url)),
  base: '/addin/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/addin', import.meta.url)),
    emptyOutDir: true,
    // One bundle, loaded once per pane; Fluent UI is most of it.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: { input: fileURLToPath(new URL('./addin/taskpane.html', import.meta.url)) },
  },
});
