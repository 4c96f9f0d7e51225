import type { INodeProperties } from 'n8n-workflow';

import * as download from './download.operation';

export const operations = { download: download.execute };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['attachment'] } },
		options: [
			{
				name: 'Download',
				value: 'download',
				description: 'Download one attachment of a message as binary data',
				action: 'Download an attachment',
			},
		],
		default: 'download',
	},
	...download.description,
];
