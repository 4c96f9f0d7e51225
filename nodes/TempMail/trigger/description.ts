import type { INodeProperties } from 'n8n-workflow';

import * as shared from '../shared/descriptions';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'New Message',
				value: 'newMessage',
				description: 'A message arrives in one of the mailboxes',
			},
		],
		default: 'newMessage',
	},
	{
		displayName: 'Mailbox Addresses',
		name: 'mailboxes',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'box1@example.com, box2@example.com',
		description:
			'One or more addresses of mailboxes owned by your account, separated by commas or new ' +
			'lines (an expression may also return a list). Each poll costs one API call per mailbox.',
	},
	shared.messageFilters,
	shared.simplify,
	{
		...shared.messageOptions,
		options: [
			...(shared.messageOptions.options ?? []),
			{
				displayName: 'Emit Messages Already in the Mailbox When Activated',
				name: 'emitExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether the first poll after activation emits the messages already there; off, ' +
					'only messages arriving afterwards start the workflow',
			},
		],
	},
	shared.requestOptions,
];
