import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getDomains } from '../../transport/endpoints';
import type { ApiCall } from '../../transport/types';

const properties: INodeProperties[] = [
	{
		displayName: 'Domain Type Name or ID',
		name: 'type',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDomainTypes' },
		default: 'free',
		description:
			'Which domains to list; the choices are the types your plan allows. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['domain'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	call: ApiCall,
): Promise<INodeExecutionData[]> {
	const type = String(this.getNodeParameter('type', itemIndex, 'free') || 'free').trim();
	const { data: domains } = await getDomains(call, type);
	return domains.domains.map((domain) => ({ json: { ...domain } }));
}
