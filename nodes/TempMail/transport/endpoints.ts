import type { IDataObject } from 'n8n-workflow';

import { apiPath } from './path';
import { requestJson, requestStream } from './request';
import { toDomains, toMailbox, toMessageList, toSingleMessage } from './shapes';
import type {
	ApiAnswer,
	ApiCall,
	ApiDomains,
	ApiMailbox,
	ApiMessage,
	ApiMessageList,
	ByteStream,
} from './types';

/**
 * One function per documented endpoint; nothing else builds an API path. Each hands its
 * shape parser (./shapes.ts) to the request and answers `{ data, headers }`.
 */

/** The body of an answer that carries nothing but `status: true` (deletions). */
const asIs = (body: Record<string, unknown>): IDataObject => body as IDataObject;

/**
 * Without a type, the domains of what the plan allows: the documentation shows `type=free`
 * but lets it be omitted, and on a plan without free domains `type=free` is refused (403).
 */
export async function getDomains(
	call: ApiCall,
	type: string | undefined,
): Promise<ApiAnswer<ApiDomains>> {
	return await requestJson(
		call,
		{
			method: 'GET',
			path: apiPath('api', 'domains'),
			...(type === undefined ? {} : { qs: { type } }),
			target: { kind: 'domains', label: type ?? "your plan's" },
		},
		toDomains,
	);
}

export async function createMailbox(call: ApiCall): Promise<ApiAnswer<ApiMailbox>> {
	return await requestJson(call, { method: 'POST', path: apiPath('api', 'emails') }, toMailbox);
}

export async function switchMailbox(
	call: ApiCall,
	currentEmail: string,
	newUsername: string,
	domain: string,
): Promise<ApiAnswer<ApiMailbox>> {
	return await requestJson(
		call,
		{
			method: 'POST',
			path: apiPath('api', 'emails', currentEmail, newUsername, domain),
			target: { kind: 'mailbox', label: currentEmail },
		},
		toMailbox,
	);
}

export async function deleteMailbox(call: ApiCall, email: string): Promise<ApiAnswer<IDataObject>> {
	return await requestJson(
		call,
		{
			method: 'DELETE',
			path: apiPath('api', 'emails', email),
			target: { kind: 'mailbox', label: email },
		},
		asIs,
	);
}

export async function listMessages(
	call: ApiCall,
	email: string,
): Promise<ApiAnswer<ApiMessageList>> {
	return await requestJson(
		call,
		{
			method: 'GET',
			path: apiPath('api', 'messages'),
			qs: { email },
			target: { kind: 'mailbox', label: email },
		},
		toMessageList,
	);
}

export async function getMessage(call: ApiCall, id: string): Promise<ApiAnswer<ApiMessage>> {
	return await requestJson(
		call,
		{
			method: 'GET',
			path: apiPath('api', 'messages', id),
			target: { kind: 'message', label: id },
		},
		toSingleMessage,
	);
}

export async function deleteMessage(call: ApiCall, id: string): Promise<ApiAnswer<IDataObject>> {
	return await requestJson(
		call,
		{
			method: 'DELETE',
			path: apiPath('api', 'messages', id),
			target: { kind: 'message', label: id },
		},
		asIs,
	);
}

/**
 * The attachment URL is rebuilt from the configured base URL: the absolute
 * `url` in API answers is never followed, so the key cannot leave its origin.
 */
export async function downloadAttachment(
	call: ApiCall,
	messageId: string,
	fileName: string,
): Promise<ApiAnswer<ByteStream | Buffer>> {
	return await requestStream(call, {
		method: 'GET',
		path: apiPath('api', 'messages', messageId, 'attachments', fileName),
		target: { kind: 'attachment', label: `"${fileName}" of message ${messageId}` },
	});
}
