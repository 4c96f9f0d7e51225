/**
 * The browser test: headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core) against a real n8n (the pinned runtime from scripts/runtime/) with
 * this package installed. Run with `jest -c test/browser/jest.config.js`. Files are
 * named *.browser.ts so neither the root jest config (test/**\/*.test.ts) nor the e2e
 * config (*.e2e.ts) picks them up.
 * Needs /usr/bin/chromium: `bash test/browser/install-chromium.sh` installs it.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/browser'],
	testMatch: ['**/*.browser.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
	},
	// The e2e global setup: builds the package (TEMPMAIL_E2E_SKIP_BUILD=1 skips that)
	// and installs the n8n runtime when missing.
	globalSetup: '<rootDir>/test/e2e/global-setup.js',
	// One n8n plus one Chromium is plenty for two shared cores.
	maxWorkers: 1,
	testTimeout: 240_000,
	verbose: true,
};
