/** Dependency rules of the SoosCode API (see docs/architecture.md). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain imports nothing but itself: no adapters, no server, no npm packages, no node: built-ins.',
      severity: 'error',
      from: { path: '^packages/domain/src', pathNot: '^packages/domain/src/testing' },
      to: { pathNot: '^packages/domain/src' },
    },
    {
      name: 'domain-testing-only-vitest',
      comment: 'The ./testing export (fakes, mothers, contract suites) may use vitest and nothing else from outside.',
      severity: 'error',
      from: { path: '^packages/domain/src/testing' },
      to: { pathNot: ['^packages/domain/src', 'node_modules/(\\.pnpm/)?(vitest|@vitest)'] },
    },
    {
      name: 'adapters-not-to-server',
      comment: 'Adapters implement domain ports; they never reach into the composition root.',
      severity: 'error',
      from: { path: '^packages/adapters' },
      to: { path: '^packages/server' },
    },
    {
      name: 'compile-folders-share-only-compile-shared',
      comment: 'The compile technology folders (and http) never reach into each other; what several use lives in compile-shared/ (or system/).',
      severity: 'error',
      from: { path: '^packages/adapters/src/(compile-client|compile-worker|judge0|local-runner|http)/' },
      to: { path: '^packages/adapters/src/(compile-client|compile-worker|judge0|local-runner|http)/', pathNot: '^packages/adapters/src/$1/' },
    },
    {
      name: 'compile-shared-imports-no-technology',
      comment: 'compile-shared/ is plumbing for both compile sides: it imports no other adapter folder.',
      severity: 'error',
      from: { path: '^packages/adapters/src/compile-shared/' },
      to: { path: '^packages/adapters/src/', pathNot: '^packages/adapters/src/compile-shared/' },
    },
    {
      name: 'only-server-imports-inversify',
      comment: 'Dependency injection is wiring; only the composition root knows about the container.',
      severity: 'error',
      from: { pathNot: '^packages/server' },
      to: { path: 'node_modules/(\\.pnpm/)?inversify' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' }, // dist: the compiled build mirrors src
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
