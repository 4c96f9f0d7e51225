'use strict';

const { STATUS_CODES } = require('node:http');
const { ApiError, sendJson } = require('./http');

/**
 * @typedef {object} Fault
 * @property {'status' | 'status-false' | 'malformed' | 'html' | 'body' | 'delay' | 'drop' | 'cut'} kind
 * @property {number} [status]
 * @property {string} [message]
 * @property {number} [retryAfter] seconds, sent as Retry-After
 * @property {boolean} [retryAfterDate] send Retry-After as the HTTP date `retryAfter` seconds from now
 * @property {'status-message' | 'errors' | 'message-errors' | 'message' | 'error'} [shape] error body shape of a 'status' fault
 * @property {string} [field] the field an `errors` shape names (default "username")
 * @property {string} [contentType]
 * @property {unknown} [body] sent as is when a string, else as JSON
 * @property {number} [ms] for 'delay'
 * @property {string} [method] only requests with this method
 * @property {string} [pathPrefix] only requests whose raw path starts with this
 */

const KINDS = ['status', 'status-false', 'malformed', 'html', 'body', 'delay', 'drop', 'cut'];
const SHAPES = ['status-message', 'errors', 'message-errors', 'message', 'error'];

/**
 * The error bodies APIs commonly use; the documentation shows none, so a client must read them all.
 * @param {Fault} fault
 * @param {string} text
 * @returns {Record<string, unknown>}
 */
function errorBody(fault, text) {
	const field = fault.field ?? 'username';
	switch (fault.shape ?? 'status-message') {
		case 'errors':
			return { status: false, errors: { [field]: [text] } };
		case 'message-errors':
			return { message: 'The given data was invalid.', errors: { [field]: [text] } };
		case 'message':
			return { message: text };
		case 'error':
			return { error: text };
		default:
			return { status: false, message: text };
	}
}

/**
 * @param {unknown} status
 * @param {boolean} required
 */
function assertStatus(status, required) {
	if (status === undefined && !required) return;
	if (
		!Number.isInteger(status) ||
		/** @type {number} */ (status) < 100 ||
		/** @type {number} */ (status) > 599
	) {
		throw new ApiError(400, 'A fault "status" must be an HTTP status code (100-599).');
	}
}

/** @param {Record<string, any>} fault */
function validate(fault) {
	if (!KINDS.includes(fault?.kind))
		throw new ApiError(400, `A fault "kind" must be one of: ${KINDS.join(', ')}.`);
	assertStatus(fault.status, fault.kind === 'status');
	if (fault.shape !== undefined && !SHAPES.includes(fault.shape))
		throw new ApiError(400, `A fault "shape" must be one of: ${SHAPES.join(', ')}.`);
	if (fault.kind === 'delay' && !(typeof fault.ms === 'number' && fault.ms >= 0))
		throw new ApiError(400, 'A delay fault needs "ms" >= 0.');
	if (fault.kind === 'body' && fault.body === undefined)
		throw new ApiError(400, 'A body fault needs "body".');
	if (
		fault.retryAfter !== undefined &&
		!(Number.isInteger(fault.retryAfter) && fault.retryAfter >= 0)
	) {
		throw new ApiError(400, '"retryAfter" must be a non-negative integer.');
	}
}

/**
 * One-shot faults for the next matching /api requests, first in first out. A request
 * takes the oldest fault whose filters match it; faults that do not match wait.
 */
class FaultQueue {
	constructor() {
		/** @type {Fault[]} */
		this.queue = [];
	}

	/**
	 * @param {Record<string, any>} request `{faults: [...], method?, pathPrefix?}` or one fault with `count`
	 * @returns {number} how many one-shot faults were queued
	 */
	add(request) {
		const list = Array.isArray(request.faults) ? request.faults : [request];
		/** @type {Fault[]} */
		const queued = [];
		for (const entry of list) {
			const {
				count = 1,
				method = request.method,
				pathPrefix = request.pathPrefix,
				...fault
			} = entry ?? {};
			validate(fault);
			if (!(Number.isInteger(count) && count >= 1))
				throw new ApiError(400, 'A fault "count" must be a positive integer.');
			for (let i = 0; i < count; i++)
				queued.push({ ...fault, method: method?.toUpperCase(), pathPrefix });
		}
		this.queue.push(...queued);
		return queued.length;
	}

	/**
	 * @param {string} method
	 * @param {string} rawPath
	 * @returns {Fault | undefined} removed from the queue
	 */
	take(method, rawPath) {
		const index = this.queue.findIndex(
			(f) =>
				(!f.method || f.method === method) && (!f.pathPrefix || rawPath.startsWith(f.pathPrefix)),
		);
		return index === -1 ? undefined : this.queue.splice(index, 1)[0];
	}

	clear() {
		this.queue = [];
	}
}

/**
 * Answers a request with an injected fault ('delay' is the caller's business: it only
 * postpones the normal answer).
 * @param {import('node:http').ServerResponse} res
 * @param {Fault} fault
 * @param {Record<string, string>} quotaHeaders the caller's quota, when the key is known
 */
function sendFault(res, fault, quotaHeaders) {
	const status = fault.status ?? (fault.kind === 'html' ? 502 : 200);
	const reason = STATUS_CODES[status] ?? 'Error';
	/** @type {Record<string, string | number>} */
	const headers = { ...quotaHeaders };
	if (fault.retryAfter !== undefined)
		headers['Retry-After'] = fault.retryAfterDate
			? new Date(Date.now() + fault.retryAfter * 1000).toUTCString()
			: fault.retryAfter;
	switch (fault.kind) {
		case 'drop':
			res.socket?.destroy();
			return;
		case 'cut':
			// A 200 that promises 1000 bytes and breaks the connection after 100: mid-answer.
			res.writeHead(200, {
				...headers,
				'Content-Type': 'application/octet-stream',
				'Content-Length': 1000,
			});
			res.write(Buffer.alloc(100, 120), () => res.socket?.destroy());
			return;
		case 'status':
			return sendJson(res, status, errorBody(fault, fault.message ?? reason), headers);
		case 'status-false':
			return sendJson(
				res,
				status,
				{ status: false, message: fault.message ?? 'The request could not be completed.' },
				headers,
			);
		case 'malformed':
			return sendRaw(
				res,
				status,
				'application/json',
				'{"status":true,"data":{"id":1001,"email":"trunc',
				headers,
			);
		case 'html':
			return sendRaw(
				res,
				status,
				'text/html; charset=UTF-8',
				`<!DOCTYPE html><html><head><title>${status} ${reason}</title></head><body><center><h1>${status} ${reason}</h1></center><hr><center>nginx</center></body></html>`,
				headers,
			);
		case 'body': {
			const body = typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
			return sendRaw(res, status, fault.contentType ?? 'text/plain', body, headers);
		}
		default:
			throw new Error(`sendFault cannot answer a ${fault.kind} fault`);
	}
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} contentType
 * @param {string} body
 * @param {Record<string, string | number>} headers
 */
function sendRaw(res, status, contentType, body, headers) {
	res.writeHead(status, {
		...headers,
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(body),
	});
	res.end(body);
}

module.exports = { FaultQueue, sendFault };
