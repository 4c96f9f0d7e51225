'use strict';
// Message → Get and Message → Delete over many items in the real n8n: our node at its
// defaults against the HTTP Request node at its defaults, alternating which goes first,
// with the simulator adding latency to every request and counting the peak in flight.
const { deliverMessages } = require('./deliver');
const { executeMeasured, nodeRun, workflowMs } = require('./n8n');
const { REQUEST_NODE } = require('./workflows');
const { median } = require('./stats');

const VARIANTS = ['ours', 'http'];

/**
 * @returns {Promise<{ baselineMs: number[], operations: Record<'get'|'delete', Record<'ours'|'http', Array<{nodeMs: number, workflowMs: number, maxInFlight: number, requests: number}>>> }>}
 */
async function runThroughput({ sim, env, workflows, mailbox, ids, rounds, latencyMs, log }) {
	const result = {
		items: ids.length,
		rounds,
		latencyMs,
		baselineMs: [],
		operations: { get: { ours: [], http: [] }, delete: { ours: [], http: [] } },
	};
	const byRole = {
		get: { ours: workflows.getOurs, http: workflows.getHttp },
		delete: { ours: workflows.deleteOurs, http: workflows.deleteHttp },
	};
	let present = true;
	/** Delivers the messages again (same ids) after a Delete round, without the latency. */
	const refill = async () => {
		await sim.control.config({ latencyMs: 0 });
		await deliverMessages(sim.control, mailbox, ids);
		await sim.control.config({ latencyMs });
		present = true;
	};
	await sim.control.config({ latencyMs });
	try {
		for (let round = 0; round < rounds; round++) {
			const order = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
			const baseline = await executeMeasured(env, workflows.baseline.id);
			result.baselineMs.push(workflowMs(baseline.run));
			for (const operation of ['get', 'delete']) {
				for (const variant of order) {
					if (!present) await refill();
					await sim.control.clearRequests();
					const { run, crashedOnExit } = await executeMeasured(env, byRole[operation][variant].id, {
						beforeRetry: async () => {
							if (operation === 'delete') await refill();
							await sim.control.clearRequests();
						},
					});
					const node = nodeRun(run, REQUEST_NODE);
					const failed = node.items.filter(
						(item) => item.json && item.json.error !== undefined,
					).length;
					if (node.items.length !== ids.length || failed > 0) {
						throw new Error(
							`${operation} (${variant}): ${node.items.length} items out, ${failed} errors, expected ${ids.length} results`,
						);
					}
					const stats = await sim.control.stats();
					const sample = {
						nodeMs: node.executionTimeMs,
						workflowMs: workflowMs(run),
						maxInFlight: stats.maxInFlight,
						requests: stats.requests,
						crashedOnExit,
					};
					result.operations[operation][variant].push(sample);
					if (operation === 'delete') present = false;
					log(
						`round ${round + 1}/${rounds} ${operation} ${variant}: node ${sample.nodeMs} ms, ${sample.maxInFlight} in flight, ${sample.requests} requests`,
					);
				}
			}
		}
	} finally {
		await sim.control.config({ latencyMs: 0 });
	}
	return summarize(result);
}

function summarize(result) {
	const baseline = median(result.baselineMs);
	const summary = {};
	for (const [operation, variants] of Object.entries(result.operations)) {
		summary[operation] = {};
		for (const [variant, samples] of Object.entries(variants)) {
			summary[operation][variant] = {
				nodeMs: median(samples.map((s) => s.nodeMs)),
				workflowMinusBaselineMs: median(samples.map((s) => s.workflowMs)) - baseline,
				maxInFlight: Math.max(...samples.map((s) => s.maxInFlight)),
				requestsPerRun: median(samples.map((s) => s.requests)),
			};
		}
	}
	return { ...result, baselineWorkflowMs: baseline, summary };
}

module.exports = { runThroughput };
