'use strict';

/**
 * The API prints instants as ISO-8601 with an explicit "+00:00" offset and whole
 * seconds (e.g. 2026-06-28T09:47:48+00:00), not JavaScript's "...000Z".
 * @param {number} ms
 * @returns {string}
 */
function isoSeconds(ms) {
	return new Date(ms).toISOString().slice(0, 19) + '+00:00';
}

/**
 * A message's receivedAt is "YYYY-MM-DD HH:mm:ss" with no zone; the simulator
 * always writes it in UTC.
 * @param {number} ms
 * @returns {string}
 */
function zonelessDateTime(ms) {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The documented quota is monthly, so the default reset is the next month's first midnight (UTC).
 * @param {number} ms
 * @returns {number}
 */
function firstOfNextMonthUtc(ms) {
	const d = new Date(ms);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/**
 * Control payloads may give times as epoch milliseconds, ISO strings, or the API's own
 * zoneless "YYYY-MM-DD HH:mm:ss" (read as UTC, so a value round-trips unchanged).
 * @param {unknown} value
 * @returns {number | undefined} undefined when the value is not a time
 */
function parseTime(value) {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value !== 'string') return undefined;
	const zoneless = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$/.test(value);
	const ms = Date.parse(zoneless ? value.replace(' ', 'T') + 'Z' : value);
	return Number.isNaN(ms) ? undefined : ms;
}

module.exports = { isoSeconds, zonelessDateTime, firstOfNextMonthUtc, parseTime };
