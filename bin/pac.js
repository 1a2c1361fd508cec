#!/usr/bin/env node
// `pac`: the PAC Commercial command line (see `pac --help`). Runs the TypeScript sources, bundled in memory by
// esbuild (a devDependency) at each start, so it works straight after `npm ci`, with no build step to forget.
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const os = require("node:os");
const v8 = require("node:v8");
const { createHash } = require("node:crypto");
const { spawn } = require("node:child_process");
const { buildBundles } = require("./bundle.js");

/**
 * A big input (a full Excel sheet is a million clients) needs more heap than Node's default (about 4 GB):
 * `pac` then runs itself again with a heap of up to three quarters of the machine's memory (at most 16 GB),
 * forwarding signals, so a full sheet ends with a result or a French message, never an out-of-memory crash.
 */
const BIG_INPUT_BYTES = 4_000_000;
function bigInput(args) {
  return args.some((a) => {
    if (a.startsWith("-")) return false;
    try {
      return fs.statSync(a).size > BIG_INPUT_BYTES;
    } catch {
      return false;
    }
  });
}
const args = process.argv.slice(2);
const wantedMb = Math.min(16384, Math.floor((os.totalmem() / 1048576) * 0.75));
const haveMb = v8.getHeapStatistics().heap_size_limit / 1048576;
if (!process.env.PAC_HEAP_RELAUNCHED && wantedMb > haveMb * 1.2 && bigInput(args)) {
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${wantedMb}`, __filename, ...args], {
    stdio: "inherit",
    env: { ...process.env, PAC_HEAP_RELAUNCHED: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
  return;
}

/**
 * A key of what the bundles are made from: every source file under src/ (path, size, modification time), the
 * tsconfig and package files, how they are bundled (./bundle.js), and the versions of Node and esbuild. Listing
 * them takes a few milliseconds.
 */
function sourcesKey(root, esbuildVersion) {
  const hash = createHash("sha256");
  hash.update(`${process.version} esbuild ${esbuildVersion}\n`);
  const add = (file) => {
    const stat = fs.statSync(file);
    hash.update(`${path.relative(root, file)} ${stat.size} ${stat.mtimeMs}\n`);
  };
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|tsx|json)$/.test(entry.name)) add(file);
    }
  };
  walk(path.join(root, "src"));
  for (const file of ["tsconfig.json", "package.json", "bin/bundle.js"]) add(path.join(root, file));
  return hash.digest("hex").slice(0, 20);
}

/**
 * The command line's TypeScript sources, bundled by esbuild (a devDependency) into one module, with no build
 * step to forget: made when a source changed (about 0.2 s, what tsx's transpiling cost before), else read from
 * node_modules/.cache/pac-cli. One bundle rather than a module per file: every import of another module was a
 * getter call in the per-file CommonJS, a million of them in a 100 000-client plan, which now runs about 10 %
 * faster. Packages from node_modules stay outside the bundle, loaded by `require` as before. The compression
 * thread's script (src/xlsx/nodeWorker.ts, which writes out and deflates the sheets' XML) is bundled beside it.
 */
function loadCli() {
  // esbuild's version, for the cache key, from its package file: loading esbuild itself (11 ms) waits until a
  // bundle must be made.
  let esbuildVersion;
  try {
    esbuildVersion = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve("esbuild")), "..", "package.json"), "utf8")).version;
  } catch {
    process.stderr.write("pac : le module « esbuild » est introuvable ; lancez « npm ci » dans le dossier du projet.\n");
    process.exit(2);
  }
  const root = path.join(__dirname, "..");
  const cacheDir = path.join(root, "node_modules", ".cache", "pac-cli");
  const key = sourcesKey(root, esbuildVersion);
  const cached = path.join(cacheDir, `${key}.cjs`);
  const cachedWorker = path.join(cacheDir, `${key}.worker.cjs`);
  let code;
  let workerCode;
  try {
    workerCode = fs.readFileSync(cachedWorker, "utf8");
    code = fs.readFileSync(cached, "utf8");
  } catch {
    ({ code, workerCode } = bundle(require("esbuild"), root));
    // Kept for the next runs (written whole, then renamed; the worker's first, read first), beside the three
    // newest other pairs, six files (two checkouts may share node_modules); older ones are removed. A cache that cannot be
    // written (a read-only install) only costs the bundling at each start.
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      const others = fs
        .readdirSync(cacheDir)
        .map((name) => ({ name, time: fs.statSync(path.join(cacheDir, name)).mtimeMs }))
        .sort((a, b) => b.time - a.time);
      for (const old of others.slice(6)) fs.rmSync(path.join(cacheDir, old.name), { force: true });
      for (const [file, text] of [
        [cachedWorker, workerCode],
        [cached, code],
      ]) {
        const temporary = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, text);
        fs.renameSync(temporary, file);
      }
    } catch {
      // no cache
    }
  }
  // A module placed beside the entry, so that `require` finds the packages of the project's node_modules.
  const filename = path.join(root, "src", "cli", "main.bundle.cjs");
  const Module = require("node:module");
  const cli = new Module(filename, module);
  cli.filename = filename;
  cli.paths = Module._nodeModulePaths(path.dirname(filename));
  process.setSourceMapsEnabled(true);
  cli._compile(code, filename);
  // The compression thread's script (src/xlsx/nodeWorker.ts): it writes out and deflates the sheets' XML.
  cli.exports.useNodeWorker(workerCode);
  return cli.exports;
}

/** The two bundles (see ./bundle.js), or exit code 2 with the compiler's errors when the sources do not compile. */
function bundle(esbuild, root) {
  try {
    return buildBundles(esbuild, root);
  } catch (error) {
    const errors = (error && error.errors) || [];
    const where = errors.map((e) => (e.location ? `${e.location.file}:${e.location.line} : ${e.text}` : e.text)).join("\n");
    process.stderr.write(`pac : les sources du programme ne se compilent pas :\n${where || (error && error.message) || String(error)}\n`);
    process.exit(2);
  }
}

const { runCli } = loadCli();

// `pac score … | head` closes the pipe early: that is not an error.
process.stdout.on("error", (error) => {
  if (error && error.code === "EPIPE") process.exit(0);
  throw error;
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`Erreur interne : ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
