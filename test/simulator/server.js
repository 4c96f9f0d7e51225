'use strict';

const http = require('node:http');
const { pipeline } = require('node:stream');
const { API_ROUTES } = require('./api');
const { CONTROL_ROUTES } = require('./control');
const { sendFault } = require('./faults');
const { isoSeconds } = require('./format');
const { ApiError, parseRequestTarget, readJsonBody, sendJson } = require('./http');
const { matchRoute } = require('./router');
const { jitterDelay, withExtraFields } = require('./variants');

const MALFORMED_PATH = 'The request path contains malformed percent-encoding.';

/**
 * @param {import('./simulator').Simulator} sim
 * @returns {http.Server}
 */
function createServer(sim) {
	return http.createServer((req, res) => {
		route(sim, req, res).catch((/** @type {Error} */ err) => {
			// A simulator bug must surface in the test, not leave the client hanging.
			if (!res.headersSent)
				sendJson(res, 500, { status: false, message: `Simulator error: ${err.message}` });
			else res.destroy(err);
		});
	});
}

/**
 * @param {import('./simulator').Simulator} sim
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
async function route(sim, req, res) {
	const target = parseRequestTarget(req.url ?? '/');
	const area = target.rawPath.split('/')[1];
	if (area === 'api') return handleApi(sim, req, res, target);
	if (area === '__control') return handleControl(sim, req, res, target);
	sendJson(res, 404, {
		status: false,
		message: 'Not found. The API lives under /api, the simulator control under /__control.',
	});
}

/**
 * @param {import('./simulator').Simulator} sim
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {import('./http').RequestTarget} target
 */
async function handleControl(sim, req, res, target) {
	try {
		if (!target.segments) throw new ApiError(400, MALFORMED_PATH);
		const { handler } = matchRoute(CONTROL_ROUTES, req.method ?? '', target.segments);
		sendJson(res, 200, handler(sim, await readJsonBody(req)));
	} catch (err) {
		sendJson(res, ...errorReply(err));
	}
}

/**
 * The order is what a client can observe: a fault is picked when the request arrives
 * (so "the next N requests" means arrival order), then latency, then the key, then
 * the quota, then the endpoint. Only a 2xx answer is counted, before its headers are
 * written, so they show the count including this call.
 * @param {import('./simulator').Simulator} sim
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {import('./http').RequestTarget} target
 */
async function handleApi(sim, req, res, target) {
	const method = req.method ?? '';
	sim.traffic.begin(req, res, target);
	const fault = sim.faults.take(method, target.rawPath);
	const wait = sim.config.latencyMs + jitterDelay(sim.variants);
	if (wait > 0) await sim.sleep(wait);
	if (fault?.kind === 'delay') await sim.sleep(/** @type {number} */ (fault.ms));

	const accounts = sim.state.accounts;
	const account = accounts.byAuthorization(req.headers.authorization);
	if (fault && fault.kind !== 'delay')
		return sendFault(res, fault, account ? accounts.quotaHeaders(account) : {});
	if (!account) return sendJson(res, 401, { status: false, message: 'Unauthenticated.' });

	const quota = accounts.quota(account);
	if (quota.remaining === 0) {
		return sendJson(
			res,
			429,
			{
				status: false,
				message: `Quota exceeded: all ${quota.limit} calls of this period are used. The quota resets at ${isoSeconds(quota.resetAt)}.`,
			},
			{ ...accounts.quotaHeaders(account), 'Retry-After': quota.retryAfterSeconds },
		);
	}

	/** @type {import('./api').Reply} */
	let reply;
	try {
		if (!target.segments) throw new ApiError(400, MALFORMED_PATH);
		const { handler, params } = matchRoute(API_ROUTES, method, target.segments);
		reply = handler({ sim, account, params, query: target.query });
	} catch (err) {
		const [status, body, headers] = errorReply(err);
		reply = { status, body, headers };
	}
	if (reply.status >= 200 && reply.status < 300) account.used++;
	if (sim.variants.extraFields && reply.body !== undefined)
		reply.body = withExtraFields(reply.body);
	sendReply(res, reply, accounts.quotaHeaders(account));
}

/**
 * @param {unknown} err
 * @returns {[number, { status: false, message: string }, Record<string, string>]}
 */
function errorReply(err) {
	if (!(err instanceof ApiError)) throw err;
	return [err.status, { status: false, message: err.message }, err.headers];
}

/**
 * @param {http.ServerResponse} res
 * @param {import('./api').Reply} reply
 * @param {Record<string, string>} quotaHeaders
 */
function sendReply(res, reply, quotaHeaders) {
	const headers = { ...quotaHeaders, ...reply.headers };
	if (reply.raw === undefined) return sendJson(res, reply.status, reply.body, headers);
	res.writeHead(reply.status, headers);
	if (Buffer.isBuffer(reply.raw)) res.end(reply.raw);
	// pipeline honours backpressure and stops generating when the client hangs up.
	else pipeline(reply.raw, res, () => {});
}

module.exports = { createServer };
