// `npm run test:production` (CI, after `npm test`): proves the production install works.
// In a copy of the project: build, `npm prune --omit=dev`, then `npm run serve` must start with
// no tsx and no Vite, answer `/`, `/api/health` and `/api/sessions`, and write nothing into the
// app folder; and NODE_ENV=production without credentials must refuse to start.
//
// node_modules is copied from this checkout (`cp -a`, a few seconds) instead of a second
// `npm ci` (about 2 minutes: better-sqlite3 compiles from source). A real copy, not hard links:
// `npm prune` rewrites node_modules/.package-lock.json in place, which through a hard link
// would rewrite this checkout's file too. CI's own `npm ci` has just proven the lockfile installs.
import { execFileSync, spawn } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MESSAGE = 'NODE_ENV=production needs Plivo credentials';
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const step = (what: string) => console.log(`[production check ${elapsed()}] ${what}`);

/** Tracked and new (not ignored) files; without git, everything but the ignored outputs. */
function projectFiles(): string[] {
  try {
    const out = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    return out.split('\0').filter((f) => f && existsSync(join(ROOT, f)));
  } catch {
    const skip = new Set(['.git', 'node_modules', 'dist', 'test-results', 'playwright-report']);
    return readdirSync(ROOT).filter((f) => !skip.has(f));
  }
}

function copyProject(to: string): void {
  for (const file of projectFiles()) {
    cpSync(join(ROOT, file), join(to, file), { recursive: true, preserveTimestamps: true });
  }
  execFileSync('cp', ['-a', '--reflink=auto', join(ROOT, 'node_modules'), to]);
}

