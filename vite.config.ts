import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiPort = process.env.PORT ?? '8080';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist/web', sourcemap: true },
  server: {
    // `npm run dev`: Vite serves the app with hot reload, the dashboard server answers /api.
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
});
