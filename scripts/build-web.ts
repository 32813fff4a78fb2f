import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../src/paths';

/**
 * Bundles the browser front ends from npm packages (no CDN at run time) into web/dist:
 *  - the network explorer (web/explorer, vanilla TypeScript + cytoscape), served at `/`;
 *  - GraphiQL (web/graphiql, React), served at `/graphql` to browsers when GRAPHQL_IDE is on.
 * Output: dist/index.html, dist/graphiql.html and dist/assets/{explorer,graphiql}.{js,css}.
 * The folder is replaced whole at the end, so a server reading it never sees a half build.
 * `npm run build` runs it (after tsc); `npm run build:web` runs it alone.
 */
export async function buildWeb(options: { root?: string; minify?: boolean } = {}): Promise<string> {
  const root = options.root ?? projectRoot;
  const web = path.join(root, 'web');
  const out = path.join(web, 'dist');
  const staging = path.join(web, `.dist-${process.pid}-${Date.now()}`);
  fs.mkdirSync(path.join(staging, 'assets'), { recursive: true });
  try {
    await build({
      entryPoints: { explorer: path.join(web, 'explorer/main.ts'), graphiql: path.join(web, 'graphiql/main.tsx') },
      outdir: path.join(staging, 'assets'),
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: ['chrome110', 'firefox110', 'safari16'],
      jsx: 'automatic',
      minify: options.minify ?? true,
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
      loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
      assetNames: '[name]-[hash]',
    });
    fs.copyFileSync(path.join(web, 'explorer/index.html'), path.join(staging, 'index.html'));
    fs.copyFileSync(path.join(web, 'graphiql/index.html'), path.join(staging, 'graphiql.html'));
    const old = `${out}.old-${process.pid}-${Date.now()}`;
    if (fs.existsSync(out)) fs.renameSync(out, old);
    fs.renameSync(staging, out);
    fs.rmSync(old, { recursive: true, force: true });
    return out;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const started = Date.now();
  buildWeb()
    .then((out) => console.log(`web bundle written to ${path.relative(process.cwd(), out) || out} in ${Date.now() - started} ms`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