function npm(cwd: string, args: string[]): void {
  execFileSync('npm', args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Bare specifiers of the module's own imports: statements at line starts (as Rolldown writes
 * them) and literal dynamic imports; builtins left out. Text inside strings is not matched. */
function importedPackages(code: string): string[] {
  const patterns = [
    /^(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']/gm,
    /^import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  const builtins = new Set(builtinModules);
  return patterns
    .flatMap((p) => [...code.matchAll(p)].map((m) => m[1] ?? ''))
    .filter((s) => s && !s.startsWith('.') && !s.startsWith('node:') && !builtins.has(s));
}

/** Every package the compiled server and SSR bundle import must be a dependency. */
function checkImports(app: string): void {
  const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const bad: string[] = [];
  for (const dir of ['dist/server', 'dist/ssr']) {
    for (const file of readdirSync(join(app, dir)).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(app, dir, file), 'utf8');
      for (const spec of importedPackages(code)) {
        const name = spec.startsWith('@')
          ? spec.split('/').slice(0, 2).join('/')
          : spec.split('/')[0];
        if (!name || !(name in pkg.dependencies)) bad.push(`${dir}/${file} imports ${spec}`);
      }
    }
  }
  if (bad.length) throw new Error(`not in "dependencies":\n- ${bad.join('\n- ')}`);
  for (const devOnly of ['tsx', 'vite', 'typescript']) {
    if (existsSync(join(app, 'node_modules', devOnly))) {
      throw new Error(`npm prune --omit=dev left ${devOnly} in node_modules`);
    }
  }
}

type Run = {
  /** npm's exit code, or its signal when stopped. */
  code: Promise<number | NodeJS.Signals | null>;
  output: () => string;
  /** SIGTERM to npm and the server (one process group); resolves once every one has exited. */
  stop: () => Promise<void>;
};

function serve(app: string, env: Record<string, string>): Run {
  const base = { ...process.env };
  for (const key of ['PLIVO_AUTH_ID', 'PLIVO_AUTH_TOKEN', 'UPSTREAM', 'NODE_ENV', 'PORT', 'HOST'])
    delete base[key];
  const child = spawn('npm', ['run', 'serve'], {
    cwd: app,
    env: { ...base, SIM_SESSIONS_PER_DAY: '200', ...env },
    detached: true, // its own process group: npm and the node it starts stop together
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on('exit', (c, signal) => resolve(c ?? signal)),
  );
  const group = -(child.pid ?? 0);
  const timer = setTimeout(() => process.kill(group, 'SIGKILL'), 60_000);
  void code.then(() => clearTimeout(timer));
  const alive = () => {
    try {
      process.kill(group, 0);
      return true;
    } catch {
      return false;
    }
  };
  const stop = async () => {
    if (alive()) process.kill(group, 'SIGTERM');
    for (let i = 0; i < 100 && alive(); i += 1) await new Promise((r) => setTimeout(r, 100));
    if (alive()) {
      process.kill(group, 'SIGKILL');
      throw new Error(`npm run serve did not stop within 10 s of SIGTERM:\n${output}`);
    }
  };
  return { code, output: () => output, stop };
}

async function waitForUrl(run: Run): Promise<string> {
  const state = { exited: false };
  void run.code.then(() => (state.exited = true));
  for (let i = 0; i < 300; i += 1) {
    const url = /OTP sessions dashboard: (http:\/\/\S+\/)/.exec(run.output())?.[1];
    if (url) return url;
    if (state.exited) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`npm run serve printed no URL:\n${run.output()}`);
}

/** Files created or changed under `dir` after `since` (ms), node_modules included. */
function writtenSince(dir: string, since: number): string[] {
  const out = execFileSync('find', [dir, '-newermt', `@${since / 1000}`], { encoding: 'utf8' });
  return out.split('\n').filter((f) => f && f !== dir);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'otp-production-'));
  const app = join(work, 'app');
  try {
    step(`copying the project to ${app}`);
    copyProject(app);
    step('npm run build');
    npm(app, ['run', 'build']);
    step('npm prune --omit=dev');
    npm(app, ['prune', '--omit=dev', '--no-audit', '--no-fund']);
    checkImports(app);
    const version = (
      JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { version: string }
    ).version;

    step('npm run serve (UPSTREAM=simulator NODE_ENV=production PORT=0)');
    await new Promise((r) => setTimeout(r, 1100)); // find -newermt has one-second resolution
    const since = Date.now();
    // The session index keeps its data outside the app folder, as a deployment would.
    const dataDir = `${app}-data`;
    const run = serve(app, {
      UPSTREAM: 'simulator',
      NODE_ENV: 'production',
      PORT: '0',
      DATA_DIR: dataDir,
    });
    try {
      const url = await waitForUrl(run);
      for (const path of ['', 'api/health', 'api/sessions', 'api/index']) {
        const response = await fetch(`${url}${path}`);
        const body = await response.text();
        if (response.status !== 200) throw new Error(`GET /${path}: ${response.status} ${body}`);
        if (path === 'api/health' && !body.includes(`"version":"${version}"`)) {
          throw new Error(`GET /api/health does not report version ${version}: ${body}`);
        }
        // The index runs (better-sqlite3 loads from the pruned install), it is not in error.
        if (path === 'api/index' && !/"state":"(backfilling|live)"/.test(body)) {
          throw new Error(`GET /api/index: the session index is not running: ${body}`);
        }
        if (path === '' && !body.includes('<div id="root"'))
          throw new Error('GET / is no app page');
        console.log(`  GET /${path}: 200 (${body.length} bytes)`);
      }
    } finally {
      await run.stop();
    }
    if (!run.output().includes('SIGTERM: finishing requests') || /^\s+at /m.test(run.output())) {
      throw new Error(`npm run serve did not stop cleanly on SIGTERM:\n${run.output()}`);
    }
    const written = writtenSince(app, since);
    if (written.length)
      throw new Error(`the server wrote into the app folder:\n${written.join('\n')}`);

    step('NODE_ENV=production without credentials or UPSTREAM');
    const refused = serve(app, { NODE_ENV: 'production', PORT: '0' });
    const code = await refused.code;
    const output = refused.output();
    if (code !== 1 || !output.includes(MESSAGE) || /^\s+at /m.test(output)) {
      throw new Error(
        `expected exit 1 with "${MESSAGE}" and no stack trace; got ${code}:\n${output}`,
      );
    }
    step('passed');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main().catch((error: unknown) => {
  console.error(
    `Production install check FAILED: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
