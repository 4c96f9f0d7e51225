/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
	},
	setupFiles: ['reflect-metadata'],
	// The README's Reliability table, from rows the tests record (test/support/reliability.ts).
	globalSetup: '<rootDir>/test/support/reliability-setup.js',
	globalTeardown: '<rootDir>/test/support/reliability-teardown.js',
	testTimeout: 60000,
	// Engine tests share one simulator per file and the machine has two cores.
	maxWorkers: 2,
};
