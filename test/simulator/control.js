'use strict';

const { ApiError } = require('./http');
const { compileRoutes } = require('./router');
const { mailboxData, messageData } = require('./serialize');
const { listSignUps, signUp } = require('./signup');
const { applyVariants } = require('./variants');

/**
 * @typedef {(sim: import('./simulator').Simulator, body: Record<string, any>) => unknown} ControlHandler
 * Control routes need no key and never touch quota, faults, latency or the request log:
 * they are the test's hands, not API traffic.
 */

/** @type {ControlHandler} */
function upsertAccount(sim, body) {
	return sim.state.accounts.describe(sim.state.accounts.upsert(body));
}

/** @type {ControlHandler} */
function listAccounts(sim) {
	return [...sim.state.accounts.accounts.values()].map((a) => sim.state.accounts.describe(a));
}

/** @type {ControlHandler} */
function createMailbox(sim, { key = sim.defaultKey, email, ttlSeconds }) {
	const mailbox = sim.state.createMailbox(sim.state.accounts.get(key), { email, ttlSeconds });
	return mailboxData(mailbox, sim.clock());
}

/** @type {ControlHandler} */
function expireMailbox(sim, { email }) {
	if (typeof email !== 'string') throw new ApiError(400, '"email" is required.');
	sim.state.expireMailbox(email);
	return { expired: email };
}

/** @type {ControlHandler} */
function deliverMessage(sim, { email, ...spec }) {
	return messageData(sim.state.deliver(email, spec), sim.publicBaseUrl());
}

/** @type {ControlHandler} */
function queueFaults(sim, body) {
	const queued = sim.faults.add(body);
	return { queued, pending: sim.faults.queue.length };
}

/** @type {ControlHandler} */
function listFaults(sim) {
	return sim.faults.queue;
}

/** @type {ControlHandler} */
function clearFaults(sim) {
	sim.faults.clear();
	return { pending: 0 };
}

/** @type {ControlHandler} */
function listRequests(sim) {
	return sim.traffic.log;
}

/** @type {ControlHandler} */
function clearRequests(sim) {
	sim.traffic.clear();
	return sim.traffic.stats();
}

/** @type {ControlHandler} */
function stats(sim) {
	return sim.traffic.stats();
}

/** @type {ControlHandler} */
function configure(sim, { latencyMs, ttlSeconds, publicBaseUrl }) {
	for (const [field, value] of Object.entries({ latencyMs, ttlSeconds })) {
		if (value !== undefined && !(typeof value === 'number' && value >= 0))
			throw new ApiError(400, `"${field}" must be a non-negative number.`);
	}
	if (
		publicBaseUrl !== undefined &&
		publicBaseUrl !== null &&
		!/^https?:\/\/[^/]+/.test(String(publicBaseUrl))
	) {
		throw new ApiError(
			400,
			'"publicBaseUrl" must be an http(s) URL, or null for the simulator\'s own.',
		);
	}
	if (latencyMs !== undefined) sim.config.latencyMs = latencyMs;
	if (ttlSeconds !== undefined) sim.config.ttlSeconds = ttlSeconds;
	if (publicBaseUrl !== undefined)
		sim.config.publicBaseUrl =
			publicBaseUrl === null ? null : String(publicBaseUrl).replace(/\/+$/, '');
	return currentConfig(sim);
}

/** @param {import('./simulator').Simulator} sim */
function currentConfig(sim) {
	return {
		latencyMs: sim.config.latencyMs,
		ttlSeconds: sim.config.ttlSeconds,
		publicBaseUrl: sim.publicBaseUrl(),
	};
}

/** @type {ControlHandler} */
function variants(sim, changes) {
	return applyVariants(sim.variants, changes);
}

/** @type {ControlHandler} */
function reset(sim) {
	sim.reset();
	return { defaultKey: sim.defaultKey };
}

const CONTROL_ROUTES = compileRoutes({
	'GET /__control/accounts': listAccounts,
	'POST /__control/accounts': upsertAccount,
	'POST /__control/mailboxes': createMailbox,
	'POST /__control/mailboxes/expire': expireMailbox,
	'POST /__control/messages': deliverMessage,
	'GET /__control/faults': listFaults,
	'POST /__control/faults': queueFaults,
	'DELETE /__control/faults': clearFaults,
	'GET /__control/requests': listRequests,
	'DELETE /__control/requests': clearRequests,
	'GET /__control/stats': stats,
	'GET /__control/config': currentConfig,
	'POST /__control/config': configure,
	'GET /__control/variants': (sim) => sim.variants,
	'POST /__control/variants': variants,
	'POST /__control/reset': reset,
	'POST /__control/signup': signUp,
	'GET /__control/signups': listSignUps,
});

module.exports = { CONTROL_ROUTES };
