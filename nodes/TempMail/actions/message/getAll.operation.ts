import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { newestFirst } from '../../helpers/order';
import { runPool } from '../../helpers/pool';
import { mailboxAddress } from '../../helpers/validate';
import { listMessages } from '../../transport/endpoints';
import * as shared from '../../shared/descriptions';
import type { BinaryCall } from '../../helpers/attachments';
import { buildMessageItems, readMessageOutput } from '../../helpers/messageOutput';

const properties: INodeProperties[] = [
	shared.mailboxAddress,
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	shared.simplify,
	shared.messageOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['getAll'] } },
	properties,
);

/**
 * One item per message, newest first by our own order (the API promises none), so
 * Limit keeps the newest N; listing does not mark messages seen.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	call: BinaryCall,
): Promise<INodeExecutionData[]> {
	const email = mailboxAddress(
		this.getNode(),
		this.getNodeParameter('email', itemIndex),
		itemIndex,
	);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const output = readMessageOutput(this, itemIndex);
	const messages = newestFirst((await listMessages(call, email)).data.messages);
	const selected = returnAll
		? messages
		: messages.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
	// Messages side by side (their downloads bounded by the call's request slots), output in
	// the API's order whatever order they finish in.
	const perMessage = await runPool(
		selected.length,
		call.slots?.limit ?? 1,
		async (index) => await buildMessageItems(call, selected[index], output),
	);
	return perMessage.flat();
}
