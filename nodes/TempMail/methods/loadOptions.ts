import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getDomains } from '../transport/endpoints';

/**
 * Domains of every type the plan allows, for the Switch operation's dropdown. The first
 * request names no type (any plan may make it; see getDomains); each allowed type its
 * answer does not already cover is then asked for by name.
 */
export async function domainOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { domains } = await getDomains(this, undefined);
	const lists = [{ type: domains.requested_type, domains: domains.domains }];
	const covered = new Set(
		[domains.requested_type, ...domains.domains.map((d) => d.type)].map((t) => t.toLowerCase()),
	);
	for (const type of domains.allowed_types) {
		if (covered.has(type.toLowerCase())) continue;
		covered.add(type.toLowerCase());
		lists.push({ type, domains: (await getDomains(this, type)).domains.domains });
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
export async function domainTypeOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const { domains } = await getDomains(this, undefined);
	const types = domains.allowed_types.length
		? domains.allowed_types
		: [domains.requested_type || 'free'];
	return types.map((type) => ({ name: type.charAt(0).toUpperCase() + type.slice(1), value: type }));
}

export const loadOptions = { getDomains: domainOptions, getDomainTypes: domainTypeOptions };
