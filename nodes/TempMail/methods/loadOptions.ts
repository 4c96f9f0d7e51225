import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { retrySettingsFrom } from '../helpers/requestOptions';
import { REQUEST_OPTIONS_PARAMETER } from '../shared/descriptions';
import { getDomains } from '../transport/endpoints';
import type { ApiCall } from '../transport/types';

/** The API call of a dropdown, with the node's Request Options resolved once. */
function dropdownCall(ctx: ILoadOptionsFunctions): ApiCall {
	let raw: unknown;
	try {
		raw = ctx.getNodeParameter(REQUEST_OPTIONS_PARAMETER, {});
	} catch {
		// A dropdown being filled must not fail over an option that does not resolve yet.
		raw = {};
	}
	return { ctx, retry: retrySettingsFrom(ctx.getNode(), raw) };
}

/**
 * Domains of every type the plan allows, for the Switch operation's dropdown. The first
 * request names no type (any plan may make it; see getDomains); each allowed type its
 * answer does not already cover is then asked for by name.
 */
async function domainOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const call = dropdownCall(this);
	const { data: domains } = await getDomains(call, undefined);
	const lists = [{ type: domains.requested_type, domains: domains.domains }];
	const covered = new Set(
		[domains.requested_type, ...domains.domains.map((d) => d.type)].map((t) => t.toLowerCase()),
	);
	for (const type of domains.allowed_types) {
		if (covered.has(type.toLowerCase())) continue;
		covered.add(type.toLowerCase());
		lists.push({ type, domains: (await getDomains(call, type)).data.domains });
	}
	const options: INodePropertyOptions[] = [];
	const seen = new Set<string>();
	for (const list of lists) {
		for (const domain of list.domains) {
			if (seen.has(domain.domain)) continue;
			seen.add(domain.domain);
			const type = domain.type || list.type;
			options.push({
				name: type ? `${domain.domain} (${type})` : domain.domain,
				value: domain.domain,
			});
		}
	}
	return options;
}

/** The domain types the plan allows, read from the domain list's `allowed_types`. */
async function domainTypeOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { data: domains } = await getDomains(dropdownCall(this), undefined);
	const types = domains.allowed_types.length
		? domains.allowed_types
		: [domains.requested_type || 'free'];
	return types.map((type) => ({ name: type.charAt(0).toUpperCase() + type.slice(1), value: type }));
}

export const loadOptions = { getDomains: domainOptions, getDomainTypes: domainTypeOptions };
