import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web and builds to dist/web, which the server serves.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  // nhsuk-frontend ships minified CSS with an old IE hack lightningcss cannot parse; it needs no second minify.
  // Vite's own files go to /static so /assets stays free for the design system's icons and logos.
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    cssMinify: false,
    assetsDir: 'static',
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
