/**
 * `npm run exercices`: writes the student's book and the corrigé of every bundled textbook case
 * (assets/exercices/cas.json) to out/exercices/, replacing earlier runs. `--lang en` writes them in English.
 */
import { join, relative, resolve } from "node:path";
import { buildExercise, exerciseText } from "../src/exercise";
import { caseData, exercisePaths, readCases, writeExerciseBooks } from "../src/cli/exercise";
import { CliError } from "../src/cli/errors";

async function main(): Promise<void> {
  const lang = process.argv.includes("en") ? "en" : "fr";
  const root = resolve(__dirname, "..");
  const dir = join(root, "assets", "exercices");
  const out = join(root, "out", "exercices");
  for (const c of readCases(join(dir, "cas.json"))) {
    const data = await caseData(c, dir, lang);
    const books = buildExercise(data, { lang, methods: c.methods });
    const paths = exercisePaths(out, c.id, lang);
    await writeExerciseBooks(books, paths, true);
    console.log(exerciseText("cli.case", lang, { title: c.title, student: relative(process.cwd(), paths.student), corrige: relative(process.cwd(), paths.corrige) }));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof CliError ? error.text("fr") : error);
  process.exit(error instanceof CliError ? 2 : 1);
});
