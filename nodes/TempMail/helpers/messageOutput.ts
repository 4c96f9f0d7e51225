import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import { compileUserPattern, extractFromMessage } from '../extract';
import { DEFAULT_ATTACHMENT_PREFIX } from '../shared/descriptions';
import type { MessageOptions } from '../shared/descriptions';
import type { ApiMessage } from '../transport/types';
import {
	binaryPerMessage,
	itemsPerAttachment,
	maxSizeBytesOf,
	parseExtensionList,
	selectAttachments,
} from './attachmentItems';
import type { AttachmentOutput, AttachmentSelection } from './attachmentItems';
import { downloadAttachments } from './attachments';
import type { AttachmentFailure, BinaryCall } from './attachments';
import { agentMessage, runsAsTool } from './agent';
import type { ToolOutput } from './agent';

/**
 * What a message becomes on the node's output, the same for Message → Get, Get Many,
 * Wait For and the trigger: its fields (compact with Simplify, else the API's own), what
 * Extract reads from it, and its attachments as binary data when asked.
 */

export interface MessageOutputOptions {
	simplify: boolean;
	downloadAttachments?: boolean;
	attachmentOutput: AttachmentOutput;
	attachmentSelection: AttachmentSelection;
	attachmentPrefix?: string;
	/** Present when Extract is on; the patterns and the minimum confidence are already checked. */
	extract?: { codePattern?: string; linkPattern?: string; minimumConfidence?: number };
	/** Set when the node runs as an AI agent's tool and the result is not the full output. */
	tool?: 'compact' | 'extractedOnly';
}

/** The compact message shape (Simplify on). */
function simplifyMessage(message: ApiMessage): IDataObject {
	return {
		id: message.id,
		from: message.from_email,
		fromName: message.from,
		to: message.to,
		subject: message.subject,
		receivedAt: message.receivedAt,
		seen: message.is_seen,
		isHtml: message.html,
		content: message.content,
		attachments: message.attachments.map(({ name, size }) => ({ name, size })),
	};
}

function messageFields(message: ApiMessage, simplify: boolean): IDataObject {
	if (simplify) return simplifyMessage(message);
	return { ...message, attachments: message.attachments.map((a) => ({ ...a })) };
}

/** An Options entry that cannot be used, refused before any request. */
function optionError(node: INode, label: string, message: string, itemIndex?: number) {
	return new NodeOperationError(node, message, {
		itemIndex,
		description: `Fix or clear the ${label} option.`,
	});
}

/**
 * Turns the shared Options collection into output options, refusing unusable patterns or a
 * minimum confidence outside 0–1 before any request.
 */
export function messageOutputOptions(
	node: INode,
	simplify: boolean,
	options: MessageOptions,
	itemIndex?: number,
): MessageOutputOptions {
	const output: MessageOutputOptions = {
		simplify,
		downloadAttachments: options.downloadAttachments === true,
		attachmentOutput: options.attachmentOutput === 'perAttachment' ? 'perAttachment' : 'perMessage',
		attachmentSelection: attachmentSelectionOf(node, options, itemIndex),
		attachmentPrefix: options.attachmentPrefix,
	};
	if (options.extract !== true) return output;
	const patterns: NonNullable<MessageOutputOptions['extract']> = {};
	for (const [key, label] of [
		['codePattern', 'Code Pattern'],
		['linkPattern', 'Link Pattern'],
	] as const) {
		const source = options[key]?.trim();
		if (!source) continue;
		try {
			// The compiler that runs the pattern later, so what passes here also runs there.
			compileUserPattern(source, label);
		} catch (error) {
			throw optionError(node, label, (error as Error).message, itemIndex);
		}
		patterns[key] = source;
	}
	const minimum = options.minimumConfidence;
	if (minimum !== undefined && minimum !== null && String(minimum) !== '') {
		const value = Number(minimum);
		if (!Number.isFinite(value) || value < 0 || value > 1) {
			throw new NodeOperationError(
				node,
				`Minimum Confidence must be a number from 0 to 1 (got ${JSON.stringify(minimum)})`,
				{ itemIndex, description: 'Set Minimum Confidence between 0 and 1, or remove it.' },
			);
		}
		if (value > 0) patterns.minimumConfidence = value;
	}
	output.extract = patterns;
	return output;
}

