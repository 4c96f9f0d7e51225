import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as attachment from './attachment/Attachment.resource';
import * as domain from './domain/Domain.resource';
import * as mailbox from './mailbox/Mailbox.resource';
import * as message from './message/Message.resource';
import * as quota from './quota/Quota.resource';
import { notAsToolReason } from './tool';
import { runsAsTool } from '../helpers/agent';
import type { BinaryCall } from '../helpers/attachments';
import { runPool } from '../helpers/pool';
import { concurrencyFrom, retrySettingsFrom } from '../helpers/requestOptions';
import { requestSlots } from '../transport/slots';
import { REQUEST_OPTIONS_PARAMETER } from '../shared/descriptions';

type Operation = (
	this: IExecuteFunctions,
	itemIndex: number,
	call: BinaryCall,
) => Promise<INodeExecutionData[]>;

const resources: Record<string, Record<string, Operation>> = {
	attachment: attachment.operations,
	domain: domain.operations,
	mailbox: mailbox.operations,
	message: message.operations,
	quota: quota.operations,
};

function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const json: INodeExecutionData['json'] = {
		error: error instanceof Error ? error.message : String(error),
	};
	const description = (error as { description?: unknown }).description;
	if (typeof description === 'string' && description) json.description = description;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * What an AI agent's tool returns: no mailbox token (it would go to the model provider), and
 * an error as a result the model can read and act on ("error" and "description", the what to
 * do), where a thrown error would reach it without its description.
 */
function asToolResult(items: INodeExecutionData[]): INodeExecutionData[] {
	return items.map((item) => {
		if (!('token' in item.json)) return item;
		const json = { ...item.json };
		delete json.token;
		return { ...item, json };
	});
}

/** Errors from our transport are already n8n errors; anything else gets the item attached. */
function asNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * Runs each input item on its own: one bad item fails alone under Continue On Fail.
 * Items run up to Concurrency at a time (results stay in input order), except the first,
 * which runs alone: a wrong key or parameter then fails once instead of Concurrency times.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[]];
	const node = this.getNode();
	// Read once for the node (item 0): how many items run side by side.
	const concurrency = concurrencyFrom(
		node,
		this.getNodeParameter(REQUEST_OPTIONS_PARAMETER, 0, {}),
	);
	const asTool = runsAsTool(node);
	const continueOnFail = asTool || this.continueOnFail();
	const signal = this.getExecutionCancelSignal();
	// One set for the whole run: items side by side and the downloads inside an item
	// (Get Many) together never have more than Concurrency requests open.
	const slots = requestSlots(concurrency);

	const runItem = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			// Before the operation: the tool variant has no operation parameter for such a resource.
			const notAsTool = asTool ? notAsToolReason(resource) : undefined;
			if (notAsTool) throw new NodeOperationError(this.getNode(), notAsTool, { itemIndex });
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const run = resources[resource]?.[operation];
			if (!run) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operation}" is not supported for "${resource}"`,
					{ itemIndex },
				);
			}
			// Request Options are resolved here, per item, and handed to the transport.
			const retry = retrySettingsFrom(
				node,
				this.getNodeParameter(REQUEST_OPTIONS_PARAMETER, itemIndex, {}),
				itemIndex,
			);
			const call: BinaryCall = { ctx: this, itemIndex, retry, signal, slots };
			return (await run.call(this, itemIndex, call)).map((result) => ({
				...result,
				pairedItem: { item: itemIndex },
			}));
		} catch (error) {
			if (continueOnFail) return [errorItem(error, itemIndex)];
			throw asNodeError(this, error, itemIndex);
		}
	};

	const first = await runItem(0);
	const rest = await runPool(
		items.length - 1,
		concurrency,
		async (index) => await runItem(index + 1),
	);
	const results = [...first, ...rest.flat()];
	return [asTool ? asToolResult(results) : results];
}
