#!/usr/bin/env node
'use strict';
/*
 * The benchmark: our node against n8n's own HTTP Request node in the same real n8n
 * (scripts/runtime), plus the trigger's and Wait For's costs. Prints one table, writes
 * <out>/bench.json and <out>/bench.png (chart, via Chromium).
 *
 *   npm run bench          full run (1,000 items × 3 rounds, 1 MB / 200 MB / 1 GB), ~5 min
 *   npm run bench:smoke    the same code, small: 20 items, 1 round, 1 MB / 4 MB
 *   node bench/run.js [--smoke] [--out DIR] [--no-chart]   (after npm run build)
 *   node bench/run.js --render bench/results/bench.json      table and chart again from saved figures
 *
 * Exit code 0 whatever the figures (they are measurements, not tests); 1 if a run failed.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const runtime = require('../scripts/runtime');
const { chartHtml, renderPng } = require('./lib/chart');
const { deliverMessages, messageIds } = require('./lib/deliver');
const { allFigures, formatTable } = require('./lib/figures');
const { deliverAttachments, downloadPlan, heldHeapMb, runMemory, MiB } = require('./lib/memory');
const { prepareN8n } = require('./lib/n8n');
const { startSimulatorProcess } = require('./lib/simulator-process');
const { runStreamFloor } = require('./lib/stream-floor');
const { runThroughput } = require('./lib/throughput');
const { benchCredentials, benchWorkflows } = require('./lib/workflows');

const ROOT = path.join(__dirname, '..');

/** What each mode runs. Targets come from issues #10 and #19. */
const MODES = {
	full: {
		items: 1000,
		rounds: 3,
		latencyMs: 20,
		downloadSizes: [1 * MiB, 200 * MiB, 1024 * MiB],
		// Five: ours and HTTP Request stream through the same n8n code, so their 1 GB times
		// differ by less than one run's noise, and a median of three flips between them.
		memoryRounds: 5,
		burst: { messages: 50, attachments: 2, sizeBytes: 1 * MiB, rounds: 3 },
		triggerMessages: 1000,
		triggerPolls: 5,
		waitForIntervalSeconds: 2,
		// Deliveries at different phases of the 2 s polling cycle.
		waitForOffsetsMs: [700, 1900, 3100],
	},
	smoke: {
		items: 20,
		rounds: 1,
		latencyMs: 20,
		downloadSizes: [1 * MiB, 4 * MiB],
		memoryRounds: 1,
		burst: { messages: 10, attachments: 2, sizeBytes: 64 * 1024, rounds: 1 },
		triggerMessages: 50,
		triggerPolls: 2,
		waitForIntervalSeconds: 2,
		waitForOffsetsMs: [700],
	},
};
const MAX_IN_FLIGHT_TARGET = 20;

function machine() {
	let osName = `${os.type()} ${os.release()}`;
	try {
		const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(fs.readFileSync('/etc/os-release', 'utf8'));
		if (pretty) osName = pretty[1];
	} catch {
		/* keep uname */
	}
	const cpus = os.cpus();
	return {
		cpuModel: cpus[0]?.model?.trim() ?? 'unknown CPU',
		cpus: cpus.length,
		memoryGb: Math.round(os.totalmem() / 1024 ** 3),
		os: osName,
		loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
	};
}

async function quotaOf(sim) {
	const accounts = await (await fetch(`${sim.url}/__control/accounts`)).json();
	const list = Array.isArray(accounts) ? accounts : (accounts.accounts ?? []);
	const account = list.find((a) => a.key === sim.key);
	return account ? { limit: account.quotaLimit, used: account.used } : null;
}

