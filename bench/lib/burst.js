'use strict';
// A burst of mail with attachments: Message → Get Many and one trigger poll over the same
// mailbox (every message new, Download Attachments on), at Concurrency 1 (one after
// another) and at the default (side by side), in the in-process n8n engine against the
// simulator with latency on every request. Wall time of the node, most requests in flight.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { registerTypeScript } = require('./ts-register');
const { median } = require('./stats');

registerTypeScript();
const harness = require('../../test/harness');
const { TempMailTrigger } = require('../../nodes/TempMail/TempMailTrigger.node.ts');
const { TempMail } = require('../../nodes/TempMail/TempMail.node.ts');
const { TempMailApi } = require('../../credentials/TempMailApi.credentials.ts');

const TRIGGER_TYPE = 'n8n-nodes-tempmail.tempMailTrigger';
const NODE_TYPE = 'n8n-nodes-tempmail.tempMail';

async function burstMailbox(sim, messages, attachments, sizeBytes) {
	const { email } = await sim.control.createMailbox({ key: sim.key });
	const ids = [];
	for (let m = 0; m < messages; m++) {
		const files = [];
		for (let a = 0; a < attachments; a++)
			files.push({
				name: `file-${a + 1}.bin`,
				contentType: 'application/octet-stream',
				size: sizeBytes,
				seed: `burst-${m}-${a}`,
			});
		ids.push((await sim.control.deliver(email, { subject: `Burst ${m}`, attachments: files })).id);
	}
	return { email, ids };
}

/** What a run produced, to check that both ways give the same output. */
function outline(items) {
	return items.map((item) => ({
		id: item.json.id,
		binaries: Object.entries(item.binary ?? {}).map(([key, b]) => `${key}=${b.fileName}`),
	}));
}

async function getMany(sim, email, requestOptions) {
	const result = await harness.runWorkflow({
		workflow: {
			nodes: [
				harness.startNode(),
				harness.workflowNode(
					'Get Many',
					NODE_TYPE,
					{
						resource: 'message',
						operation: 'getAll',
						email,
						returnAll: true,
						options: { downloadAttachments: true },
						requestOptions,
					},
					{ credentials: { tempMailApi: { id: '1', name: 'Temp Mail' } } },
				),
			],
			connections: harness.chain('Start', 'Get Many'),
		},
		nodeTypes: { [NODE_TYPE]: new TempMail() },
		credentialTypes: [new TempMailApi()],
		credentials: { tempMailApi: { apiKey: sim.key, baseUrl: sim.url } },
	});
	const error = result.errorOf('Get Many');
	if (error) throw new Error(`Get Many failed: ${error.message}`);
	return result.outputOf('Get Many');
}

async function triggerPoll(sim, email, requestOptions) {
	const result = await harness.runPoll({
		nodeType: new TempMailTrigger(),
		typeName: TRIGGER_TYPE,
		parameters: {
			event: 'newMessage',
			mailboxes: email,
			options: { downloadAttachments: true, emitExisting: true },
			requestOptions,
		},
		credentialTypes: [new TempMailApi()],
		credentials: { tempMailApi: { apiKey: sim.key, baseUrl: sim.url } },
		staticData: {},
		// A workflow of its own per poll: the trigger remembers, per workflow, the last state
		// it handed n8n (its durable-scheduler guard), and every burst poll starts afresh.
		workflowId: `bench-burst-${crypto.randomUUID()}`,
	});
	return result.result?.[0] ?? [];
}

/** The harness's filesystem binary store, emptied between runs (100 MB per run at full size). */
function clearBinaryData() {
	const root = harness.BINARY_DATA_PATH;
	if (!fs.existsSync(root)) return;
	for (const entry of fs.readdirSync(root))
		fs.rmSync(path.join(root, entry), { recursive: true, force: true });
}

async function timed(sim, run) {
	await sim.control.clearRequests();
	const started = performance.now();
	const items = await run();
	const ms = performance.now() - started;
	const { maxInFlight, requests } = await sim.control.stats();
	return { ms, maxInFlight, requests, items };
}

async function runBurst({ sim, messages, attachments, sizeBytes, latencyMs, rounds, log }) {
	const { email, ids } = await burstMailbox(sim, messages, attachments, sizeBytes);
	const before = await sim.control.config({});
	await sim.control.config({ latencyMs });
	const ways = {
		sequential: { concurrency: 1 },
		parallel: {}, // the node's default Concurrency
	};
	const cases = { getAll: getMany, trigger: triggerPoll };
	const samples = [];
	try {
		// One untimed run of each first: the engine's first run loads and compiles code.
		for (const run of Object.values(cases)) {
			await run(sim, email, ways.parallel);
			clearBinaryData();
		}
		for (let round = 0; round < rounds; round++) {
			for (const [name, run] of Object.entries(cases)) {
				const order = round % 2 === 0 ? ['sequential', 'parallel'] : ['parallel', 'sequential'];
				const outlines = {};
				for (const way of order) {
					const sample = await timed(sim, () => run(sim, email, ways[way]));
					clearBinaryData();
					outlines[way] = JSON.stringify(outline(sample.items));
					if (sample.items.length !== messages)
						throw new Error(`${name} (${way}): ${sample.items.length} items, expected ${messages}`);
					samples.push({ case: name, way, round: round + 1, ...sample, items: undefined });
					log(
						`burst ${name} ${way}: ${sample.ms.toFixed(0)} ms, ${sample.requests} requests, at most ${sample.maxInFlight} in flight`,
					);
				}
				if (outlines.sequential !== outlines.parallel)
					throw new Error(`${name}: side by side gave another output than one after another`);
			}
		}
	} finally {
		await sim.control.config({ latencyMs: before.latencyMs });
	}
	const summary = {};
	for (const name of Object.keys(cases)) {
		const of = (way) => samples.filter((s) => s.case === name && s.way === way);
		summary[name] = {
			sequentialMs: median(of('sequential').map((s) => s.ms)),
			parallelMs: median(of('parallel').map((s) => s.ms)),
			maxInFlight: Math.max(...of('parallel').map((s) => s.maxInFlight)),
		};
	}
	return { messages, attachments, sizeBytes, latencyMs, firstId: ids[0], samples, summary };
}

module.exports = { runBurst };
