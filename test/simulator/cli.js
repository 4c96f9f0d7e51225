#!/usr/bin/env node
'use strict';

/*
 * Runs the simulator by hand:
 *   node test/simulator/cli.js --port 8025 [--host 127.0.0.1] [--ttl 600] [--latency 0] [--key KEY]
 */

const { parseArgs } = require('node:util');
const { startSimulator } = require('./index');

/**
 * @param {string | undefined} value
 * @param {string} flag
 * @param {number} fallback
 */
function number(value, flag, fallback) {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (!Number.isFinite(n) || n < 0)
		throw new Error(`--${flag} must be a non-negative number, got "${value}"`);
	return n;
}

async function main() {
	const { values } = parseArgs({
		options: {
			port: { type: 'string' },
			host: { type: 'string' },
			ttl: { type: 'string' },
			latency: { type: 'string' },
			key: { type: 'string' },
			help: { type: 'boolean', short: 'h' },
		},
	});
	if (values.help) {
		console.log(
			'Usage: node test/simulator/cli.js [--port 8025] [--host 127.0.0.1] [--ttl 600] [--latency 0] [--key KEY]',
		);
		return;
	}
	const sim = await startSimulator({
		port: number(values.port, 'port', 8025),
		host: values.host ?? '127.0.0.1',
		ttlSeconds: number(values.ttl, 'ttl', 600),
		latencyMs: number(values.latency, 'latency', 0),
		defaultKey: values.key,
	});
	console.log(`Temp Mail simulator listening on ${sim.url}`);
	console.log(`API key: ${sim.defaultKey}`);
	console.log('Try:');
	console.log(
		`  curl -H 'Authorization: Bearer ${sim.defaultKey}' -H 'Accept: application/json' '${sim.url}/api/domains?type=free'`,
	);
	console.log(`Control (no key): ${sim.url}/__control (see test/simulator/README.md)`);

	let stopping = false;
	const stop = async (/** @type {string} */ signal) => {
		if (stopping) return;
		stopping = true;
		console.log(`${signal}: stopping the simulator`);
		await sim.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((err) => {
	console.error(err instanceof Error ? err.message : err);
	process.exit(1);
});
