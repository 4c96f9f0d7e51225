/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
	},
	setupFiles: ['reflect-metadata'],
	testTimeout: 60000,
	// Engine tests share one simulator per file and the machine has two cores.
	maxWorkers: 2,
};
