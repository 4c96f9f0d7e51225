import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import * as attachment from './actions/attachment/Attachment.resource';
import * as domain from './actions/domain/Domain.resource';
import * as mailbox from './actions/mailbox/Mailbox.resource';
import * as message from './actions/message/Message.resource';
import * as quota from './actions/quota/Quota.resource';
import { router } from './actions/router';
import { withToolProperties } from './actions/tool';
import { loadOptions } from './methods/loadOptions';
import { requestOptions } from './shared/descriptions';

// As an AI agent's tool the node shows a few properties of its own (see actions/tool.ts).
const properties: INodeProperties[] = withToolProperties([
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Attachment',
				value: 'attachment',
				description: 'Files attached to a received message',
			},
			{
				name: 'Domain',
				value: 'domain',
				description: 'Domains available for mailbox addresses',
			},
			{
				name: 'Mailbox',
				value: 'mailbox',
				description: 'Disposable email addresses owned by your account',
			},
			{ name: 'Message', value: 'message', description: 'Emails received by a mailbox' },
			{ name: 'Quota', value: 'quota', description: 'Your API call allowance' },
		],
		default: 'mailbox',
	},
	...attachment.description,
	...domain.description,
	...mailbox.description,
	...message.description,
	...quota.description,
	requestOptions,
]);

export class TempMail implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Temp Mail',
		name: 'tempMail',
		icon: { light: 'file:../../icons/tempmail.svg', dark: 'file:../../icons/tempmail.dark.svg' },
		group: ['transform'],
		// 2: Wait For's New Mail Is (default Unread) replaces Accept Mail Already There.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create disposable mailboxes, read their messages and download attachments with the Temp Mail API',
		defaults: { name: 'Temp Mail' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tempMailApi', required: true }],
		properties,
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
