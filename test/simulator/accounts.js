'use strict';

const { ApiError } = require('./http');
const { DOMAIN_TYPES } = require('./domains');
const { firstOfNextMonthUtc, isoSeconds, parseTime } = require('./format');
const { randomString } = require('./random');

const DEFAULT_QUOTA_LIMIT = 50000;

/**
 * @typedef {object} Account
 * @property {string} key the Bearer token
 * @property {number} quotaLimit
 * @property {string[]} allowedTypes domain plan types this account may use
 * @property {number} used successful calls counted in the current period
 * @property {number} resetAt epoch ms of the next quota reset
 */

/**
 * @typedef {object} AccountOptions
 * @property {string} [key]
 * @property {number} [quotaLimit]
 * @property {string[]} [allowedTypes]
 * @property {number} [used]
 * @property {number | string} [resetAt] epoch ms or ISO string
 */

/**
 * @param {unknown} value
 * @param {string} field
 */
function assertCount(value, field) {
	if (!Number.isSafeInteger(value) || /** @type {number} */ (value) < 0) {
		throw new ApiError(400, `"${field}" must be a non-negative integer.`);
	}
}

/**
 * Accounts by key, with their monthly quota. Upserting lets a test reshape the
 * default account (e.g. a nearly spent quota) without learning a new key.
 */
class AccountBook {
	/** @param {() => number} clock */
	constructor(clock) {
		this.clock = clock;
		/** @type {Map<string, Account>} */
		this.accounts = new Map();
	}

	/**
	 * @param {AccountOptions} [options]
	 * @returns {Account}
	 */
	upsert(options = {}) {
		const { key = randomString(40), quotaLimit, allowedTypes, used, resetAt } = options;
		if (typeof key !== 'string' || key === '' || /\s/.test(key))
			throw new ApiError(400, '"key" must be a non-empty string without spaces.');
		if (quotaLimit !== undefined) assertCount(quotaLimit, 'quotaLimit');
		if (used !== undefined) assertCount(used, 'used');
		if (
			allowedTypes !== undefined &&
			(!Array.isArray(allowedTypes) || allowedTypes.some((t) => !DOMAIN_TYPES.includes(t)))
		) {
			throw new ApiError(400, `"allowedTypes" must be an array of: ${DOMAIN_TYPES.join(', ')}.`);
		}
		const resetMs = resetAt === undefined ? undefined : parseTime(resetAt);
		if (resetAt !== undefined && resetMs === undefined)
			throw new ApiError(400, '"resetAt" must be a time.');

		const account = this.accounts.get(key) ?? {
			key,
			quotaLimit: DEFAULT_QUOTA_LIMIT,
			allowedTypes: ['free'],
			used: 0,
			resetAt: firstOfNextMonthUtc(this.clock()),
		};
		if (quotaLimit !== undefined) account.quotaLimit = quotaLimit;
		if (allowedTypes !== undefined) account.allowedTypes = [...allowedTypes];
		if (used !== undefined) account.used = used;
		if (resetMs !== undefined) account.resetAt = resetMs;
		this.accounts.set(key, account);
		return account;
	}

	/**
	 * @param {string | undefined} authorization the raw Authorization header
	 * @returns {Account | undefined}
	 */
	byAuthorization(authorization) {
		const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
		return match ? this.accounts.get(match[1]) : undefined;
	}

	/**
	 * @param {string} key
	 * @returns {Account}
	 */
	get(key) {
		const account = this.accounts.get(key);
		if (!account) throw new ApiError(404, `No account has the key "${key}".`);
		return account;
	}

	/**
	 * The period rolls over lazily, when the account is next looked at after its reset time.
	 * @param {Account} account
	 */
	quota(account) {
		const now = this.clock();
		if (now >= account.resetAt) {
			account.used = 0;
			account.resetAt = firstOfNextMonthUtc(now);
		}
		return {
			limit: account.quotaLimit,
			used: account.used,
			remaining: Math.max(0, account.quotaLimit - account.used),
			resetAt: account.resetAt,
			retryAfterSeconds: Math.max(1, Math.ceil((account.resetAt - now) / 1000)),
		};
	}

	/**
	 * @param {Account} account
	 * @returns {Record<string, string>}
	 */
	quotaHeaders(account) {
		const q = this.quota(account);
		return {
			'X-RateLimit-Limit': String(q.limit),
			'X-RateLimit-Used': String(q.used),
			'X-RateLimit-Remaining': String(q.remaining),
			'X-RateLimit-Reset': isoSeconds(q.resetAt),
		};
	}

	/** @param {Account} account */
	describe(account) {
		const q = this.quota(account);
		return {
			key: account.key,
			quotaLimit: q.limit,
			used: q.used,
			remaining: q.remaining,
			allowedTypes: account.allowedTypes,
			resetAt: isoSeconds(q.resetAt),
		};
	}

	/** @param {string} keep the only key that survives, back at its defaults */
	reset(keep) {
		this.accounts.clear();
		this.upsert({ key: keep });
	}
}

module.exports = { AccountBook, DEFAULT_QUOTA_LIMIT };
