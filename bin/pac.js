#!/usr/bin/env node
// `pac`: the PAC Commercial command line (see `pac --help`). Runs the TypeScript sources, bundled in memory by
// esbuild (a devDependency) at each start, so it works straight after `npm ci`, with no build step to forget.
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const os = require("node:os");
const v8 = require("node:v8");
const { spawn } = require("node:child_process");

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
 * The command line's TypeScript sources, bundled by esbuild (a devDependency) into one module at each start, in
 * memory: about 0.2 s, what tsx's transpiling cost before, with no build step to forget (an edited source is
 * taken at the next run). One bundle rather than a module per file: every import of another module was a getter
 * call in the per-file CommonJS, a million of them in a 100 000-client plan, which now runs about 10 % faster.
 * Packages from node_modules stay outside the bundle, loaded by `require` as before.
 */
function loadCli() {
  let esbuild;
  try {
    esbuild = require("esbuild");
  } catch {
    process.stderr.write("pac : le module « esbuild » est introuvable ; lancez « npm ci » dans le dossier du projet.\n");
    process.exit(2);
  }
  const root = path.join(__dirname, "..");
  let built;
  try {
    built = esbuild.buildSync({
      entryPoints: [path.join(root, "src", "cli", "main.ts")],
      absWorkingDir: root,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: `node${process.versions.node.split(".")[0]}`,
      packages: "external",
      write: false,
      // Error stacks name the TypeScript files and lines (see `setSourceMapsEnabled` below).
      sourcemap: "inline",
      sourcesContent: false,
      logLevel: "silent",
    });
  } catch (error) {
    const errors = (error && error.errors) || [];
    const where = errors.map((e) => (e.location ? `${e.location.file}:${e.location.line} : ${e.text}` : e.text)).join("\n");
    process.stderr.write(`pac : les sources du programme ne se compilent pas :\n${where || (error && error.message) || String(error)}\n`);
    process.exit(2);
  }
  // A module placed beside the entry, so that `require` finds the packages of the project's node_modules.
  const filename = path.join(root, "src", "cli", "main.bundle.cjs");
  const Module = require("node:module");
  const cli = new Module(filename, module);
  cli.filename = filename;
  cli.paths = Module._nodeModulePaths(path.dirname(filename));
  process.setSourceMapsEnabled(true);
  cli._compile(built.outputFiles[0].text, filename);
  return cli.exports;
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
