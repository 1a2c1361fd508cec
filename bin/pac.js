#!/usr/bin/env node
// `pac`: the PAC Commercial command line (see `pac --help`). Runs the TypeScript sources through tsx's
// require hook (a devDependency), so it works straight after `npm ci`, with no build step to forget.
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

let register;
try {
  ({ register } = require("tsx/cjs/api"));
} catch {
  process.stderr.write("pac : le module « tsx » est introuvable ; lancez « npm ci » dans le dossier du projet.\n");
  process.exit(2);
}
register();
const { runCli } = require(path.join(__dirname, "..", "src", "cli", "main.ts"));

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
