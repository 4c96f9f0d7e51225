import type { IExecuteFunctions } from 'n8n-workflow';

import { messageOutputOptions } from '../../helpers/messageItem';
import type { MessageOutputOptions } from '../../helpers/messageItem';
import type { MessageOptions } from '../common.descriptions';

/** Reads the shared Simplify/Options parameters of a message operation (before any request, so bad patterns cost nothing). */
export function readMessageOutput(
	this: IExecuteFunctions,
	itemIndex: number,
): MessageOutputOptions {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as MessageOptions;
	return messageOutputOptions(this.getNode(), simplify, options, itemIndex);
}
