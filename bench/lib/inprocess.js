'use strict';
// Trigger and Wait For costs, measured in this process through the in-process n8n engine
// harness (test/harness: n8n-core's real PollContext and WorkflowExecute) against the
// simulator, which runs in its own process so its CPU is not counted here.
const { registerTypeScript } = require('./ts-register');
const { deliverMessages, messageIds } = require('./deliver');
const { median } = require('./stats');

registerTypeScript();
const harness = require('../../test/harness');
const { TempMailTrigger } = require('../../nodes/TempMail/TempMailTrigger.node.ts');
const { TempMail } = require('../../nodes/TempMail/TempMail.node.ts');
const { TempMailApi } = require('../../credentials/TempMailApi.credentials.ts');

const TRIGGER_TYPE = 'n8n-nodes-tempmail.tempMailTrigger';
const NODE_TYPE = 'n8n-nodes-tempmail.tempMail';

async function poll(sim, staticData, mailboxes) {
	const result = await harness.runPoll({
		nodeType: new TempMailTrigger(),
		typeName: TRIGGER_TYPE,
		parameters: { event: 'newMessage', mailboxes },
		credentialTypes: [new TempMailApi()],
		credentials: { tempMailApi: { apiKey: sim.key, baseUrl: sim.url } },
		staticData,
	});
	return { items: result.result?.[0] ?? [], staticData: result.staticData };
}

/** A steady-state poll (one new message since the last): requests, CPU and wall time. */
async function measuredPoll(sim, session, mailboxes, deliverTo) {
	for (const email of deliverTo) await sim.control.deliver(email, { subject: 'A new message' });
	await sim.control.clearRequests();
	const cpu = process.cpuUsage();
	const started = process.hrtime.bigint();
	const { items, staticData } = await poll(sim, session.staticData, mailboxes);
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	const used = process.cpuUsage(cpu);
	session.staticData = staticData;
	const requests = (await sim.control.requests()).length;
	if (items.length !== deliverTo.length)
		throw new Error(`poll emitted ${items.length} items, expected ${deliverTo.length}`);
	return { requests, cpuMs: (used.user + used.system) / 1000, wallMs };
}

async function runTrigger({ sim, messages, polls, log }) {
	const big = await sim.control.createMailbox({ key: sim.key });
	await deliverMessages(sim.control, big.email, messageIds('benchtrigger', messages));
	const session = { staticData: {} };
	// The first poll after activation records what is there and emits nothing.
	await poll(sim, session.staticData, big.email).then((r) => (session.staticData = r.staticData));
	const samples = [];
	for (let i = 0; i < polls; i++)
		samples.push(await measuredPoll(sim, session, big.email, [big.email]));
	const stateBytes = Buffer.byteLength(JSON.stringify(session.staticData));
	log(
		`trigger: ${messages} messages, poll CPU ${median(samples.map((s) => s.cpuMs)).toFixed(1)} ms, state ${stateBytes} bytes`,
	);

	// Three mailboxes in one trigger: requests per poll per mailbox.
	const boxes = [];
	for (let i = 0; i < 3; i++) boxes.push((await sim.control.createMailbox({ key: sim.key })).email);
	const multi = { staticData: {} };
	await poll(sim, multi.staticData, boxes.join(', ')).then(
		(r) => (multi.staticData = r.staticData),
	);
	const three = await measuredPoll(sim, multi, boxes.join(', '), boxes);

	return {
		messages,
		polls: samples,
		requestsPerPollPerMailbox: Math.max(...samples.map((s) => s.requests)),
		requestsPerPollPerMailboxOfThree: three.requests / boxes.length,
		pollCpuMs: median(samples.map((s) => s.cpuMs)),
		pollWallMs: median(samples.map((s) => s.wallMs)),
		stateBytes,
		stateBytesPerMessage: stateBytes / (messages + polls),
	};
}

/** Message → Wait For: from the delivery (control answer) to the node's output. */
async function runWaitFor({ sim, intervalSeconds, offsetsMs, log }) {
	const latencies = [];
	for (const offsetMs of offsetsMs) {
		const box = await sim.control.createMailbox({ key: sim.key });
		let deliveredAt = 0;
		const delivery = new Promise((resolve, reject) =>
			setTimeout(() => {
				sim.control
					.deliver(box.email, { subject: 'Your code is 123456' })
					.then(() => (deliveredAt = performance.now()))
					.then(resolve, reject);
			}, offsetMs),
		);
		const result = await harness.runWorkflow({
			workflow: {
				nodes: [
					harness.startNode(),
					harness.workflowNode(
						'Wait For',
						NODE_TYPE,
						{
							resource: 'message',
							operation: 'waitFor',
							email: box.email,
							timeout: 60,
							interval: intervalSeconds,
						},
						{ credentials: { tempMailApi: { id: '1', name: 'Temp Mail' } } },
					),
				],
				connections: harness.chain('Start', 'Wait For'),
			},
			nodeTypes: { [NODE_TYPE]: new TempMail() },
			credentialTypes: [new TempMailApi()],
			credentials: { tempMailApi: { apiKey: sim.key, baseUrl: sim.url } },
		});
		const outputAt = performance.now();
		await delivery;
		const error = result.errorOf('Wait For');
		if (error) throw new Error(`Wait For failed: ${error.message}`);
		const latencyMs = outputAt - deliveredAt;
		latencies.push({ offsetMs, latencyMs });
		log(
			`wait for: delivered after ${offsetMs} ms, output ${latencyMs.toFixed(0)} ms later (interval ${intervalSeconds} s)`,
		);
	}
	return {
		intervalSeconds,
		samples: latencies,
		medianLatencyMs: median(latencies.map((l) => l.latencyMs)),
		maxLatencyMs: Math.max(...latencies.map((l) => l.latencyMs)),
	};
}

async function closeHarness() {
	await harness.cleanupEnvironment?.();
}

module.exports = { runTrigger, runWaitFor, closeHarness };
