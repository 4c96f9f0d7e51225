import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { runsAsTool } from '../../helpers/agent';
import type { ToolOutput } from '../../helpers/agent';

import { messageOutputOptions } from '../../helpers/messageItem';
import type { MessageOutputOptions } from '../../helpers/messageItem';
import type { MessageOptions } from '../common.descriptions';

/** The Tool Output parameter, which only the tool variant of the node has (see actions/tool.ts). */
function toolOutput(ctx: IExecuteFunctions, itemIndex: number): ToolOutput {
	const value = ctx.getNodeParameter('toolOutput', itemIndex, 'compact') as string;
	if (value === 'compact' || value === 'extractedOnly' || value === 'full') return value;
	throw new NodeOperationError(
		ctx.getNode(),
		`Tool Output: must be Compact, Extracted Fields Only or Full, got "${value}"`,
		{ itemIndex },
	);
}

/**
 * Reads the shared Simplify/Options parameters of a message operation (before any request, so
 * bad patterns cost nothing). As an agent's tool the result is compact unless Tool Output is
 * Full; it always carries the extracted code and link.
 */
export function readMessageOutput(
	this: IExecuteFunctions,
	itemIndex: number,
): MessageOutputOptions {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as MessageOptions;
	if (!runsAsTool(this.getNode()))
		return messageOutputOptions(this.getNode(), simplify, options, itemIndex);
	const mode = toolOutput(this, itemIndex);
	if (mode === 'full') return messageOutputOptions(this.getNode(), simplify, options, itemIndex);
	const output = messageOutputOptions(
		this.getNode(),
		simplify,
		{ ...options, extract: true },
		itemIndex,
	);
	return { ...output, downloadAttachments: false, tool: mode };
}
