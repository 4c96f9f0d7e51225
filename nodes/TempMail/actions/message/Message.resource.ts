import type { INodeProperties } from 'n8n-workflow';

import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as waitFor from './waitFor.operation';

export const operations = {
	delete: del.execute,
	get: get.execute,
	getAll: getAll.execute,
	waitFor: waitFor.execute,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete one message by its ID',
				action: 'Delete a message',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Read one message by its ID, with its full content (marks it seen)',
				action: 'Get a message',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List the messages in a mailbox, newest first, with content and attachment list',
				action: 'Get many messages',
			},
			{
				name: 'Wait For',
				value: 'waitFor',
				description:
					'Wait until a message matching the filters arrives in a mailbox (e.g. a sign-up ' +
					'verification mail), then output it',
				action: 'Wait for a message',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...get.description,
	...del.description,
	...waitFor.description,
];
