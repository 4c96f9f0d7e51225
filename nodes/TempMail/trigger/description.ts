import type { INodeProperties } from 'n8n-workflow';

import * as shared from '../actions/common.descriptions';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'New Message', value: 'newMessage', description: 'A message arrives in one of the mailboxes' }],
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
			'One or more addresses of mailboxes owned by your account, separated by commas or new lines (an expression may also return a list). Each poll costs one API call per mailbox.',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'From Contains',
				name: 'fromContains',
				type: 'string',
				default: '',
				description: 'Only messages whose sender name or address contains this text (case-insensitive)',
			},
			{
				displayName: 'Regular Expression',
				name: 'pattern',
				type: 'string',
				default: '',
				placeholder: 'verify|confirm',
				description: 'Only messages whose subject or body matches this regular expression (case-insensitive)',
			},
			{
				displayName: 'Subject Contains',
				name: 'subjectContains',
				type: 'string',
				default: '',
				description: 'Only messages whose subject contains this text (case-insensitive)',
			},
		],
	},
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
					'Whether the first poll after activation emits the messages already there; off, only messages arriving afterwards start the workflow',
			},
		],
	},
];
