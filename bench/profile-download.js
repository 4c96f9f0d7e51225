#!/usr/bin/env node
'use strict';
/*
 * Where the time of one big download goes: our Attachment → Download and the HTTP Request
 * node (Response Format: File) in the real n8n, alternating, each `n8n execute` run with
 * its CPU time (utime + stime of the n8n process, from /proc) and, with --cpu-prof, a V8
 * CPU profile per run (open in Chrome DevTools, or summarise with --summary).
 *
 *   node bench/profile-download.js [--size-mb 1024] [--rounds 3] [--cpu-prof DIR]
 */
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

const { deliverAttachments, downloadPlan, MiB } = require('./lib/memory');
const { prepareN8n, executeMeasured, nodeRun } = require('./lib/n8n');
const { startSimulatorProcess } = require('./lib/simulator-process');
const { benchCredentials, benchWorkflows, REQUEST_NODE } = require('./lib/workflows');

async function main() {
	const { values } = parseArgs({
		options: {
			'size-mb': { type: 'string', default: '1024' },
			rounds: { type: 'string', default: '3' },
			'cpu-prof': { type: 'string' },
		},
	});
	const plan = downloadPlan([Number(values['size-mb']) * MiB]);
	const sim = await startSimulatorProcess();
	let env;
	try {
		const inbox = await sim.control.createMailbox({ key: sim.key });
		await deliverAttachments(sim, inbox.email, plan);
		const workflows = benchWorkflows({ baseUrl: sim.url, ids: ['x'], downloads: plan });
		const d = workflows.download[plan[0].label];
		env = await prepareN8n({
			credentials: benchCredentials({ baseUrl: sim.url, key: sim.key }),
			workflows: [d.ours, d.http],
		});
		for (let round = 0; round < Number(values.rounds); round++) {
			const order = round % 2 === 0 ? ['ours', 'http'] : ['http', 'ours'];
			for (const variant of order) {
				env.clearBinaryData();
				const extraEnv = {};
				if (values['cpu-prof']) {
					const dir = path.resolve(values['cpu-prof'], `${variant}-${round + 1}`);
					fs.mkdirSync(dir, { recursive: true });
					extraEnv.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${dir}`;
				}
				const { run, peakRssBytes, cpuMs } = await executeMeasured(env, d[variant].id, {
					extraEnv,
				});
				const node = nodeRun(run, REQUEST_NODE);
				process.stdout.write(
					`${JSON.stringify({ round: round + 1, variant, nodeMs: node.executionTimeMs, cpuMs, peakRssMb: Math.round(peakRssBytes / MiB) })}\n`,
				);
			}
		}
	} finally {
		env?.cleanup();
		await sim.close();
	}
}

main().catch((error) => {
	process.stderr.write(`profile failed: ${error.stack || error}\n`);
	process.exit(1);
});
