/**
 * Browser build. So far it bundles the billing engine for the task pane and custom functions
 * (dist/web/psa-engine.js, a global `PsaBilling`); the add-in's own pages join here as they
 * are written. A test builds it and runs the bundle with no Node globals, so nothing in the
 * engine can quietly depend on Node.
 */
const path = require('path');

module.exports = (env = {}) => ({
  mode: env.development ? 'development' : 'production',
  target: 'web',
  devtool: 'source-map',
  entry: { 'psa-engine': './src/engine/index.ts' },
  output: {
    path: env.outputPath ?? path.resolve(__dirname, 'dist', 'web'),
    filename: '[name].js',
    library: { name: 'PsaBilling', type: 'var' },
    clean: true,
  },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }],
  },
  performance: { hints: false },
});
