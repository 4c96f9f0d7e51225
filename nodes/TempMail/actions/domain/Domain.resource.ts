import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export const operations = { getAll: getAll.execute };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['domain'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the domains your plan allows for new mailbox addresses',
				action: 'Get many domains',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
