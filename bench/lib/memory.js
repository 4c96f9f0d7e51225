'use strict';
// One attachment per size, downloaded in filesystem binary mode by our node and by the
// HTTP Request node (Response Format: File): the peak RSS (VmHWM) of the `n8n execute`
// process, the same way for both, n8n's own node time, and the heap n8n keeps alive (from
// --trace-gc) for the plain-Node reference that holds as much.
const { liveHeapMb } = require('./gc-trace');
const { executeMeasured, nodeRun } = require('./n8n');
const { median } = require('./stats');
const { REQUEST_NODE } = require('./workflows');

const MiB = 1024 * 1024;

/** Sizes downloaded; the message ids and names the workflows are built with. */
function downloadPlan(sizes) {
	return sizes.map((size, index) => ({
		label: size >= 1024 * MiB ? `${size / (1024 * MiB)} GB` : `${size / MiB} MB`,
		size,
		messageId: `benchdownload${index + 1}`,
		fileName: `attachment-${index + 1}.bin`,
	}));
}

async function deliverAttachments(sim, mailbox, plan) {
	for (const d of plan) {
		await sim.control.deliver(mailbox, {
			id: d.messageId,
			subject: `Attachment of ${d.label}`,
			attachments: [
				{
					name: d.fileName,
					contentType: 'application/octet-stream',
					size: d.size,
					seed: d.fileName,
				},
			],
		});
	}
}

/** The stored size of a downloaded binary, in bytes (n8n 2.41 records `bytes`). */
function storedBytes(item) {
	const binary = item?.binary?.data;
	return typeof binary?.bytes === 'number' ? binary.bytes : null;
}

async function runMemory({ env, workflows, plan, rounds = 1, log }) {
	const samples = [];
	for (let round = 0; round < rounds; round++) {
		for (const [index, d] of plan.entries())
			await runSize({
				env,
				workflows,
				d,
				round,
				first: (index + round) % 2 === 0 ? 'ours' : 'http',
				samples,
				log,
			});
	}
	env.clearBinaryData();
	return { samples };
}

/** One size, both nodes, in the given order. */
async function runSize({ env, workflows, d, round, first, samples, log }) {
	for (const variant of first === 'ours' ? ['ours', 'http'] : ['http', 'ours']) {
		env.clearBinaryData();
		const { run, peakRssBytes, seconds, crashedOnExit, stdout } = await executeMeasured(
			env,
			workflows.download[d.label][variant].id,
			{ nodeArgs: ['--trace-gc'] },
		);
		const node = nodeRun(run, REQUEST_NODE);
		const bytes = storedBytes(node.items[0]);
		if (bytes !== null && bytes !== d.size)
			throw new Error(
				`download ${d.label} (${variant}): stored ${bytes} bytes, expected ${d.size}`,
			);
		samples.push({
			label: d.label,
			size: d.size,
			variant,
			round: round + 1,
			peakRssBytes,
			nodeMs: node.executionTimeMs,
			storedBytes: bytes,
			processSeconds: seconds,
			crashedOnExit,
			liveHeapMb: liveHeapMb(stdout),
		});
		log(
			`round ${round + 1} download ${d.label} ${variant}: peak RSS ${(peakRssBytes / MiB).toFixed(0)} MB, node ${node.executionTimeMs} ms, live heap ${liveHeapMb(stdout)} MB`,
		);
	}
}

/** The live heap of n8n running our node on the largest download, in MB (median of rounds). */
function heldHeapMb(memory) {
	const largest = Math.max(...memory.samples.map((s) => s.size));
	const heaps = memory.samples
		.filter((s) => s.size === largest && s.variant === 'ours' && s.liveHeapMb !== null)
		.map((s) => s.liveHeapMb);
	return heaps.length ? Math.round(median(heaps)) : 0;
}

module.exports = { downloadPlan, deliverAttachments, runMemory, heldHeapMb, MiB };