/** The Tool Output parameter, which the node shows only as an AI agent's tool (see actions/tool.ts). */
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
 * The Simplify and Options parameters of a message operation, read before any request. As an
 * agent's tool the result is compact unless Tool Output is Full; it always carries the
 * extracted code and link.
 */
export function readMessageOutput(ctx: IExecuteFunctions, itemIndex: number): MessageOutputOptions {
	const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as MessageOptions;
	const node = ctx.getNode();
	const mode = runsAsTool(node) ? toolOutput(ctx, itemIndex) : 'full';
	if (mode === 'full') return messageOutputOptions(node, simplify, options, itemIndex);
	const output = messageOutputOptions(node, simplify, { ...options, extract: true }, itemIndex);
	return { ...output, downloadAttachments: false, tool: mode };
}

/** Attachment Extensions and Max Attachment Size, checked before any request. */
function attachmentSelectionOf(
	node: INode,
	options: MessageOptions,
	itemIndex?: number,
): AttachmentSelection {
	const refuse = (label: string, problem: string) =>
		optionError(node, label, `${label}: ${problem}`, itemIndex);
	const extensions = parseExtensionList(options.attachmentExtensions ?? '');
	if ('problem' in extensions) throw refuse('Attachment Extensions', extensions.problem);
	const maxSizeBytes = maxSizeBytesOf(options.maxAttachmentSizeMb);
	if (typeof maxSizeBytes === 'object') throw refuse('Max Attachment Size', maxSizeBytes.problem);
	return { extensions, maxSizeBytes };
}

export interface MessageItemsReport {
	items: INodeExecutionData[];
	failures: AttachmentFailure[];
	/** Attachment downloads requested (the trigger counts them against the quota). */
	downloads: number;
}

/**
 * The output items of one message: one item, or with One Item per Attachment one per
 * downloaded attachment (none for a message without any), with the attachments that
 * could not be downloaded: each is left out of the binary data and named in
 * `json.attachmentErrors` (`fileName` as the API listed it, `reason`), never thrown. The
 * trigger decides from `failures` whether to hold the message back.
 */
export async function buildMessageItemsReport(
	call: BinaryCall,
	message: ApiMessage,
	options: MessageOutputOptions,
): Promise<MessageItemsReport> {
	if (options.tool) {
		return {
			items: [{ json: agentMessage(message, options.tool, options.extract) }],
			failures: [],
			downloads: 0,
		};
	}
	const item: INodeExecutionData = { json: messageFields(message, options.simplify) };
	if (options.extract) Object.assign(item.json, extractFromMessage(message, options.extract));
	if (!options.downloadAttachments) return { items: [item], failures: [], downloads: 0 };
	const { wanted, tooLarge } = selectAttachments(message.attachments, options.attachmentSelection);
	const { downloaded, failures } = await downloadAttachments(call, message, wanted);
	const attachmentErrors = [
		...tooLarge,
		...failures.map(({ fileName, reason }) => ({ fileName, reason })),
	];
	const downloads = wanted.length;
	if (options.attachmentOutput === 'perAttachment') {
		return {
			items: itemsPerAttachment(message, downloaded, attachmentErrors),
			failures,
			downloads,
		};
	}
	if (attachmentErrors.length > 0) item.json.attachmentErrors = attachmentErrors;
	if (downloaded.length > 0) {
		const prefix = options.attachmentPrefix?.trim() || DEFAULT_ATTACHMENT_PREFIX;
		item.binary = binaryPerMessage(downloaded, prefix);
	}
	return { items: [item], failures, downloads };
}

/** The output items of one message; a failed attachment is reported in them, never thrown. */
export async function buildMessageItems(
	call: BinaryCall,
	message: ApiMessage,
	options: MessageOutputOptions,
): Promise<INodeExecutionData[]> {
	return (await buildMessageItemsReport(call, message, options)).items;
}
