// Bundles the CLI, the Action and the App into dist/. The output is committed
// and a test rebuilds it to prove it is fresh, so the build must be deterministic.
import { build } from 'esbuild';

export const ENTRY_POINTS = {
  cli: 'src/cli/main.ts',
  // The GitHub Action (action.yml `main: dist/index.js`). @actions/core 3 and the octokit
  // plugins are ESM-only, which is why this is esbuild and not ncc.
  index: 'src/action/index.ts',
  // The GitHub App (`npm start`): Probot's server with src/app. Probot 14 is ESM-only too;
  // bundled so the image and `npm start` need no node_modules and no tsx.
  app: 'src/app/server.ts',
};

/** Options shared by `npm run build` and the freshness test. */
export function buildOptions(outdir) {
  return {
    entryPoints: ENTRY_POINTS,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    // Some dependencies are CommonJS and call require(); give the ESM bundle one.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __meshguardCreateRequire } from 'node:module';\nconst require = __meshguardCreateRequire(import.meta.url);",
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await build(buildOptions('dist'));
}
