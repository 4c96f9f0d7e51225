import type { IDataObject } from 'n8n-workflow';

import { apiPath } from './path';
import { parseBody, requestJson, requestStream } from './request';
import type { TempMailFunctions } from './request';
import { toDomains, toMailbox, toMessageList, toSingleMessage } from './shapes';
import type { ApiDomains, ApiMailbox, ApiMessage, ApiMessageList, ByteStream } from './types';

/** One function per documented endpoint; nothing else builds an API path. */

/**
 * Without a type, the domains of what the plan allows: the documentation shows `type=free`
 * but lets it be omitted, and on a plan without free domains `type=free` is refused (403).
 */
export async function getDomains(
	ctx: TempMailFunctions,
	type: string | undefined,
	itemIndex?: number,
): Promise<{ domains: ApiDomains; headers: IDataObject }> {
	const answer = await requestJson(ctx, {
		method: 'GET',
		path: apiPath('api', 'domains'),
		...(type === undefined ? {} : { qs: { type } }),
		target: { kind: 'domains', label: type ?? "your plan's" },
		itemIndex,
	});
	return {
		domains: parseBody(ctx, () => toDomains(answer.body), itemIndex),
		headers: answer.headers,
	};
}

export async function createMailbox(
	ctx: TempMailFunctions,
	itemIndex?: number,
): Promise<ApiMailbox> {
	const answer = await requestJson(ctx, {
		method: 'POST',
		path: apiPath('api', 'emails'),
		itemIndex,
	});
	return parseBody(ctx, () => toMailbox(answer.body), itemIndex);
}

export async function switchMailbox(
	ctx: TempMailFunctions,
	currentEmail: string,
	newUsername: string,
	domain: string,
	itemIndex?: number,
): Promise<ApiMailbox> {
	const answer = await requestJson(ctx, {
		method: 'POST',
		path: apiPath('api', 'emails', currentEmail, newUsername, domain),
		target: { kind: 'mailbox', label: currentEmail },
		itemIndex,
	});
	return parseBody(ctx, () => toMailbox(answer.body), itemIndex);
}

export async function deleteMailbox(
	ctx: TempMailFunctions,
	email: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const answer = await requestJson(ctx, {
		method: 'DELETE',
		path: apiPath('api', 'emails', email),
		target: { kind: 'mailbox', label: email },
		itemIndex,
	});
	return answer.body as IDataObject;
}

export async function listMessages(
	ctx: TempMailFunctions,
	email: string,
	itemIndex?: number,
	options: { retry?: boolean } = {},
): Promise<ApiMessageList & { headers: IDataObject }> {
	const answer = await requestJson(ctx, {
		method: 'GET',
		path: apiPath('api', 'messages'),
		qs: { email },
		target: { kind: 'mailbox', label: email },
		itemIndex,
		retry: options.retry,
	});
	return {
		...parseBody(ctx, () => toMessageList(answer.body), itemIndex),
		headers: answer.headers,
	};
}

export async function getMessage(
	ctx: TempMailFunctions,
	id: string,
	itemIndex?: number,
): Promise<ApiMessage> {
	const answer = await requestJson(ctx, {
		method: 'GET',
		path: apiPath('api', 'messages', id),
		target: { kind: 'message', label: id },
		itemIndex,
	});
	return parseBody(ctx, () => toSingleMessage(answer.body), itemIndex);
}

export async function deleteMessage(
	ctx: TempMailFunctions,
	id: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const answer = await requestJson(ctx, {
		method: 'DELETE',
		path: apiPath('api', 'messages', id),
		target: { kind: 'message', label: id },
		itemIndex,
	});
	return answer.body as IDataObject;
}

/**
 * The attachment URL is rebuilt from the configured base URL: the absolute
 * `url` in API answers is never followed, so the key cannot leave its origin.
 */
export async function downloadAttachment(
	ctx: TempMailFunctions,
	messageId: string,
	fileName: string,
	itemIndex?: number,
): Promise<{ stream: ByteStream | Buffer; headers: IDataObject }> {
	return await requestStream(ctx, {
		method: 'GET',
		path: apiPath('api', 'messages', messageId, 'attachments', fileName),
		target: { kind: 'attachment', label: `"${fileName}" of message ${messageId}` },
		itemIndex,
	});
}
