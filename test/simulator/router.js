'use strict';

const { ApiError } = require('./http');

/**
 * @template H
 * @typedef {{ method: string, parts: string[], handler: H }} Route
 * `parts` are literal segments or ":name" parameters.
 */

/**
 * @template H
 * @param {Record<string, H>} table keys like "GET /api/messages/:id"
 * @returns {Route<H>[]}
 */
function compileRoutes(table) {
	return Object.entries(table).map(([spec, handler]) => {
		const [method, path] = spec.split(' ');
		return { method, parts: path.split('/').slice(1), handler };
	});
}

/**
 * A parameter never matches an empty segment, so "/api/emails/" is an unknown route
 * rather than a lookup of the mailbox "".
 * @template H
 * @param {Route<H>[]} routes
 * @param {string} method
 * @param {string[]} segments decoded path segments
 * @returns {{ handler: H, params: Record<string, string> }}
 * @throws {ApiError} 404 for an unknown path, 405 (with Allow) for a known path and another method
 */
function matchRoute(routes, method, segments) {
	/** @type {string[]} */
	const allowed = [];
	for (const route of routes) {
		if (route.parts.length !== segments.length) continue;
		/** @type {Record<string, string>} */
		const params = {};
		const fits = route.parts.every((part, i) => {
			if (!part.startsWith(':')) return part === segments[i];
			params[part.slice(1)] = segments[i];
			return segments[i] !== '';
		});
		if (!fits) continue;
		if (route.method === method) return { handler: route.handler, params };
		allowed.push(route.method);
	}
	if (allowed.length === 0) throw new ApiError(404, 'Route not found.');
	throw new ApiError(405, `Method ${method} is not allowed here.`, { Allow: allowed.join(', ') });
}

module.exports = { compileRoutes, matchRoute };
