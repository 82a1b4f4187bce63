/**
 * Browser builds, two of them, chosen with --env:
 *
 *   (default)     the billing engine alone, dist/web/psa-engine.js, a global `PsaBilling`
 *                 (npm run build:web). test/web/engineBundle.test.ts builds it and runs it with
 *                 no Node globals, so nothing in the engine can quietly depend on Node.
 *   --env addin   the Excel add-in, dist/addin (npm run build:addin, npm run dev-server):
 *                 taskpane.html loads office.js from Microsoft's CDN and then the taskpane,
 *                 commands and functions bundles: one shared-runtime page for all three.
 *                 functions.json is generated from src/functions/functions.ts (a metadata
 *                 error fails the build); the icons and manifest.xml are copied beside it.
 *
 * Add-in options: --env production (minified); --env addinUrl=https://host/path/ rewrites
 * https://localhost:3000/ in the copied manifest; --env http serves the dev server over plain
 * http (tests), otherwise it serves https with office-addin-dev-certs' localhost certificate.
 */
const path = require('path');
const webpack = require('webpack');

const DEV_BASE_URL = 'https://localhost:3000/';
const DEV_PORT = 3000;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const fromRoot = (...parts) => path.resolve(__dirname, ...parts);
const tsRule = { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } };
// The add-in keeps ES modules for webpack, so it can drop the unused parts of Fluent UI
// (with tsconfig's CommonJS the task pane alone would be 18 MB).
const esmTsRule = { ...tsRule, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext' } } } };

function engineConfig(env) {
  return {
    mode: env.development ? 'development' : 'production',
    target: 'web',
    devtool: 'source-map',
    entry: { 'psa-engine': './src/engine/index.ts' },
    output: {
      path: env.outputPath ?? fromRoot('dist', 'web'),
      filename: '[name].js',
      library: { name: 'PsaBilling', type: 'var' },
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [tsRule] },
    performance: { hints: false },
  };
}

/**
 * The manifest as served from `addinUrl`: every https://localhost:3000/ becomes addinUrl. Throws
 * on a URL that is not absolute https (Office loads add-ins over https only) and if anything
 * still names localhost afterwards.
 */
function rewriteManifestUrls(manifestXml, addinUrl) {
  let base;
  try {
    base = new URL(addinUrl);
  } catch {
    throw new Error(`addinUrl "${addinUrl}" is not a URL: give the https address the add-in is served from, e.g. https://example.com/psa/`);
  }
  if (base.protocol !== 'https:') throw new Error(`addinUrl "${addinUrl}" must be https: Office loads add-ins only over https`);
  if (base.search || base.hash) throw new Error(`addinUrl "${addinUrl}" must not have a query or fragment`);
  const baseUrl = base.href.endsWith('/') ? base.href : `${base.href}/`;
  const rewritten = manifestXml.split(DEV_BASE_URL).join(baseUrl);
  const left = /https?:\/\/localhost[^"'<\s]*/i.exec(rewritten);
  if (left) throw new Error(`manifest.xml still names ${left[0]} after rewriting to ${baseUrl}: use ${DEV_BASE_URL} for every development URL`);
  return rewritten;
}

/** Reports a build warning (webpack prints it, and the dev server shows it). */
class WarningPlugin {
  constructor(message) {
    this.message = message;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('WarningPlugin', (compilation) => {
      compilation.warnings.push(new webpack.WebpackError(this.message));
    });
  }
}

async function addinConfig(env) {
  const HtmlWebpackPlugin = require('html-webpack-plugin');
  const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
  const CopyWebpackPlugin = require('copy-webpack-plugin');
  const production = Boolean(env.production);
  const outputPath = env.outputPath ?? fromRoot('dist', 'addin');

  const entry = {
    taskpane: './src/taskpane/index.tsx',
    commands: './src/commands/index.ts',
    functions: './src/functions/index.ts',
  };
  const functionsSource = fromRoot('src/functions/functions.ts');

  const plugins = [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['taskpane', 'commands', 'functions'],
      chunksSortMode: 'manual',
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'assets/*.png' },
        { from: 'manifest.xml', transform: (content) => (env.addinUrl ? rewriteManifestUrls(content.toString(), env.addinUrl) : content) },
      ],
    }),
  ];
  // The plugin turns every metadata problem (an unsupported parameter type, a bad id...) into a
  // compilation error, so webpack exits non-zero and the dev server shows it.
  plugins.push(new CustomFunctionsMetadataPlugin({ input: functionsSource, output: 'functions.json' }));
  if (production && !env.addinUrl) {
    plugins.push(new WarningPlugin(`no --env addinUrl=...: the manifest in ${path.relative(__dirname, outputPath)} still points at ${DEV_BASE_URL}`));
  }

  return {
    name: 'addin',
    mode: production ? 'production' : 'development',
    target: 'web',
    devtool: 'source-map',
    entry,
    output: { path: outputPath, filename: '[name].js', clean: true },
    // xmlbuilder2's own browser build: its Node build needs Node's url module, which webpack does not bring.
    resolve: { extensions: ['.ts', '.tsx', '.js'], alias: { xmlbuilder2$: 'xmlbuilder2/lib/xmlbuilder2.min.js' } },
    module: { rules: [esmTsRule] },
    // One webpack runtime for the three bundles on the page, so a module they share (the
    // ribbon outcome store, the engine, the Excel adapter) is a single instance, and its code
    // is in shared.js once instead of in each bundle.
    optimization: {
      runtimeChunk: 'single',
      splitChunks: { cacheGroups: { default: false, defaultVendors: false, shared: { name: 'shared', chunks: 'all', minChunks: 2, enforce: true } } },
    },
    plugins,
    performance: { hints: false },
    devServer: {
      port: DEV_PORT,
      static: { directory: outputPath },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.http ? 'http' : { type: 'https', options: await devHttpsOptions() },
      client: { overlay: { warnings: false } },
    },
  };
}

/** office-addin-dev-certs' trusted localhost certificate (install it once: npx office-addin-dev-certs install). */
async function devHttpsOptions() {
  if (!process.env.WEBPACK_SERVE) return {};
  const devCerts = require('office-addin-dev-certs');
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = (env = {}) => (env.addin ? addinConfig(env) : engineConfig(env));
module.exports.rewriteManifestUrls = rewriteManifestUrls;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.OFFICE_JS = OFFICE_JS;
