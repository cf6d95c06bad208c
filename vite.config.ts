import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiPort = process.env.PORT ?? '8080';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react()],
  // `vite build --ssr`: the server's pre-render of deep links (src/web/app/prerender.tsx),
  // beside the browser build, never inside it (nothing there is for browsers).
  // Self-contained, with React's production build inlined: the server runs without NODE_ENV.
  ssr: { noExternal: true },
  ...(isSsrBuild ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
  build: isSsrBuild
    ? {
        ssr: true,
        rolldownOptions: { input: 'src/web/app/prerender.tsx' },
        outDir: 'dist/ssr',
        copyPublicDir: false,
        sourcemap: true,
      }
    : { outDir: 'dist/web', sourcemap: true },
  server: {
    // `npm run dev`: Vite serves the app with hot reload, the dashboard server answers /api.
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
}));
