'use strict';

const { ApiError } = require('./http');

/*
 * Variants: the freedoms API.md leaves to a real server, switched on at run time so a test
 * can check the node against each of them rather than against this simulator's own habits.
 * All off by default; `POST /__control/variants` changes them, `POST /__control/reset`
 * turns them off again.
 */

const ORDERS = ['newest', 'oldest', 'shuffled'];
const OMITTED_TYPE = ['free', 'plan'];

/**
 * @typedef {object} Variants
 * @property {'newest' | 'oldest' | 'shuffled'} order how a mailbox's list is ordered
 * @property {boolean} identicalStamps every message of a list carries the same receivedAt (the newest one's)
 * @property {number} clockSkewMs added to every time the API prints (receivedAt, created_at, expire_at)
 * @property {boolean} extraFields unknown, null and nested fields added to every object answered
 * @property {number} jitterMs each request waits a random 0..jitterMs on top of latencyMs
 * @property {string | null} attachmentRedirect attachment downloads answer 302 to this origin (same path)
 * @property {'free' | 'plan'} omittedType what `GET /api/domains` without `type` lists: the plan's first allowed type (default), or free as the documentation's example suggests
 */

/** @returns {Variants} */
function defaultVariants() {
	return {
		order: 'newest',
		identicalStamps: false,
		clockSkewMs: 0,
		extraFields: false,
		jitterMs: 0,
		attachmentRedirect: null,
		omittedType: 'plan',
	};
}

/**
 * @param {Variants} variants changed in place
 * @param {Record<string, any>} changes
 * @returns {Variants}
 */
function applyVariants(variants, changes) {
	const next = { ...variants, ...changes };
	if (!ORDERS.includes(next.order))
		throw new ApiError(400, `"order" must be one of: ${ORDERS.join(', ')}.`);
	if (!OMITTED_TYPE.includes(next.omittedType))
		throw new ApiError(400, `"omittedType" must be one of: ${OMITTED_TYPE.join(', ')}.`);
	for (const field of ['identicalStamps', 'extraFields'])
		if (typeof next[field] !== 'boolean') throw new ApiError(400, `"${field}" must be a boolean.`);
	if (!Number.isFinite(next.clockSkewMs))
		throw new ApiError(400, '"clockSkewMs" must be a number.');
	if (!(Number.isFinite(next.jitterMs) && next.jitterMs >= 0))
		throw new ApiError(400, '"jitterMs" must be a non-negative number.');
	if (next.attachmentRedirect !== null && !/^https?:\/\/[^/]+$/.test(next.attachmentRedirect))
		throw new ApiError(400, '"attachmentRedirect" must be an origin (http://host:port) or null.');
	for (const key of Object.keys(next))
		if (!(key in variants)) throw new ApiError(400, `Unknown variant "${key}".`);
	Object.assign(variants, next);
	return variants;
}

/**
 * The list in the variant's order (the state hands it newest first).
 * @template T
 * @param {T[]} newestFirst
 * @param {Variants} variants
 * @returns {T[]}
 */
function orderList(newestFirst, variants) {
	if (variants.order === 'oldest') return [...newestFirst].reverse();
	if (variants.order === 'shuffled') {
		const list = [...newestFirst];
		for (let i = list.length - 1; i > 0; i--) {
			const j = Math.floor(Math.random() * (i + 1));
			[list[i], list[j]] = [list[j], list[i]];
		}
		return list;
	}
	return newestFirst;
}

/** Fields a newer API version might add: unknown, null and nested. */
const EXTRA = Object.freeze({
	x_unknown: 'added by a newer API version',
	x_null: null,
	x_nested: { level: { deeper: [1, null, { name: 'nested' }] } },
});

/**
 * Adds the extra fields to every plain object of a JSON answer (arrays walked too).
 * @param {unknown} value
 * @returns {unknown}
 */
function withExtraFields(value) {
	if (Array.isArray(value)) return value.map(withExtraFields);
	if (typeof value !== 'object' || value === null) return value;
	/** @type {Record<string, unknown>} */
	const copy = {};
	for (const [key, field] of Object.entries(value)) copy[key] = withExtraFields(field);
	return { ...copy, ...EXTRA };
}

/**
 * @param {Variants} variants
 * @returns {number} ms a request waits for jitter
 */
function jitterDelay(variants) {
	return variants.jitterMs > 0 ? Math.floor(Math.random() * (variants.jitterMs + 1)) : 0;
}

module.exports = {
	defaultVariants,
	applyVariants,
	orderList,
	withExtraFields,
	jitterDelay,
	ORDERS,
};
