#!/usr/bin/env node
'use strict';
/*
 * Where the time of one big download goes: our Attachment → Download and the HTTP Request
 * node (Response Format: File) in the real n8n, and plain Node piping the same bytes into a
 * file (no n8n), in turns, each `n8n execute` run with its CPU time (utime + stime of the
 * n8n process, from /proc, start-up included) and, with --cpu-prof, a V8 CPU profile per
 * run (open it in Chrome DevTools).
 *
 *   node bench/profile-download.js [--size-mb 1024] [--rounds 3] [--cpu-prof DIR]
 */
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

const { gcSummary, liveHeapMb } = require('./lib/gc-trace');
const { deliverAttachments, downloadPlan, MiB } = require('./lib/memory');
const { prepareN8n, executeMeasured, nodeRun } = require('./lib/n8n');
const { startSimulatorProcess } = require('./lib/simulator-process');
const { streamGrowth } = require('./lib/stream-floor');
const { benchCredentials, benchWorkflows, REQUEST_NODE } = require('./lib/workflows');

async function main() {
	const { values } = parseArgs({
		options: {
			'size-mb': { type: 'string', default: '1024' },
			rounds: { type: 'string', default: '3' },
			'cpu-prof': { type: 'string' },
			'trace-gc': { type: 'boolean' },
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
		const [d0] = plan;
		const url = `${sim.url}/api/messages/${encodeURIComponent(d0.messageId)}/attachments/${encodeURIComponent(d0.fileName)}`;
		for (let round = 0; round < Number(values.rounds); round++) {
			const plain = await streamGrowth(
				env.runtime.node,
				url,
				sim.key,
				`${env.userFolder}/plain.bin`,
			);
			process.stdout.write(
				`${JSON.stringify({ round: round + 1, variant: 'plain Node', ms: Math.round(plain.ms) })}\n`,
			);
			const order = round % 2 === 0 ? ['ours', 'http'] : ['http', 'ours'];
			for (const variant of order) {
				env.clearBinaryData();
				const extraEnv = {};
				if (values['cpu-prof']) {
					const dir = path.resolve(values['cpu-prof'], `${variant}-${round + 1}`);
					fs.mkdirSync(dir, { recursive: true });
					extraEnv.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${dir}`;
				}
				const { run, peakRssBytes, cpuMs, stdout } = await executeMeasured(env, d[variant].id, {
					extraEnv,
					// Not allowed in NODE_OPTIONS: a flag of the n8n process itself.
					nodeArgs: values['trace-gc'] ? ['--trace-gc'] : [],
				});
				if (values['trace-gc'])
					process.stdout.write(
						`${JSON.stringify({ liveHeapMb: liveHeapMb(stdout), ...gcSummary(stdout) })}\n`,
					);
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
