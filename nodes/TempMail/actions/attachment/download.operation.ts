import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { downloadAsBinary } from '../../helpers/attachments';
import type { BinaryCall } from '../../helpers/attachments';
import { fileName, messageId } from '../../helpers/validate';
import * as shared from '../../shared/descriptions';

const properties: INodeProperties[] = [
	shared.messageId,
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		required: true,
		description: 'The attachment\'s "name" as listed in the message\'s attachments',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['attachment'], operation: ['download'] } },
	properties,
);

/** Streamed into n8n's binary store: the file is never held whole in memory in filesystem mode. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	call: BinaryCall,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const id = messageId(node, this.getNodeParameter('messageId', itemIndex), itemIndex);
	const name = fileName(node, this.getNodeParameter('fileName', itemIndex), itemIndex);
	const property = String(
		this.getNodeParameter('binaryPropertyName', itemIndex, 'data') || 'data',
	).trim();
	const binary = await downloadAsBinary(call, id, name);
	return [
		{
			json: {
				messageId: id,
				// The API's name: n8n may shorten the binary's own fileName (it keeps what follows the last "/").
				fileName: name,
				mimeType: binary.mimeType,
				fileSize: binary.fileSize,
			},
			binary: { [property]: binary },
		},
	];
}
