/**
 * End-to-end tests against a real n8n (the pinned runtime from scripts/runtime/),
 * separate from the unit/engine tests: run with `jest -c test/e2e/jest.config.js`.
 * Files are named *.e2e.ts so the root jest config (test/**\/*.test.ts) never picks
 * them up.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
	},
	// Builds the package and installs the runtime when missing (minutes on a fresh
	// machine): failures there fail the run, nothing is skipped.
	globalSetup: '<rootDir>/test/e2e/global-setup.js',
	// Each file starts its own n8n (about 600-800 MB with its task runner): one at a time.
	maxWorkers: 1,
	testTimeout: 180_000,
	verbose: true,
};
