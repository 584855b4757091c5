/// <reference types="node" />
/**
 * The web app's build: `web/` → `dist/web/` (served by src/server/app.ts), and with
 * `--ssr src/ssr.tsx --outDir ../dist/web-ssr` the views' server renderer
 * (src/server/prerender.ts). Run from the package root: `npm run build:web` for both, or `vite`
 * for development, with the API proxied to a running `fazhi serve` on port 3000.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Brotli and gzip copies of the built text files (`x.js.br`, `x.js.gz`), which the server sends
 * to browsers that accept them (@fastify/static `preCompressed`): Ant Design's stylesheet is
 * 985 kB as it is, 84 kB in Brotli.
 */
function precompress(): Plugin {
  return {
    name: 'fazhi-precompress',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const name of Object.keys(bundle)) {
        if (!/\.(?:js|css|html|svg|json)$/u.test(name)) continue;
        const path = join(dir, name);
        const bytes = readFileSync(path);
        if (bytes.length < 1024) continue;
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 9,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * `<link rel="modulepreload">` (and the stylesheet) for the app's shell, which main.tsx imports
 * dynamically so that the first view's data and page code are asked for first: without these
 * hints the browser learns of React and Ant Design only once the entry has run, a round trip
 * later.
 */
function preloadShell(entry: string): Plugin {
  return {
    name: 'fazhi-preload-shell',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle ?? {};
        const shell = Object.values(bundle).find((c) => c.type === 'chunk' && c.name === entry);
        if (shell?.type !== 'chunk') return [];
        const seen = new Set<string>();
        const files: string[] = [];
        const css = new Set<string>();
        const visit = (name: string): void => {
          const chunk = bundle[name];
          if (chunk?.type !== 'chunk' || seen.has(name)) return;
          seen.add(name);
          // The entry is in the page already.
          if (!chunk.isEntry) files.push(name);
          for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file);
          for (const dep of chunk.imports) visit(dep);
        };
        visit(shell.fileName);
        return [
          ...[...css].map((href) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `/${href}` },
            injectTo: 'head' as const,
          })),
          ...files.map((href) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${href}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  root: 'web',
  base: '/',
  plugins: [react(), precompress(), preloadShell('boot')],
  // The server renderer carries its libraries (React, Ant Design and ECharts are build-time
  // packages), in their production builds.
  ssr: { noExternal: true },
  define: isSsrBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
    rolldownOptions: {
      output: isSsrBuild
        ? // One module: the server imports it once (src/server/prerender.ts).
          { codeSplitting: false }
        : {
            // React and ECharts in chunks of their own (named, and cached across app releases);
            // Ant Design is split by the pages that use each component, so the overview loads no
            // table filters, tabs or upload code it does not show.
            codeSplitting: {
              groups: [
                { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
                { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/ },
              ],
            },
          },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
}));