/** bench.json, bench.html and bench.png in outDir, and the table on stdout. */
async function writeResults(results, outDir, { chart, log }) {
	const jsonFile = path.join(outDir, 'bench.json');
	fs.writeFileSync(jsonFile, `${JSON.stringify(results, null, '\t')}\n`);
	const html = chartHtml(results);
	fs.writeFileSync(path.join(outDir, 'bench.html'), html);
	if (chart) {
		await renderPng(html, path.join(outDir, 'bench.png'));
		log(`chart: ${path.relative(ROOT, path.join(outDir, 'bench.png'))}`);
	}
	process.stdout.write(`\n${formatTable(results.figures)}\n\n`);
	log(
		`results: ${path.relative(ROOT, jsonFile)}; ${results.passed ? 'every target met' : 'some targets NOT met'}`,
	);
	if (path.resolve(outDir) === path.join(ROOT, 'bench', 'results') && results.mode === 'full') {
		updateReadme(results);
		log('README.md: Performance table rewritten');
	}
}

const README = path.join(ROOT, 'README.md');
const README_START = '<!-- bench:start -->';
const README_END = '<!-- bench:end -->';

/** The README's Performance table and its "Measured on" line, between the bench markers. */
function updateReadme(results) {
	const text = fs.readFileSync(README, 'utf8');
	const start = text.indexOf(README_START);
	const end = text.indexOf(README_END);
	if (start < 0 || end < start)
		throw new Error(`README.md has no ${README_START} … ${README_END} section`);
	const m = results.machine;
	const when = results.date.replace('T', ' ').slice(0, 16);
	const load = (l) => (l ? l[0].toFixed(1) : '?');
	const section = [
		README_START,
		formatTable(results.figures),
		'',
		`Measured ${when} UTC by \`npm run bench\` (${results.mode} run, ${results.durationSeconds} s) on a ${m.cpus}-core ${m.cpuModel}`,
		`(${m.memoryGb} GB RAM, ${m.os}), load average ${load(m.loadAverageAtStart)} at the start and ${load(m.loadAverageAtEnd)} at the end.`,
		'Every figure and every round: `bench/results/bench.json`.',
		README_END,
	].join('\n');
	fs.writeFileSync(README, text.slice(0, start) + section + text.slice(end + README_END.length));
}

/** --render FILE: figures, table and chart again from a saved run's raw measurements. */
async function rerender(file, chart) {
	const results = JSON.parse(fs.readFileSync(file, 'utf8'));
	results.figures = allFigures(results.raw, results.settings, results.versions.node);
	results.passed = results.figures.every((f) => f.pass !== false);
	await writeResults(results, path.dirname(path.resolve(file)), {
		chart,
		log: (line) => process.stdout.write(`[bench] ${line}\n`),
	});
}

