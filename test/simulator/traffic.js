'use strict';

/** Enough for any test; keeps a long-running CLI simulator from growing without bound. */
const MAX_LOG_ENTRIES = 10000;

/**
 * @typedef {object} LoggedRequest
 * @property {string} method
 * @property {string} rawPath exactly as received, before decoding
 * @property {string[] | null} segments decoded, null when the percent-encoding is malformed
 * @property {Record<string, string>} query
 * @property {string | null} authorization
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {string} at ISO time the request arrived
 */

/** What the /api side has been asked, and how many requests it served at once. */
class Traffic {
	constructor() {
		/** @type {LoggedRequest[]} */
		this.log = [];
		this.inFlight = 0;
		this.maxInFlight = 0;
		this.requests = 0;
	}

	/**
	 * Counts the request as in flight until its response closes, whether it finished,
	 * failed or the socket was dropped.
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 * @param {import('./http').RequestTarget} target
	 */
	begin(req, res, target) {
		this.requests++;
		this.log.push({
			method: req.method ?? '',
			rawPath: target.rawPath,
			segments: target.segments,
			query: target.query,
			authorization: req.headers.authorization ?? null,
			headers: req.headers,
			at: new Date().toISOString(),
		});
		if (this.log.length > MAX_LOG_ENTRIES) this.log.shift();
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		res.once('close', () => this.inFlight--);
	}

	stats() {
		return { inFlight: this.inFlight, maxInFlight: this.maxInFlight, requests: this.requests };
	}

	/** Requests still running stay counted in flight; the peak restarts from them. */
	clear() {
		this.log = [];
		this.requests = 0;
		this.maxInFlight = this.inFlight;
	}
}

module.exports = { Traffic };
