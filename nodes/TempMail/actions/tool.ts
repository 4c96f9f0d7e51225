import { deepCopy } from 'n8n-workflow';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { AGENT_TEXT_LIMIT } from '../helpers/agent';

/**
 * The node as an AI agent's tool (n8n builds "Temp Mail Tool" from `usableAsTool.replacements`).
 * In n8n's default "Set Automatically" mode the model sees only "<action> in Temp Mail", so each
 * action below is written for a model: what the call does, how long it may block, what comes
 * back and what the ids look like. Parameter descriptions made with the editor's "let the model
 * define this" button are empty, so the actions name the inputs too.
 */
const TOOL_ACTIONS: Record<string, Record<string, string>> = {
	mailbox: {
		create:
			'Create a new disposable email address. Returns "email" (use it to sign up, then pass it to Wait For) and "expiresInSeconds" (the address and its mail are deleted then, usually after 600 s)',
		delete: 'Delete a disposable mailbox ("email": its full address) and all its messages',
		switch:
			'Change a mailbox ("email": its full address) to a chosen username and domain; returns the new "email"',
	},
	message: {
		waitFor: `Wait for a new (unread) email in a mailbox ("email": the address from Create). Blocks until a message matching the filters arrives or the timeout passes (default 120 s). Returns "ID", "from", "subject", "code" (the verification code, or null), "verificationLink" (or null) and "text" (the body as plain text, at most ${AGENT_TEXT_LIMIT} characters). The message returned is marked read, so calling again waits for the next one. If nothing arrives: "timedOut": true; call again to keep waiting`,
		getAll: `List the emails in a mailbox ("email": the address from Create), newest first. Each has "ID" (a long string of letters and digits), "from", "subject", "code", "verificationLink" and "text" (at most ${AGENT_TEXT_LIMIT} characters)`,
		get: `Read one email by its "id" (the long id string from Wait For or Get Many) and mark it read. Returns "from", "subject", "code", "verificationLink" and "text" (at most ${AGENT_TEXT_LIMIT} characters)`,
		delete: 'Delete one email by its "id" (the long id string from Wait For or Get Many)',
	},
	domain: {
		getAll: 'List the domains a new disposable address can use ("domain", "type")',
	},
	quota: {
		get: 'Get how many Temp Mail API calls are left and when the allowance resets',
	},
};

/**
 * Attachment → Download is not offered as a tool: n8n drops binary data from a tool's result
 * (the model would see only the file's name and size, which every message already lists) and
 * the file is gone once the agent finishes.
 */
const RESOURCES_NOT_AS_TOOL = ['attachment'];

const toolOutput: INodeProperties = {
	displayName: 'Tool Output',
	name: 'toolOutput',
	type: 'options',
	displayOptions: { show: { resource: ['message'], operation: ['get', 'getAll', 'waitFor'] } },
	options: [
		{
			name: 'Compact',
			value: 'compact',
			description: `Sender, subject, code, verificationLink and the body as plain text (at most ${AGENT_TEXT_LIMIT} characters, no HTML)`,
		},
		{
			name: 'Extracted Fields Only',
			value: 'extractedOnly',
			description:
				'Only ID, receivedAt, code and verificationLink: no text written by the sender reaches the model (mail is untrusted and may carry instructions aimed at the agent)',
		},
		{
			name: 'Full',
			value: 'full',
			description: 'The ordinary output of the operation (Simplify and Options apply)',
		},
	],
	default: 'compact',
	description:
		'What the model receives for each message. Every tool result is sent to the model provider and re-sent on later calls, so keep it small.',
};

function isOptionList(options: INodeProperties['options']): options is INodePropertyOptions[] {
	return Array.isArray(options) && options.every((option) => 'value' in option);
}

/** The tool variant's properties: model-facing actions, no attachment resource, Tool Output. */
export function toolProperties(properties: INodeProperties[]): INodeProperties[] {
	const result: INodeProperties[] = [];
	for (const original of deepCopy(properties)) {
		const resources = original.displayOptions?.show?.resource as string[] | undefined;
		if (resources?.every((resource) => RESOURCES_NOT_AS_TOOL.includes(resource))) continue;
		if (original.name === 'resource' && isOptionList(original.options)) {
			original.options = original.options.filter(
				(option) => !RESOURCES_NOT_AS_TOOL.includes(String(option.value)),
			);
		}
		if (
			original.name === 'operation' &&
			resources?.length === 1 &&
			isOptionList(original.options)
		) {
			const actions = TOOL_ACTIONS[resources[0]] ?? {};
			for (const option of original.options) {
				const action = actions[String(option.value)];
				if (action) option.action = action;
			}
		}
		result.push(original);
	}
	const simplifyAt = result.findIndex((property) => property.name === 'simplify');
	result.splice(simplifyAt < 0 ? result.length : simplifyAt, 0, toolOutput);
	return result;
}

/** Why a resource is not available to an agent, or undefined when it is. */
export function notAsToolReason(resource: string): string | undefined {
	if (!RESOURCES_NOT_AS_TOOL.includes(resource)) return undefined;
	return 'Attachment → Download is not available to an AI agent: n8n does not pass files to the model. Each message lists its attachments (name, size); download them with a Temp Mail node in the workflow instead.';
}
