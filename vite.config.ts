import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const apiPort = process.env.PORT ?? '8080';

// react-router 7 resolves to its development build everywhere (its package.json lists no
// other; remix-run/react-router#12532, #14102): production builds would carry its
// development warnings and log them in users' consoles. Its production build sits beside it.
const reactRouterProduction = fileURLToPath(
  new URL('node_modules/react-router/dist/production/index.mjs', import.meta.url),
);

export default defineConfig(({ command, isSsrBuild, mode }) =>
  mode === 'server'
    ? {
        // `vite build --ssr --mode server`: the dashboard server as plain JavaScript for
        // `npm run serve`, so production runs without tsx. Every package stays external (they
        // are `dependencies`, and better-sqlite3 is native); NODE_ENV is read at run time.
        ssr: { external: true, noExternal: [] },
        build: {
          ssr: true,
          outDir: 'dist/server',
          target: 'node20',
          copyPublicDir: false,
          sourcemap: true,
          // Every chunk (main.js, the simulator loaded on demand) sits directly in dist/server,
          // two levels below the project, as its source does below src/: reads relative to
          // import.meta.url (package.json for the version) resolve the same from both.
          rolldownOptions: {
            input: 'src/server/main.ts',
            output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
          },
        },
      }
    : {
        plugins: [react()],
        ...(command === 'build'
          ? { resolve: { alias: [{ find: /^react-router$/, replacement: reactRouterProduction }] } }
          : {}),
        // `vite build --ssr`: the server's pre-render of deep links (src/web/app/server-render.tsx),
        // beside the browser build, never inside it (nothing there is for browsers).
        // Self-contained, with React's production build inlined: the server runs without NODE_ENV.
        ssr: { noExternal: true },
        ...(isSsrBuild ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
        build: isSsrBuild
          ? {
              ssr: true,
              // Named input: the server loads dist/ssr/prerender.js (PRERENDER_ENTRY_FILE).
              rolldownOptions: { input: { prerender: 'src/web/app/server-render.tsx' } },
              outDir: 'dist/ssr',
              copyPublicDir: false,
              sourcemap: true,
            }
          : {
              outDir: 'dist/web',
              sourcemap: true,
              rolldownOptions: {
                // Every module the entry imports statically in the entry's own chunk. Left to
                // itself the bundler splits out what lazy chunks share with the first screen
                // (React, zod, TanStack Query…) into chunks the entry imports at once anyway:
                // four files compress worse than one, and their cross-chunk import and export
                // lists cost about 3 kB gzip of the first load.
                output: { codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] } },
              },
            },
        server: {
          // `npm run dev`: Vite serves the app with hot reload, the dashboard server answers /api.
          proxy: { '/api': `http://127.0.0.1:${apiPort}` },
        },
      },
);
