import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { readQuota, readRetryAfterSeconds } from './quota';
import { describeValue } from './shapes';

/** What a request was about, so a 404 can say which thing is missing. */
export interface Target {
	kind: 'mailbox' | 'message' | 'attachment' | 'domains' | 'quota';
	label: string;
}

export interface FailedResponse {
	statusCode: number;
	body: unknown;
	headers: IDataObject;
}

const CREDENTIAL_HINT =
	"Check the API key in the 'Temp Mail API' credential (create or copy it in your Temp Mail dashboard).";

function apiMessageOf(body: unknown): string | undefined {
	if (typeof body === 'object' && body !== null && 'message' in body) {
		const message = (body as { message: unknown }).message;
		if (typeof message === 'string' && message.trim() !== '') return message.trim().slice(0, 300);
	}
	return undefined;
}

function notFound(target: Target | undefined): { message: string; description: string } {
	switch (target?.kind) {
		case 'mailbox':
			return {
				message: `Mailbox ${target.label} not found or expired`,
				description:
					'Temp Mail mailboxes expire (10 minutes by default) and deleted ones are gone. Create a new mailbox (Mailbox → Create) and use its address.',
			};
		case 'message':
			return {
				message: `Message ${target.label} not found`,
				description:
					'The message was deleted, or its mailbox expired. Use Message → Get Many to list the current message IDs.',
			};
		case 'attachment':
			return {
				message: `Attachment ${target.label} not found`,
				description:
					'Check the file name against the message\'s "attachments" list (names are case-sensitive); the message or its mailbox may also have expired.',
			};
		default:
			return {
				message: 'The Temp Mail API answered 404 (not found)',
				description: 'Check the base URL in the credential.',
			};
	}
}

function describeStatus(
	response: FailedResponse,
	target: Target | undefined,
): { message: string; description: string } {
	const apiMessage = apiMessageOf(response.body);
	const said = apiMessage ? ` The API said: "${apiMessage}"` : '';
	const { statusCode } = response;
	switch (statusCode) {
		case 401:
			return {
				message: 'The Temp Mail API rejected the API key (401)',
				description: CREDENTIAL_HINT + said,
			};
		case 403:
			return {
				message: `Access denied${target ? ` to ${target.kind} ${target.label}` : ''} (403)`,
				description:
					'The mailbox or message belongs to another Temp Mail account, or your plan does not allow this (Domain → Get Many lists the domain types your plan allows).' +
					said,
			};
		case 404: {
			const nf = notFound(target);
			return { message: nf.message, description: nf.description + said };
		}
		case 422:
			return {
				message: `The Temp Mail API refused the input (422)${apiMessage ? `: ${apiMessage}` : ''}`,
				description:
					'Check the value named in the message: usernames use letters, digits, dot, underscore and hyphen, and the domain must be one your account allows (Domain → Get Many).',
			};
		case 429: {
			const quota = readQuota(response.headers);
			const retryAfter = readRetryAfterSeconds(response.headers);
			const usage =
				quota.limit !== null ? ` You have used ${quota.used ?? '?'} of ${quota.limit} calls.` : '';
			const reset = quota.resetAt ? ` The quota resets at ${quota.resetAt}.` : '';
			const wait = retryAfter !== null ? ` Retry after ${retryAfter} s.` : '';
			return {
				message: 'Temp Mail API quota exhausted or rate limited (429)',
				description: `Wait for the reset or lower how often this workflow calls the API.${usage}${reset}${wait}${said}`,
			};
		}
		default:
			if (statusCode >= 500) {
				return {
					message: `The Temp Mail API had a server error (${statusCode})`,
					description: `The request did not complete on the server side; try again later.${said}`,
				};
			}
			return {
				message: `The Temp Mail API answered with unexpected HTTP status ${statusCode}`,
				description: `Check the base URL in the credential.${said || ` Body: ${describeValue(response.body)}`}`,
			};
	}
}

