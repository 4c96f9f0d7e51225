import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_ATTACHMENT_PREFIX } from '../helpers/attachments';

/** Parameters shared by several operations, so their names and wording stay identical. */

export const mailboxAddress: INodeProperties = {
	displayName: 'Mailbox Address',
	name: 'email',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'name@example.com',
	description: 'The full address of a mailbox owned by your account, e.g. the "email" output of Mailbox → Create',
};

export const messageId: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	default: '',
	required: true,
	description: 'The ID of a message, as output by Message → Get Many or the Temp Mail Trigger',
};

export const simplify: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return a compact message (ID, from, fromName, to, subject, receivedAt, seen, isHtml, content, attachments) instead of the raw API fields',
};

export const messageOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Attachment Prefix',
			name: 'attachmentPrefix',
			type: 'string',
			default: DEFAULT_ATTACHMENT_PREFIX,
			description: 'Prefix of the binary properties that hold the attachments: attachment_0, attachment_1, …',
		},
		{
			displayName: 'Download Attachments',
			name: 'downloadAttachments',
			type: 'boolean',
			default: false,
			description: 'Whether to download every attachment as binary data (one API request per attachment)',
		},
	],
};

export interface MessageOptions {
	downloadAttachments?: boolean;
	attachmentPrefix?: string;
}
