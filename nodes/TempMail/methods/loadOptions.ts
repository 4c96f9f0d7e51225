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

/** Domains of every type the plan allows, for the Switch operation's dropdown. */
async function domainOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const call = dropdownCall(this);
	const { data: free } = await getDomains(call, 'free');
	const options: INodePropertyOptions[] = [];
	for (const type of free.allowed_types.length ? free.allowed_types : ['free']) {
		const list = type === free.requested_type ? free : (await getDomains(call, type)).data;
		for (const domain of list.domains) {
			options.push({ name: `${domain.domain} (${domain.type || type})`, value: domain.domain });
		}
	}
	return options;
}

/** The domain types the plan allows, read from the domain list's `allowed_types`. */
async function domainTypeOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { data: domains } = await getDomains(dropdownCall(this), 'free');
	const types = domains.allowed_types.length ? domains.allowed_types : ['free'];
	return types.map((type) => ({ name: type.charAt(0).toUpperCase() + type.slice(1), value: type }));
}

export const loadOptions = { getDomains: domainOptions, getDomainTypes: domainTypeOptions };