/** Builds the error for a non-2xx answer. The raw response is not attached: it may echo request headers. */
export function errorForResponse(
	node: INode,
	response: FailedResponse,
	target?: Target,
	itemIndex?: number,
): NodeApiError {
	const { message, description } = describeStatus(response, target);
	const details: JsonObject = { httpCode: String(response.statusCode), message };
	const apiMessage = apiMessageOf(response.body);
	if (apiMessage) details.apiMessage = apiMessage;
	const error = new NodeApiError(node, details, {
		message,
		description,
		httpCode: String(response.statusCode),
		itemIndex,
	});
	if (response.statusCode === 429) {
		// Kept for callers that wait instead of failing (Wait For, retries).
		error.context.retryAfterSeconds = readRetryAfterSeconds(response.headers);
		error.context.quotaResetAt = readQuota(response.headers).resetAt;
		error.context.quotaRemaining = readQuota(response.headers).remaining;
	}
	return error;
}

/** A 200 whose body says `status: false`. */
export function errorForStatusFalse(node: INode, body: unknown, itemIndex?: number): NodeApiError {
	const apiMessage = apiMessageOf(body) ?? 'no reason given';
	const message = `The Temp Mail API reported a failure: ${apiMessage}`;
	return new NodeApiError(node, { message, httpCode: '200' } as JsonObject, {
		message,
		description:
			'The API answered 200 but with "status": false, so the request did not take effect.',
		httpCode: '200',
		itemIndex,
	});
}

/** A 2xx whose body is not the documented shape (non-JSON, HTML, missing fields). */
export function errorForUnexpectedBody(
	node: INode,
	expected: string,
	found: string,
	itemIndex?: number,
): NodeApiError {
	const message = 'The Temp Mail API answered in an unexpected format';
	const error = new NodeApiError(node, { message } as JsonObject, {
		message,
		description: `Expected ${expected}, but found ${found}. Check that the credential's base URL points at the Temp Mail user API.`,
		itemIndex,
	});
	error.context.unexpectedBody = true;
	return error;
}

const NETWORK_REASONS: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was dropped before the answer arrived',
	EPIPE: 'the connection was dropped while sending',
	ENOTFOUND: 'the host name could not be resolved',
	EAI_AGAIN: 'the host name could not be resolved (DNS temporarily unavailable)',
	ETIMEDOUT: 'the connection timed out',
	ECONNABORTED: 'no answer arrived in time',
	ERR_BAD_RESPONSE: 'the answer was not valid HTTP',
	CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
	DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed",
};

/** The errno-style code of a failed request, looked up through n8n's wrapping errors. */
export function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/** Connection-level failure. Only the code is kept: the original error carries the request config (and the key). */
export function errorForNetwork(
	node: INode,
	error: unknown,
	origin: string,
	timeoutMs: number,
	itemIndex?: number,
): NodeApiError {
	const code = networkErrorCode(error);
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT';
	const reason = timedOut
		? `no answer within ${Math.round(timeoutMs / 1000)} s`
		: ((code && NETWORK_REASONS[code]) ?? (code ? `network error ${code}` : 'network error'));
	const message = `Could not reach the Temp Mail API at ${origin}: ${reason}`;
	const failure = new NodeApiError(
		node,
		{ message, networkCode: code ?? 'UNKNOWN' } as JsonObject,
		{
			message,
			description: timedOut
				? 'The API was too slow to answer. Try again, or raise the Timeout option.'
				: 'Check the base URL in the credential and that this n8n instance can reach it (proxy, firewall, DNS).',
			itemIndex,
			messageMapping: {},
		},
	);
	failure.context.networkCode = code ?? 'UNKNOWN';
	return failure;
}

export type FailureKind = 'rate-limited' | 'transient' | 'fatal';

/**
 * How a caller that can wait should treat an error: a 429 waits for the
 * quota, server and connection trouble is worth another try, anything else
 * (key, ownership, missing mailbox, bad input) will not get better.
 */
export function classifyFailure(error: unknown): FailureKind {
	if (!(error instanceof NodeApiError)) return 'fatal';
	if (error.httpCode === '429') return 'rate-limited';
	if (error.httpCode !== null && /^5\d\d$/.test(error.httpCode)) return 'transient';
	if (error.context.networkCode !== undefined || error.context.unexpectedBody === true)
		return 'transient';
	return 'fatal';
}
