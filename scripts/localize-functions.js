// Makes the French custom-functions metadata (functions.fr-FR.json) from the English one that
// CustomFunctionsMetadataPlugin generates from the JSDoc, with the one translation table in src/i18n.
// Function ids never change (Excel keys formulas on them); names, descriptions and parameter names do.
"use strict";

/**
 * Built-in Excel functions whose names are close to ours, in English and in French (Excel's French names, e.g.
 * RANK.EQ is EQUATION.RANG). Microsoft asks add-ins not to reuse a built-in name in any language: in the
 * language where the names collide, the built-in wins or the formula becomes ambiguous.
 */
const BUILT_IN_NAMES = Object.freeze([
  // English
  "ABS", "AVERAGE", "COUNT", "FREQUENCY", "MATCH", "MEDIAN", "MODE", "PERCENTILE", "PERCENTILE.INC", "PERCENTILE.EXC",
  "PERCENTRANK", "PERCENTRANK.INC", "PERCENTRANK.EXC", "QUARTILE", "QUARTILE.INC", "QUARTILE.EXC", "RANK", "RANK.EQ",
  "RANK.AVG", "RATE", "SUM", "SORT", "TREND", "GROWTH", "FORECAST", "CHOOSE",
  // French
  "CENTILE", "CENTILE.INCLURE", "CENTILE.EXCLURE", "CHOISIR", "CROISSANCE", "EQUATION.RANG", "EQUIV", "FREQUENCE",
  "MEDIANE", "MOYENNE", "MOYENNE.RANG", "NB", "PREVISION", "QUARTILE.INCLURE", "QUARTILE.EXCLURE", "RANG",
  "RANG.POURCENTAGE", "RANG.POURCENTAGE.INCLURE", "RANG.POURCENTAGE.EXCLURE", "SOMME", "TAUX", "TENDANCE", "TRIER",
]);

/** The function ids and names of `metadata` that equal a built-in Excel function name (case-insensitive). */
function builtInClashes(metadata) {
  const builtIn = new Set(BUILT_IN_NAMES);
  const clashes = [];
  for (const fn of metadata.functions) {
    for (const value of new Set([fn.id, fn.name])) if (builtIn.has(String(value).toUpperCase())) clashes.push(value);
  }
  return clashes;
}

/**
 * Returns a translated copy of the metadata. Throws, listing every gap, when a function or a parameter has no
 * translation, or when the table names something the metadata does not have.
 */
function localizeMetadata(metadata, table) {
  const problems = [];
  const functions = metadata.functions.map((fn) => {
    const tr = table[fn.id];
    if (!tr) {
      problems.push(`fonction ${fn.id} sans traduction`);
      return fn;
    }
    const parameters = (fn.parameters || []).map((p) => {
      const pt = tr.parameters && tr.parameters[p.name];
      if (!pt) {
        problems.push(`paramètre ${fn.id}.${p.name} sans traduction`);
        return p;
      }
      return { ...p, name: pt.name, description: pt.description };
    });
    for (const name of Object.keys(tr.parameters || {})) {
      if (!(fn.parameters || []).some((p) => p.name === name)) problems.push(`paramètre ${fn.id}.${name} traduit mais absent`);
    }
    return { ...fn, name: tr.name, description: tr.description, parameters };
  });
  for (const id of Object.keys(table)) {
    if (!metadata.functions.some((fn) => fn.id === id)) problems.push(`fonction ${id} traduite mais absente`);
  }
  if (problems.length > 0) throw new Error(`Métadonnées françaises incomplètes : ${problems.join(" ; ")}`);
  const localized = { ...metadata, functions };
  const clashes = [...builtInClashes(metadata), ...builtInClashes(localized)];
  if (clashes.length > 0) {
    throw new Error(`Nom de fonction Excel intégrée réutilisé (interdit dans toutes les langues) : ${[...new Set(clashes)].join(", ")}`);
  }
  return localized;
}

/** Webpack plugin: emits `output` next to the English `input` asset. */
class LocalizeFunctionsPlugin {
  constructor({ input = "functions.json", output, table }) {
    this.input = input;
    this.output = output;
    this.table = table;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LocalizeFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizeFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.input);
          if (!asset) return;
          try {
            const localized = localizeMetadata(JSON.parse(asset.source.source().toString()), this.table);
            compilation.emitAsset(this.output, new sources.RawSource(JSON.stringify(localized, null, 4)));
          } catch (error) {
            compilation.errors.push(new compiler.webpack.WebpackError(error.message));
          }
        },
      );
    });
  }
}

module.exports = { BUILT_IN_NAMES, builtInClashes, localizeMetadata, LocalizeFunctionsPlugin };
