'use strict';

const axios = require('axios');

/**
 * @typedef {{ kind: string, [option: string]: unknown }} FaultSpec see faults.js
 */

/**
 * Drives a running simulator through its /__control routes (no key needed). Every
 * method resolves with the route's JSON and rejects on a non-2xx answer, so a bad
 * fixture fails the test where it is set up.
 */
class SimulatorControl {
	/** @param {string} url the simulator's base URL, e.g. http://127.0.0.1:8025 */
	constructor(url) {
		this.http = axios.create({ baseURL: `${url.replace(/\/+$/, '')}/__control`, proxy: false });
	}

	/**
	 * @param {string} method
	 * @param {string} path
	 * @param {unknown} [data]
	 */
	async call(method, path, data) {
		const res = await this.http.request({ method, url: path, data });
		return res.data;
	}

	/**
	 * Creates an account, or updates the one with this key.
	 * @param {{ key?: string, quotaLimit?: number, allowedTypes?: string[], used?: number, resetAt?: string | number }} [options]
	 * @returns {Promise<{ key: string, quotaLimit: number, used: number, remaining: number, allowedTypes: string[], resetAt: string }>}
	 */
	createAccount(options = {}) {
		return this.call('POST', '/accounts', options);
	}

	/**
	 * @param {{ key?: string, email?: string, ttlSeconds?: number }} [options] key: the default account's when omitted
	 * @returns {Promise<{ id: number, email: string, domain: string, expire_at: string, expires_in_seconds: number, created_at: string, email_token: string }>}
	 */
	createMailbox(options = {}) {
		return this.call('POST', '/mailboxes', options);
	}

	/**
	 * Delivers a message to a live mailbox.
	 * @param {string} email
	 * @param {Record<string, unknown>} [message] subject, from, fromEmail, content, html, receivedAt, id, attachments
	 * @returns {Promise<Record<string, any>>} the message as the API lists it
	 */
	deliver(email, message = {}) {
		return this.call('POST', '/messages', { ...message, email });
	}

	/** @param {string} email */
	expire(email) {
		return this.call('POST', '/mailboxes/expire', { email });
	}

	/**
	 * @param {FaultSpec | FaultSpec[]} faults one-shot each; a single fault may carry `count`
	 * @param {{ method?: string, pathPrefix?: string }} [filter] only requests matching these take the faults
	 * @returns {Promise<{ queued: number, pending: number }>}
	 */
	injectFaults(faults, filter = {}) {
		return this.call(
			'POST',
			'/faults',
			Array.isArray(faults) ? { ...filter, faults } : { ...filter, ...faults },
		);
	}

	clearFaults() {
		return this.call('DELETE', '/faults');
	}

	/** @returns {Promise<import('./traffic').LoggedRequest[]>} */
	requests() {
		return this.call('GET', '/requests');
	}

	clearRequests() {
		return this.call('DELETE', '/requests');
	}

	/** @returns {Promise<{ inFlight: number, maxInFlight: number, requests: number }>} */
	stats() {
		return this.call('GET', '/stats');
	}

	/**
	 * @param {{ latencyMs?: number, ttlSeconds?: number, publicBaseUrl?: string | null }} [changes]
	 * @returns {Promise<{ latencyMs: number, ttlSeconds: number, publicBaseUrl: string }>}
	 */
	config(changes = {}) {
		return this.call('POST', '/config', changes);
	}

	/** @param {Record<string, unknown>} changes see variants.js */
	variants(changes = {}) {
		return this.call('POST', '/variants', changes);
	}

	/** @returns {Promise<{ defaultKey: string }>} */
	reset() {
		return this.call('POST', '/reset');
	}

	/**
	 * The demo site's sign-up form: mails a verification code to `email` after `delayMs`.
	 * @param {string} email
	 * @param {number} [delayMs]
	 */
	signUp(email, delayMs) {
		return this.call('POST', '/signup', { email, delayMs });
	}

	/** @returns {Promise<Array<{ email: string, code: string, link: string, sentAt: string }>>} */
	signUps() {
		return this.call('GET', '/signups');
	}
}

module.exports = { SimulatorControl };
