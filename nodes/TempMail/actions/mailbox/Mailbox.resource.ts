import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as switchOp from './switch.operation';

export const operations = { create: create.execute, delete: del.execute, switch: switchOp.execute };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['mailbox'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a new random disposable mailbox; outputs its address, ID and expiry',
				action: 'Create a mailbox',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete an owned mailbox and its messages',
				action: 'Delete a mailbox',
			},
			{
				name: 'Switch',
				value: 'switch',
				description:
					'Change an owned mailbox to a chosen username and allowed domain; its messages move with it',
				action: 'Switch a mailbox address',
			},
		],
		default: 'create',
	},
	...create.description,
	...switchOp.description,
	...del.description,
];
