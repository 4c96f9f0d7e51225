'use strict';

/**
 * Thrown anywhere below a route handler; the server turns it into the API's error
 * body `{"status": false, "message": ...}` with this status.
 */
class ApiError extends Error {
	/**
	 * @param {number} status
	 * @param {string} message
	 * @param {Record<string, string>} [headers]
	 */
	constructor(status, message, headers = {}) {
		super(message);
		this.status = status;
		this.headers = headers;
	}
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string | number>} [headers]
 */
function sendJson(res, status, body, headers = {}) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		...headers,
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(text),
	});
	res.end(text);
}

/**
 * @typedef {object} RequestTarget
 * @property {string} rawPath the path exactly as received (before decoding)
 * @property {string[] | null} segments decoded segments after the leading "/", null when the encoding is malformed
 * @property {string} rawQuery
 * @property {Record<string, string>} query
 */

/**
 * Splits the RAW path before decoding, so an encoded "/" (%2F) in a file name stays
 * inside its segment, which is how the real API must see a file name such as "a/b.txt".
 * @param {string} url request target as received (`req.url`)
 * @returns {RequestTarget}
 */
function parseRequestTarget(url) {
	const q = url.indexOf('?');
	const rawPath = q === -1 ? url : url.slice(0, q);
	const rawQuery = q === -1 ? '' : url.slice(q + 1);
	/** @type {string[] | null} */
	let segments;
	try {
		segments = rawPath.split('/').slice(1).map(decodeURIComponent);
	} catch {
		segments = null;
	}
	return { rawPath, segments, rawQuery, query: Object.fromEntries(new URLSearchParams(rawQuery)) };
}

/**
 * Control bodies are small JSON documents; an empty body means "no options".
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<Record<string, any>>}
 */
async function readJsonBody(req) {
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	const text = Buffer.concat(chunks).toString('utf8').trim();
	if (text === '') return {};
	let body;
	try {
		body = JSON.parse(text);
	} catch {
		throw new ApiError(400, 'The request body is not valid JSON.');
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		throw new ApiError(400, 'The request body must be a JSON object.');
	}
	return body;
}

module.exports = { ApiError, sendJson, parseRequestTarget, readJsonBody };
