'use strict';
// Runs once before the end-to-end tests: builds the package (the tests load dist/
// into n8n the way users get it) and installs the n8n runtime when it is missing.
// Any failure throws, so the run fails loudly instead of skipping tests.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function run(label, command, args) {
	const started = Date.now();
	process.stdout.write(`\n[e2e setup] ${label}\n`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
	if (result.error) throw new Error(`[e2e setup] ${label}: ${result.error.message}`);
	if (result.status !== 0) {
		throw new Error(
			`[e2e setup] ${label} failed (${result.signal || `exit ${result.status}`}); the end-to-end tests cannot run`,
		);
	}
	process.stdout.write(
		`[e2e setup] ${label}: done in ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
	);
}

module.exports = async function globalSetup() {
	if (process.env.TEMPMAIL_E2E_SKIP_BUILD !== '1')
		run('npm run build', 'npm', ['run', 'build', '--silent']);
	run('n8n runtime (installs when missing; minutes on a fresh machine)', process.execPath, [
		path.join(root, 'scripts', 'runtime', 'install.js'),
	]);
};
