import type { INodeProperties } from 'n8n-workflow';

import {
	DEFAULT_MAX_RETRY_WAIT_SECONDS,
	MAX_RETRY_WAIT_LIMIT_SECONDS,
} from '../transport/retryPolicy';

/**
 * Parameters shared by several operations and the trigger, so their names and wording stay
 * identical, with the types and defaults of their values. Actions, trigger and helpers all
 * import from here; this file imports nothing above the transport.
 */

export const DEFAULT_ATTACHMENT_PREFIX = 'attachment_';

/** The node-level "Request Options" collection (action node and trigger). */
export const REQUEST_OPTIONS_PARAMETER = 'requestOptions';

export interface RequestOptionsValues {
	concurrency?: unknown;
	retryOnTransientErrors?: unknown;
	maxRetryWait?: unknown;
}

export const mailboxAddress: INodeProperties = {
	displayName: 'Mailbox Address',
	name: 'email',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'name@example.com',
	description:
		'The full address of a mailbox owned by your account, e.g. the "email" output of Mailbox → Create',
};

export const messageId: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	default: '',
	required: true,
	description: 'The ID of a message, as output by Message → Get Many or the Temp Mail Trigger',
};

export const simplify: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return a compact message (ID, from, fromName, to, subject, receivedAt, seen, ' +
		'isHtml, content, attachments) instead of the raw API fields',
};

export const messageOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Attachment Extensions',
			name: 'attachmentExtensions',
			type: 'string',
			default: '',
			placeholder: 'pdf, png, docx',
			description:
				'With Download Attachments on: download only attachments with these file extensions (comma-separated); empty downloads all. The API lists inline images as ordinary attachments, so leaving out image extensions is how to skip them.',
		},
		{
			displayName: 'Attachment Output',
			name: 'attachmentOutput',
			type: 'options',
			default: 'perMessage',
			options: [
				{
					name: 'One Item per Message',
					value: 'perMessage',
					description:
						'Each message is one item with its attachments as attachment_0, attachment_1, … (by their position in the message)',
				},
				{
					name: 'One Item per Attachment',
					value: 'perAttachment',
					description:
						'Each attachment is its own item with the file under "data" and messageId, fileName, mimeType, fileSize: a storage node (S3, Drive, Write Files) can follow directly. A message without attachments outputs nothing.',
				},
			],
			description: 'With Download Attachments on: how the attachments are output',
		},
		{
			displayName: 'Attachment Prefix',
			name: 'attachmentPrefix',
			type: 'string',
			default: DEFAULT_ATTACHMENT_PREFIX,
			description:
				'With One Item per Message: the prefix of the binary properties that hold the attachments: attachment_0, attachment_1, …',
		},
		{
			displayName: 'Code Pattern',
			name: 'codePattern',
			type: 'string',
			default: '',
			placeholder: 'code: (\\d{6})',
			description:
				'With Extract on: a regular expression for the verification code; its first capture ' +
				'group (or the whole match) becomes "code"',
		},
		{
			displayName: 'Download Attachments',
			name: 'downloadAttachments',
			type: 'boolean',
			default: false,
			description:
				'Whether to download every attachment as binary data (one API request per attachment)',
		},
		{
			displayName: 'Extract',
			name: 'extract',
			type: 'boolean',
			default: false,
			description:
				'Whether to add "text" (the body as plain text), "code" (the verification code, as a person ' +
				'would type it), "codeCandidates" (possible codes, best first, with a confidence from 0 to 1), ' +
				'"links", "verificationLink" and "verificationLinkKind" (verify, reset, magic sign-in, confirm ' +
				'subscription, approve sign-in), read from the message without another request',
		},
		{
			displayName: 'Link Pattern',
			name: 'linkPattern',
			type: 'string',
			default: '',
			placeholder: '/account/confirm',
			description:
				'With Extract on: a regular expression; the first link matching it becomes "verificationLink"',
		},
		{
			displayName: 'Max Attachment Size (MB)',
			name: 'maxAttachmentSizeMb',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 1 },
			default: 0,
			description:
				'With Download Attachments on: larger attachments are not downloaded; they are listed in "attachmentErrors" with their size. 0 downloads any size.',
		},
		{
			displayName: 'Minimum Confidence',
			name: 'minimumConfidence',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
			description:
				'With Extract on: below this confidence (0 to 1) "code" is null, so the workflow can branch ' +
				'instead of typing a doubtful code; "codeCandidates" still lists what was found. 0 keeps any code.',
		},
	],
};

/** The filters of Message → Wait For and of the trigger (see helpers/filters.ts). */
export const messageFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add filter',
	default: {},
	options: [
		{
			displayName: 'Body Contains',
			name: 'bodyContains',
			type: 'string',
			default: '',
			description: 'Only messages whose body contains this text (case-insensitive)',
		},
		{
			displayName: 'From Contains',
			name: 'fromContains',
			type: 'string',
			default: '',
			description:
				'Only messages whose sender name or address contains this text (case-insensitive)',
		},
		{
			displayName: 'Regular Expression',
			name: 'pattern',
			type: 'string',
			default: '',
			placeholder: 'verify|confirm',
			description:
				'Only messages whose subject or body matches this regular expression (case-insensitive)',
		},
		{
			displayName: 'Subject Contains',
			name: 'subjectContains',
			type: 'string',
			default: '',
			description: 'Only messages whose subject contains this text (case-insensitive)',
		},
	],
};

export interface MessageOptions {
	downloadAttachments?: boolean;
	attachmentOutput?: 'perMessage' | 'perAttachment';
	attachmentExtensions?: string;
	maxAttachmentSizeMb?: number;
	attachmentPrefix?: string;
	extract?: boolean;
	codePattern?: string;
	linkPattern?: string;
	minimumConfidence?: number;
}

/** Requests in flight at once by default: fast, yet far below what makes an API answer 429. */
export const DEFAULT_CONCURRENCY = 20;
export const MAX_CONCURRENCY = 20;

/**
 * Node-level "Request Options", shown for every operation and on the trigger; resolved once
 * by the router, the trigger or a dropdown (helpers/requestOptions.ts) and handed to the
 * transport. See transport/retryPolicy.ts for the rule.
 */
export const requestOptions: INodeProperties = {
	displayName: 'Request Options',
	name: REQUEST_OPTIONS_PARAMETER,
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
			default: DEFAULT_CONCURRENCY,
			description:
				'The most API requests open at once: input items, and the messages of Get Many or ' +
				'of a trigger poll with their attachment downloads, run side by side up to this ' +
				'number. Results keep their order. 1 runs everything one after another.',
		},
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWait',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: MAX_RETRY_WAIT_LIMIT_SECONDS },
			default: DEFAULT_MAX_RETRY_WAIT_SECONDS,
			description:
				'The longest the node waits before one retry when the API asks it to (rate limit or ' +
				'quota reset). A longer requested wait fails at once with the quota error.',
		},
		{
			displayName: 'Retry on Transient Errors',
			name: 'retryOnTransientErrors',
			type: 'boolean',
			default: true,
			description:
				'Whether to retry a request up to 3 times after a rate limit (429), a 502/503/504 or ' +
				'a dropped connection, with growing pauses. Create and Switch are retried only when ' +
				'the API certainly did not process them.',
		},
	],
};
