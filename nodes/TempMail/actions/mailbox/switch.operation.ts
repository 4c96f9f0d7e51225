import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { domainName, mailboxAddress, username } from '../../helpers/validate';
import { switchMailbox } from '../../transport/endpoints';
import type { ApiCall } from '../../transport/types';
import { mailboxOutput } from './output';
import * as shared from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		...shared.mailboxAddress,
		displayName: 'Current Mailbox Address',
		description: 'The address of the owned mailbox to rename',
	},
	{
		displayName: 'New Username',
		name: 'username',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'signup-test-01',
		description: 'The part before "@" of the new address: letters, digits, ".", "_" and "-"',
	},
	{
		displayName: 'Domain Name or ID',
		name: 'domain',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDomains' },
		default: '',
		required: true,
		description:
			'A domain your plan allows. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['mailbox'], operation: ['switch'] } },
	properties,
);

/** The API gives the switched mailbox a new id; its messages move with it. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	call: ApiCall,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const current = mailboxAddress(
		node,
		this.getNodeParameter('email', itemIndex),
		itemIndex,
		'Current Mailbox Address',
	);
	const newUsername = username(node, this.getNodeParameter('username', itemIndex), itemIndex);
	const domain = domainName(node, this.getNodeParameter('domain', itemIndex), itemIndex);
	const { data: mailbox } = await switchMailbox(call, current, newUsername, domain);
	return [{ json: { ...mailboxOutput(mailbox), previousEmail: current } }];
}
