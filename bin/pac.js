#!/usr/bin/env node
// `pac`: the PAC Commercial command line (see `pac --help`). Runs the TypeScript sources through tsx's
// require hook (a devDependency), so it works straight after `npm ci`, with no build step to forget.
"use strict";
const path = require("node:path");

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
