// Makes the French custom-functions metadata (functions.fr-FR.json) from the English one that
// CustomFunctionsMetadataPlugin generates from the JSDoc, with the one translation table in src/i18n.
// Function ids never change (Excel keys formulas on them); names, descriptions and parameter names do.
"use strict";

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
  return { ...metadata, functions };
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

module.exports = { localizeMetadata, LocalizeFunctionsPlugin };
