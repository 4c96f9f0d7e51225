import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { AGENT_TEXT_LIMIT } from '../helpers/agent';

/**
 * The node as an AI agent's tool. n8n runs a `usableAsTool` node under a generated type
 * ("Temp Mail Tool", `tempMailTool`) built from the node's own properties at run time (n8n 2.41
 * applies `usableAsTool.replacements` only to what the editor shows), so everything a tool needs
 * is an ordinary property shown only as a tool (`'@tool': [true]`).
 *
 * What the model reads about a tool is its `toolDescription` parameter; n8n's own fallback is
 * "<action> in Temp Mail", which says nothing about blocking or what comes back. So each
 * operation has a description written for a model: what the call does, how long it may block,
 * what comes back and what the ids look like. Parameter descriptions made with the editor's
 * "let the model define this" button are empty, so these name the inputs too.
 */
export const TOOL_DESCRIPTIONS: Record<string, Record<string, string>> = {
	mailbox: {
		create:
			'Create a new disposable email address. Returns "email" (use it to sign up, then pass it to Wait For) and "expiresInSeconds" (the address and its mail are deleted then, usually after 600 s)',
		delete: 'Delete a disposable mailbox ("email": its full address) and all its messages',
		switch:
			'Change a mailbox ("email": its full address) to a chosen username and domain; returns the new "email"',
	},
	message: {
		waitFor: `Wait for a new (unread) email in a mailbox ("email": the address from Create). Blocks until a message matching the filters arrives or the timeout passes (default 120 s). Returns "id", "from", "subject", "code" (the verification code, or null), "verificationLink" (or null) and "text" (the body as plain text, at most ${AGENT_TEXT_LIMIT} characters). The message returned is marked read, so calling again waits for the next one. If nothing arrives: "timedOut": true; call again to keep waiting`,
		getAll: `List the emails in a mailbox ("email": the address from Create), newest first. Each has "id" (a long string of letters and digits), "from", "subject", "code", "verificationLink" and "text" (at most ${AGENT_TEXT_LIMIT} characters)`,
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
	displayOptions: {
		show: { '@tool': [true], resource: ['message'], operation: ['get', 'getAll', 'waitFor'] },
	},
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

const asTool = { '@tool': [true] };

/** The Resource choice of the tool: the node's, without what a tool cannot use. */
function toolResource(resource: INodeProperties): INodeProperties {
	const options = (resource.options ?? []) as INodePropertyOptions[];
	return {
		...resource,
		displayOptions: { show: asTool },
		options: options.filter((option) => !RESOURCES_NOT_AS_TOOL.includes(String(option.value))),
	};
}

/**
 * The node's properties with the tool's own: its Resource choice (the ordinary one shows only
 * outside a tool), a model-facing description per operation, and Tool Output.
 */
export function withToolProperties(properties: INodeProperties[]): INodeProperties[] {
	const result: INodeProperties[] = [];
	for (const property of properties) {
		if (property.name !== 'resource') {
			result.push(property);
			continue;
		}
		result.push({ ...property, displayOptions: { show: { '@tool': [false] } } });
		result.push(toolResource(property));
		for (const [resource, operations] of Object.entries(TOOL_DESCRIPTIONS)) {
			for (const [operation, text] of Object.entries(operations)) {
				result.push({
					displayName: 'Tool Description',
					name: 'toolDescription',
					type: 'string',
					typeOptions: { rows: 4 },
					displayOptions: { show: { ...asTool, resource: [resource], operation: [operation] } },
					default: text,
					description:
						'What the AI model is told about this tool; it decides when to call it and what to expect from it',
				});
			}
		}
		result.push(toolOutput);
	}
	return result;
}

/** Why a resource is not available to an agent, or undefined when it is. */
export function notAsToolReason(resource: string): string | undefined {
	if (!RESOURCES_NOT_AS_TOOL.includes(resource)) return undefined;
	return 'Attachment → Download is not available to an AI agent: n8n does not pass files to the model. Each message lists its attachments (name, size); download them with a Temp Mail node in the workflow instead.';
}
