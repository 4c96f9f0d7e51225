import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { mailboxAddress } from '../../helpers/validate';
import { deleteMailbox } from '../../transport/endpoints';
import type { ApiCall } from '../../transport/types';
import * as shared from '../../shared/descriptions';

const properties: INodeProperties[] = [shared.mailboxAddress];

export const description = updateDisplayOptions(
	{ show: { resource: ['mailbox'], operation: ['delete'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	call: ApiCall,
): Promise<INodeExecutionData[]> {
	const email = mailboxAddress(
		this.getNode(),
		this.getNodeParameter('email', itemIndex),
		itemIndex,
	);
	await deleteMailbox(call, email);
	return [{ json: { email, deleted: true } }];
}
