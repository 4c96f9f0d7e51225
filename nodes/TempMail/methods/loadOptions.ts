import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getDomains } from '../transport/endpoints';

/** Domains of every type the plan allows, for the Switch operation's dropdown. */
export async function domainOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { domains } = await getDomains(this, 'free');
	const options: INodePropertyOptions[] = [];
	for (const type of domains.allowed_types.length ? domains.allowed_types : ['free']) {
		const list = type === domains.requested_type ? domains : (await getDomains(this, type)).domains;
		for (const domain of list.domains) {
			options.push({ name: `${domain.domain} (${domain.type || type})`, value: domain.domain });
		}
	}
	return options;
}

/** The domain types the plan allows, read from the domain list's `allowed_types`. */
export async function domainTypeOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const { domains } = await getDomains(this, 'free');
	const types = domains.allowed_types.length ? domains.allowed_types : ['free'];
	return types.map((type) => ({ name: type.charAt(0).toUpperCase() + type.slice(1), value: type }));
}

export const loadOptions = { getDomains: domainOptions, getDomainTypes: domainTypeOptions };
