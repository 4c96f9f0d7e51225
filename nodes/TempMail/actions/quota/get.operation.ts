import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getDomains } from '../../transport/endpoints';
import type { ApiCall } from '../../transport/types';
import { readQuota } from '../../transport/quota';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['quota'], operation: ['get'] } },
	properties,
);

/**
 * The API has no quota endpoint: the X-RateLimit-* headers ride on every
 * answer, so the cheapest documented request (the domain list, without a type
 * so that any plan may ask for it) reads them. That request counts as one call itself.
 */
export async function execute(
	this: IExecuteFunctions,
	_itemIndex: number,
	call: ApiCall,
): Promise<INodeExecutionData[]> {
	const { headers } = await getDomains(call, undefined);
	return [{ json: { ...readQuota(headers) } }];
}
