'use strict';
// The API simulator in a child process of its own, so that its work (serializing
// 1,000 messages, streaming a 1 GB attachment) is never counted as ours: not in the
// CPU time of the in-process trigger poll, not in n8n's memory.
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const path = require('node:path');

const { freePort } = require('../../scripts/runtime');
const { SimulatorControl } = require('../../test/simulator');

const CLI = path.join(__dirname, '..', '..', 'test', 'simulator', 'cli.js');

/** @returns {Promise<{url: string, key: string, control: SimulatorControl, close(): Promise<void>}>} */
async function startSimulatorProcess() {
	const port = await freePort();
	const key = `bench-${crypto.randomBytes(12).toString('hex')}`;
	// A day of mailbox life: no mailbox expires during a run.
	const child = spawn(
		process.execPath,
		[CLI, '--port', String(port), '--key', key, '--ttl', '86400'],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let output = '';
	await new Promise((resolve, reject) => {
		const onData = (chunk) => {
			output += chunk;
			if (output.includes('listening on')) resolve();
		};
		child.stdout.setEncoding('utf8').on('data', onData);
		child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
		child.once('exit', (code) =>
			reject(new Error(`the simulator exited (${code}) before listening:\n${output}`)),
		);
	});
	const url = `http://127.0.0.1:${port}`;
	const control = new SimulatorControl(url);
	// 1,000-item rounds add up: never let the monthly quota stop a run.
	await control.createAccount({ key, quotaLimit: 100_000_000 });
	return {
		url,
		key,
		control,
		close: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		},
	};
}

module.exports = { startSimulatorProcess };