async function main() {
	const { values } = parseArgs({
		options: {
			smoke: { type: 'boolean' },
			out: { type: 'string' },
			'no-chart': { type: 'boolean' },
			render: { type: 'string' },
		},
	});
	if (values.render) return await rerender(values.render, !values['no-chart']);
	const mode = values.smoke ? 'smoke' : 'full';
	const settings = MODES[mode];
	const outDir = path.resolve(
		values.out ??
			(mode === 'full'
				? path.join(ROOT, 'bench', 'results')
				: path.join(ROOT, 'test', '.tmp', 'bench-smoke')),
	);
	fs.mkdirSync(outDir, { recursive: true });
	const started = Date.now();
	const log = (line) =>
		process.stdout.write(`[bench +${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
	const info = machine();
	log(`${mode} run on ${info.cpuModel} × ${info.cpus}, load ${info.loadAverageAtStart.join(' ')}`);

	const sim = await startSimulatorProcess();
	let env;
	try {
		const inbox = await sim.control.createMailbox({ key: sim.key });
		const ids = messageIds('benchmsg', settings.items);
		await deliverMessages(sim.control, inbox.email, ids);
		const plan = downloadPlan(settings.downloadSizes);
		await deliverAttachments(sim, inbox.email, plan);
		const workflows = benchWorkflows({ baseUrl: sim.url, ids, downloads: plan });
		const all = [
			workflows.baseline,
			workflows.getOurs,
			workflows.getHttp,
			workflows.deleteOurs,
			workflows.deleteHttp,
		];
		for (const d of Object.values(workflows.download)) all.push(d.ours, d.http);
		log('installing the package into a fresh n8n user folder, importing credentials and workflows');
		env = await prepareN8n({
			credentials: benchCredentials({ baseUrl: sim.url, key: sim.key }),
			workflows: all,
		});

		const throughput = await runThroughput({
			sim,
			env,
			workflows,
			mailbox: inbox.email,
			ids,
			rounds: settings.rounds,
			latencyMs: settings.latencyMs,
			log,
		});
		const memory = await runMemory({ env, workflows, plan, rounds: settings.memoryRounds, log });
		const streamFloor = await runStreamFloor({
			env,
			sim,
			plan,
			rounds: settings.memoryRounds,
			log,
		});
		const streamFloorWithHeap = await runStreamFloor({
			env,
			sim,
			plan,
			rounds: settings.memoryRounds,
			heapMb: heldHeapMb(memory),
			log,
		});

		// Loaded only now: the in-process engine (n8n-core) is not needed before.
		const { runTrigger, runWaitFor, closeHarness } = require('./lib/inprocess');
		const { runBurst } = require('./lib/burst');
		const burst = await runBurst({ sim, ...settings.burst, latencyMs: settings.latencyMs, log });
		const trigger = await runTrigger({
			sim,
			messages: settings.triggerMessages,
			polls: settings.triggerPolls,
			log,
		});
		const waitFor = await runWaitFor({
			sim,
			intervalSeconds: settings.waitForIntervalSeconds,
			offsetsMs: settings.waitForOffsetsMs,
			log,
		});
		await closeHarness();

		const raw = { throughput, memory, streamFloor, streamFloorWithHeap, burst, trigger, waitFor };
		const fullSettings = {
			...settings,
			maxInFlightTarget: MAX_IN_FLIGHT_TARGET,
		};
		const figures = allFigures(raw, fullSettings, runtime.NODE_VERSION);
		const results = {
			version: 1,
			mode,
			date: new Date().toISOString(),
			durationSeconds: Math.round((Date.now() - started) / 1000),
			machine: { ...info, loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))) },
			versions: { n8n: runtime.N8N_VERSION, node: runtime.NODE_VERSION, httpRequestNode: 4.5 },
			settings: fullSettings,
			method: {
				nodeTime:
					"n8n's own executionTime of the request node in the run data of `n8n execute --rawOutput` (median of rounds)",
				workflowMinusBaseline:
					'run stoppedAt − startedAt, minus the median of an identical workflow without the request node',
				inFlight: "the simulator's peak of concurrent /api requests during one run",
				peakRss:
					'VmHWM of the `n8n execute` process (/proc/<pid>/status), binary data mode filesystem',
				streamFloor:
					'VmHWM growth and request-to-file-closed time of a fresh process of the same Node binary piping http.get() into a file (no n8n): the floor for any streamed download',
				streamFloorWithHeap:
					"the same, the process first filling its heap with small live objects up to the heap n8n keeps alive during our node's largest download (median heap after a full collection, from --trace-gc): the floor for any streamed download inside n8n",
				burst:
					'in-process engine: wall time of Message → Get Many and of one trigger poll over the same mailbox (every message new, Download Attachments on) at Concurrency 1 and at the default, alternating (median of rounds); most /api requests in flight',
				triggerCpu:
					'process.cpuUsage() around one steady-state poll in the in-process n8n engine (simulator in another process)',
				waitForLatency: 'from the delivery (control API answer) to the end of the in-process run',
			},
			quota: await quotaOf(sim),
			figures,
			passed: figures.every((f) => f.pass !== false),
			raw,
		};
		await writeResults(results, outDir, { chart: !values['no-chart'], log });
	} finally {
		env?.cleanup();
		await sim.close();
	}
}

main().catch((error) => {
	process.stderr.write(`bench failed: ${error.stack || error}\n`);
	process.exit(1);
});
