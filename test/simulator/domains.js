'use strict';

/** Plan types the simulated provider knows; `allowed_types` of an account is a subset. */
const DOMAIN_TYPES = ['free', 'premium', 'custom'];

/** @type {ReadonlyArray<{ domain: string, type: string, custom?: boolean }>} */
const CATALOGUE = Object.freeze([
	{ domain: 'tempmail.test', type: 'free' },
	{ domain: 'inbox.test', type: 'free' },
	{ domain: 'vip.test', type: 'premium' },
	// A customer's own domain, as a plan with custom domains lists it.
	{ domain: 'mail.own.test', type: 'custom', custom: true },
]);

/**
 * @typedef {{ domain: string, type: string, custom: boolean }} DomainEntry
 * `type` is capitalised in responses ("Free") while the query and allowed_types use lower case.
 */

/**
 * @param {string} type lower-case plan type
 * @returns {DomainEntry[]}
 */
function domainsOfType(type) {
	return CATALOGUE.filter((d) => d.type === type).map((d) => ({
		domain: d.domain,
		type: d.type[0].toUpperCase() + d.type.slice(1),
		custom: d.custom === true,
	}));
}

/**
 * @param {string} name
 * @returns {{ domain: string, type: string } | undefined}
 */
function findDomain(name) {
	return CATALOGUE.find((d) => d.domain === name.toLowerCase());
}

module.exports = { DOMAIN_TYPES, CATALOGUE, domainsOfType, findDomain };
