// Runs graphql-codegen with a configuration file from the repository (docs/codegen.yml), resolving the codegen
// plugins from this folder's node_modules. Usage: node codegen.mjs <config file> <directory its paths are relative to>
import { createRequire } from 'node:module';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';

const [configFile, root] = process.argv.slice(2);
if (!configFile || !root) {
  console.error('usage: node codegen.mjs <config file> <root directory>');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { config } = await loadCodegenConfig({ configFilePath: configFile });
process.chdir(root);
await generate({ ...config, pluginLoader: (name) => require(name) }, true);
