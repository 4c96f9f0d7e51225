import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export const operations = { get: get.execute };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['quota'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Read the API call quota: limit, used, remaining and reset time (costs one call)',
				action: 'Get the API quota',
			},
		],
		default: 'get',
	},
	...get.description,
];
