// Builds the shared-runtime page (task pane + custom functions), functions.json from the JSDoc, and the manifest.
// The production origin is one setting: PAC_ORIGIN (default below); the manifest's dev origin is rewritten to it.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const TerserPlugin = require("terser-webpack-plugin");
const { LocalizeFunctionsPlugin } = require("./scripts/localize-functions");

const DEV_ORIGIN = "https://localhost:3000";
const PROD_ORIGIN = (process.env.PAC_ORIGIN || "https://pac-commercial.example.org").replace(/\/+$/, "");

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

/** The page's Content-Security-Policy: only our own origin (client data never leaves the workbook). */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
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

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const origin = dev ? DEV_ORIGIN : PROD_ORIGIN;
  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
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
        templateParameters: { csp: CSP },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/aide.html", to: "aide.html" },
          // office.js and the host scripts it loads, served from our own origin (never the CDN).
          { from: "node_modules/@microsoft/office-js/dist", to: "office-js", globOptions: { ignore: ["**/*.debug.js"] } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().split(DEV_ORIGIN).join(origin)),
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
