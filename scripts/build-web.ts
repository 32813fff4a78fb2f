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
 * `npm run build` runs it (after tsc, and so does every `npm start`); `npm run build:web` runs it
 * alone. It does nothing when the bundle is up to date (`--force` rebuilds anyway).
 */
export async function buildWeb(options: { root?: string; minify?: boolean } = {}): Promise<string> {
  const root = options.root ?? projectRoot;
  const web = path.join(root, 'web');
  const out = path.join(web, 'dist');
  const staging = path.join(web, `.dist-${process.pid}-${Date.now()}`);
  fs.mkdirSync(path.join(staging, 'assets'), { recursive: true });
  const startedAt = new Date();
  try {
    await build({
      absWorkingDir: root,
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
      metafile: true,
    }).then((result) => writeInputs(root, staging, Object.keys(result.metafile.inputs), startedAt));
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

/**
 * The bundle records every file it was built from (esbuild's metafile: our sources and each npm
 * module it pulled in, plus the HTML pages and this script); it is up to date when none of them
 * changed since. That lets every `npm start` skip a build of several seconds.
 */
const INPUTS_FILE = 'build-inputs.json';

function writeInputs(root: string, staging: string, bundled: string[], startedAt: Date): void {
  const inputs = [...bundled.map((file) => path.resolve(root, file)), ...pageInputs(root)];
  const record = path.join(staging, INPUTS_FILE);
  fs.writeFileSync(record, JSON.stringify(inputs.map((file) => path.relative(root, file))));
  // Dated when the build started: a file saved while it ran counts as changed next time.
  fs.utimesSync(record, startedAt, startedAt);
}

function pageInputs(root: string): string[] {
  return ['web/explorer/index.html', 'web/graphiql/index.html', 'scripts/build-web.ts'].map((file) => path.join(root, file));
}

export function webIsUpToDate(root: string = projectRoot): boolean {
  const record = path.join(root, 'web', 'dist', INPUTS_FILE);
  let built: number;
  let inputs: string[];
  try {
    built = fs.statSync(record).mtimeMs;
    inputs = JSON.parse(fs.readFileSync(record, 'utf8')) as string[];
  } catch {
    return false;
  }
  return inputs.every((file) => {
    try {
      return fs.statSync(path.resolve(root, file)).mtimeMs <= built;
    } catch {
      return false;
    }
  });
}

if (require.main === module) {
  const started = Date.now();
  if (!process.argv.includes('--force') && webIsUpToDate()) process.exit(0);
  buildWeb()
    .then((out) => console.log(`web bundle written to ${path.relative(process.cwd(), out) || out} in ${Date.now() - started} ms`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
