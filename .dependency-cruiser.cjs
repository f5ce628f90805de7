// The layer rules of docs/architecture.md, checked by `npm run lint` (and so by CI).
// Imports point down only: server -> bots -> dialogs -> {channels, recognizers} -> library -> config.
/** @type {import('dependency-cruiser').IConfiguration} */
const below = (folders) => `^(${folders.join('|')})/`;

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No cycle between files (and so none between folders).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'config-is-the-ground',
      severity: 'error',
      comment: 'config/ holds the schema and types everything else reads; it imports nothing of ours.',
      from: { path: '^config/' },
      to: { path: '^(?!config/)[^/]+/', pathNot: '^node_modules/' },
    },
    {
      name: 'library-is-domain-only',
      severity: 'error',
      comment:
        'library/ (hours, programs, holds, handoff, privacy) knows nothing of bots, dialogs or channels.',
      from: { path: '^library/' },
      to: {
        dependencyTypes: ['local'],
        path: '^[^/]+/',
        pathNot: [below(['library', 'config']), '^node_modules/'],
      },
    },
    {
      name: 'recognizers-below-dialogs',
      severity: 'error',
      from: { path: '^recognizers/' },
      to: {
        dependencyTypes: ['local'],
        path: '^[^/]+/',
        pathNot: [below(['recognizers', 'library', 'config']), '^node_modules/'],
      },
    },
    {
      name: 'channels-below-dialogs',
      severity: 'error',
      from: { path: '^channels/' },
      to: {
        dependencyTypes: ['local'],
        path: '^[^/]+/',
        pathNot: [below(['channels', 'library', 'config']), '^node_modules/'],
      },
    },
    {
      name: 'dialogs-never-reach-up',
      severity: 'error',
      comment:
        'Dialogs get bot-level services through ports declared in dialogs/, never by importing bots/ or server/.',
      from: { path: '^dialogs/' },
      to: {
        dependencyTypes: ['local'],
        path: '^[^/]+/',
        pathNot: [below(['dialogs', 'channels', 'recognizers', 'library', 'config']), '^node_modules/'],
      },
    },
    {
      name: 'bots-never-reach-the-server',
      severity: 'error',
      from: { path: '^bots/' },
      to: { path: '^server/' },
    },
    {
      name: 'infrastructure-stays-low',
      severity: 'error',
      comment: 'storage/ and observability/ serve the upper layers and use only library/ and config/.',
      from: { path: '^(storage|observability)/' },
      to: {
        dependencyTypes: ['local'],
        path: '^[^/]+/',
        pathNot: [below(['storage', 'observability', 'library', 'config']), '^node_modules/'],
      },
    },
    {
      name: 'no-test-code-in-the-product',
      severity: 'error',
      from: { pathNot: '^(test|bench)/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|data|web/vendor)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // conditionNames: packages that declare only "exports" (tinyld) resolve as Node's require does.
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.json', '.d.ts'],
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'default'],
    },
  },
};
