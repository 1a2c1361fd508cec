// Builds two pages and the manifest:
// - taskpane.html, the add-in page the manifest names (shared runtime: task pane + PAC.* custom functions), which
//   loads office.js from Microsoft's CDN and nothing else from outside;
// - app.html, the standalone browser app (the same wizard on a file), with no office.js and nothing from outside;
// plus functions.json from the JSDoc, functions.fr-FR.json, and manifest.xml with every URL on one origin:
// https://localhost:3000 in development, PAC_ORIGIN in production (required: no placeholder domain is ever written).
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const TerserPlugin = require("terser-webpack-plugin");
const { LocalizeFunctionsPlugin } = require("./scripts/localize-functions");

const DEV_ORIGIN = "https://localhost:3000";
/** Microsoft's CDN: the only supported source of office.js (the @microsoft/office-js npm copy is unsupported). */
const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_ORIGIN = new URL(OFFICE_JS_URL).origin;

/**
 * The origin a production build is served from, from PAC_ORIGIN. Throws a French message when it is missing or
 * is not a bare https origin (the manifest's URLs would otherwise point nowhere).
 */
function productionOrigin(value) {
  const example = "PAC_ORIGIN=https://pac.mon-etablissement.fr npm run build";
  if (value === undefined || value.trim() === "") {
    throw new Error(
      `PAC_ORIGIN manquant : la build de production écrit l'adresse du serveur dans chaque URL du manifeste. ` +
        `Indiquez l'origine https où dist/ sera servi, par exemple « ${example} » ; pour essayer sur ce poste, ` +
        `« npm run build:dev » (https://localhost:3000).`,
    );
  }
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`PAC_ORIGIN « ${value} » n'est pas une adresse : attendu une origine https, par exemple « ${example} ».`);
  }
  const bare = url.pathname.replace(/\/+$/, "") === "" && url.search === "" && url.hash === "" && url.username === "" && url.password === "";
  if (url.protocol !== "https:" || !bare) {
    throw new Error(`PAC_ORIGIN « ${value} » doit être une origine https seule (schéma, hôte, port éventuel), par exemple « ${example} ».`);
  }
  if (url.origin === DEV_ORIGIN) {
    throw new Error(`PAC_ORIGIN « ${value} » est l'origine de développement : utilisez « npm run build:dev ».`);
  }
  return url.origin;
}

async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (error) {
    // office-addin-dev-certs needs sudo to trust its CA; without it webpack-dev-server makes a self-signed one.
    console.warn(`Certificats de développement indisponibles (${error.message}) : certificat auto-signé utilisé.`);
    return { type: "https" };
  }
}

/**
 * A page's Content-Security-Policy: only our own origin (client data never leaves the workbook), plus, for the
 * add-in page, Microsoft's CDN for office.js and the host scripts it loads from there.
 */
const csp = (scriptOrigins = []) =>
  [
    "default-src 'self'",
    `script-src ${["'self'", ...scriptOrigins].join(" ")}`,
    // Fluent UI (Griffel) inserts its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
/** The manifest with every URL on `origin` (the source manifest is written for the development origin). */
function manifestFor(xml, origin) {
  return origin === DEV_ORIGIN ? xml : xml.split(DEV_ORIGIN).join(origin);
}

const ADDIN_CSP = csp([OFFICE_JS_ORIGIN]);
const APP_CSP = csp();

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const origin = dev ? DEV_ORIGIN : productionOrigin(process.env.PAC_ORIGIN);
  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      app: "./src/taskpane/standalone.tsx",
      // The xlsx writer's DEFLATE worker (src/xlsx/zip.ts `workerStream`): loaded by no page, started by the writer.
      "deflate-worker": "./src/xlsx/deflateWorker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "swc-loader",
            options: {
              jsc: {
                parser: { syntax: "typescript", tsx: true },
                transform: { react: { runtime: "automatic" } },
                target: "es2020",
              },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      minimizer: [new TerserPlugin({ minify: TerserPlugin.swcMinify, extractComments: false })],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizeFunctionsPlugin({
        output: "functions.fr-FR.json",
        table: require("./src/i18n/functions.fr-FR.json"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
        templateParameters: { csp: ADDIN_CSP, officeJs: OFFICE_JS_URL },
      }),
      new HtmlWebpackPlugin({
        filename: "app.html",
        template: "./src/taskpane/app.html",
        chunks: ["app"],
        templateParameters: { csp: APP_CSP },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/aide.html", to: "aide.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => manifestFor(content.toString(), origin),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: await httpsOptions(),
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      hot: false,
      liveReload: true,
    },
  };
};

module.exports.OFFICE_JS_URL = OFFICE_JS_URL;
module.exports.ADDIN_CSP = ADDIN_CSP;
module.exports.APP_CSP = APP_CSP;
module.exports.DEV_ORIGIN = DEV_ORIGIN;
module.exports.productionOrigin = productionOrigin;
module.exports.manifestFor = manifestFor;
