import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as attachment from './attachment/Attachment.resource';
import * as domain from './domain/Domain.resource';
import * as mailbox from './mailbox/Mailbox.resource';
import * as message from './message/Message.resource';
import * as quota from './quota/Quota.resource';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

const resources: Record<string, Record<string, Operation>> = {
	attachment: attachment.operations,
	domain: domain.operations,
	mailbox: mailbox.operations,
	message: message.operations,
	quota: quota.operations,
};

function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const json: INodeExecutionData['json'] = { error: error instanceof Error ? error.message : String(error) };
	const description = (error as { description?: unknown }).description;
	if (typeof description === 'string' && description) json.description = description;
	return { json, pairedItem: { item: itemIndex } };
}

/** Errors from our transport are already n8n errors; anything else gets the item attached. */
function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/** Runs each input item on its own: one bad item fails alone under Continue On Fail. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const run = resources[resource]?.[operation];
			if (!run) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`, { itemIndex });
			}
			for (const result of await run.call(this, itemIndex)) {
				output.push({ ...result, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			if (this.continueOnFail()) {
				output.push(errorItem(error, itemIndex));
				continue;
			}
			throw asNodeError(this, error, itemIndex);
		}
	}
	return [output];
}
