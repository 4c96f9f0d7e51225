import type { IDataObject, INode } from 'n8n-workflow';

import { extractFromMessage } from '../extract';
import type { ExtractOptions } from '../extract';
import type { ApiMessage } from '../transport/types';

/**
 * What a message looks like to an AI agent. Every tool result is sent to the model provider
 * and re-sent on each later call of the run, so it carries only what an agent acts on:
 * - compact: sender, subject, code, verificationLink and the body as plain text cut at
 *   AGENT_TEXT_LIMIT characters (never the HTML);
 * - extractedOnly: for mail from strangers, which can carry instructions aimed at the agent:
 *   only the id, the time and what the node extracted itself (code, verificationLink);
 * - full: the node's ordinary output (Simplify and Options apply).
 */
export type ToolOutput = 'compact' | 'extractedOnly' | 'full';

/** Characters of plain text a compact tool result keeps (a verification mail fits whole). */
export const AGENT_TEXT_LIMIT = 1500;

/**
 * Whether this node runs as an AI agent's tool. n8n runs a `usableAsTool` node as a tool
 * under a generated type named after it with "Tool" appended (tempMail → tempMailTool);
 * n8n tells tool types apart by that same suffix.
 */
export function runsAsTool(node: INode): boolean {
	return node.type.endsWith('Tool');
}

/** Cuts at the last word boundary before the limit, so a code or link is never cut in half. */
function trimText(text: string, limit: number): { text: string; truncated: boolean } {
	if (text.length <= limit) return { text, truncated: false };
	const cut = text.slice(0, limit);
	const lastSpace = cut.search(/\s\S*$/);
	return { text: `${lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut} …`, truncated: true };
}

/** One message as a tool result (see ToolOutput; 'full' is not built here). */
export function agentMessage(
	message: ApiMessage,
	mode: Exclude<ToolOutput, 'full'>,
	patterns: ExtractOptions = {},
): IDataObject {
	const extracted = extractFromMessage(message, patterns);
	if (mode === 'extractedOnly') {
		return {
			id: message.id,
			receivedAt: message.receivedAt,
			code: extracted.code,
			verificationLink: extracted.verificationLink,
		};
	}
	const body = trimText(extracted.text, AGENT_TEXT_LIMIT);
	return {
		id: message.id,
		from: message.from_email,
		fromName: message.from,
		subject: message.subject,
		receivedAt: message.receivedAt,
		code: extracted.code,
		verificationLink: extracted.verificationLink,
		text: body.text,
		...(body.truncated ? { textTruncated: true } : {}),
		attachments: message.attachments.map(({ name, size }) => ({ name, size })),
	};
}
