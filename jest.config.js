/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
	},
	setupFiles: ['reflect-metadata'],
	// Rows for the README's Reliability table (test/support/reliability.ts) start empty each
	// run; the table itself is written by `npm run report:reliability`, never by a test run.
	globalSetup: '<rootDir>/test/support/reliability-setup.js',
	testTimeout: 60000,
	// Engine tests share one simulator per file and the machine has two cores.
	maxWorkers: 2,
};
