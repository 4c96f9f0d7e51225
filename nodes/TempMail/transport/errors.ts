import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { apiReasonOf } from './apiReason';
import type { ApiReason } from './apiReason';
import { readableDuration, readableInstant } from './duration';
import { classifyBody, classifyNetwork, isTimeout, networkErrorCode, withFailure } from './failure';
import type { Failure } from './failure';
import { describeValue } from './shapes';

/**
 * User-facing errors, each built from what ./failure.ts decided a failed request means
 * (and recorded with it, so callers decide from that value, never from the message).
 */

/** What a request was about, so a 404 can say which thing is missing. */
export interface Target {
	kind: 'mailbox' | 'message' | 'attachment' | 'domains';
	label: string;
}

const CREDENTIAL_HINT =
	"Check the API key in the 'Temp Mail API' credential (create or copy it in your Temp Mail dashboard).";

function apiMessageOf(body: unknown): string | undefined {
	return apiReasonOf(body)?.text;
}

/** What to do about a 422, from what was asked and the fields the API names. */
function refusedInputHint(target: Target | undefined, reason: ApiReason | undefined): string {
	if (target?.kind === 'domains') {
		return `The domain type "${target.label}" was not accepted. Choose a type from the Domain Type list: it shows the types your plan allows (the API's allowed_types).`;
	}
	// The fields an `errors` object names, else the words of a plain message.
	const fields = reason?.fields.length
		? reason.fields.map((field) => field.toLowerCase())
		: (reason?.text.toLowerCase().match(/\b(username|domain)\b/g) ?? []);
	const hints: string[] = [];
	if (fields.some((field) => field.includes('username') || field === 'name'))
		hints.push('usernames use letters, digits, dot, underscore and hyphen (3 to 32 characters)');
	if (fields.some((field) => field.includes('domain')))
		hints.push('the domain must be one your plan allows (Domain → Get Many lists them)');
	if (hints.length > 0) return `Fix the value named above: ${hints.join('; ')}.`;
	if (reason) return 'Fix the value the API names above.';
	return target?.kind === 'mailbox'
		? 'The API gave no reason. Check the mailbox address, the new username (letters, digits, dot, underscore, hyphen) and that the domain is one your plan allows (Domain → Get Many).'
		: 'The API gave no reason. Check the values this operation sends.';
}

/** "The API asks to wait 30 days 17 h (until 2026-12-31 10:00 UTC)." and the quota reset, readable. */
function rateLimitWording(failure: Failure, now: number): string {
	const { quotaLimit, quotaUsed, quotaResetAt, retryAfterSeconds } = failure;
	const usage =
		quotaLimit !== null ? ` You have used ${quotaUsed ?? '?'} of ${quotaLimit} calls.` : '';
	const resetMs = quotaResetAt ? Date.parse(quotaResetAt) : Number.NaN;
	const reset = quotaResetAt
		? ` The quota resets at ${Number.isNaN(resetMs) ? quotaResetAt : readableInstant(resetMs)}.`
		: '';
	const wait =
		retryAfterSeconds !== null
			? ` The API asks to wait ${readableDuration(retryAfterSeconds)} (until ${readableInstant(now + retryAfterSeconds * 1000)}).`
			: '';
	return `${usage}${reset}${wait}`;
}

function notFound(target: Target | undefined): { message: string; description: string } {
	switch (target?.kind) {
		case 'mailbox':
			return {
				message: `Mailbox ${target.label} not found or expired`,
				description:
					'Temp Mail mailboxes expire (10 minutes by default) and deleted ones are gone. ' +
					'Create a new mailbox (Mailbox → Create) and use its address.',
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
					'Check the file name against the message\'s "attachments" list (names are ' +
					'case-sensitive); the message or its mailbox may also have expired.',
			};
		default:
			return {
				message: 'The Temp Mail API answered 404 (not found)',
				description: 'Check the base URL in the credential.',
			};
	}
}

function describeStatus(
	statusCode: number,
	failure: Failure,
	body: unknown,
	target: Target | undefined,
): { message: string; description: string } {
	const apiMessage = apiMessageOf(body);
	const said = apiMessage ? ` The API said: "${apiMessage}"` : '';
	switch (statusCode) {
		case 401:
			return {
				message: 'The Temp Mail API rejected the API key (401)',
				description: CREDENTIAL_HINT + said,
			};
		case 403:
			if (target?.kind === 'domains') {
				return {
					message: `Your plan does not allow ${target.label} domains (403)`,
					description: `Choose a domain type your plan allows (the Domain Type list shows them).${said}`,
				};
			}
			return {
				message: `Access denied${target ? ` to ${target.kind} ${target.label}` : ''} (403)`,
				description:
					'The mailbox or message belongs to another Temp Mail account, or your plan does ' +
					'not allow this (Domain → Get Many lists the domain types your plan allows).' +
					said,
			};
		case 404: {
			const nf = notFound(target);
			return { message: nf.message, description: nf.description + said };
		}
		case 422:
			return {
				message: `The Temp Mail API refused the input (422)${apiMessage ? `: ${apiMessage}` : ''}`,
				description: refusedInputHint(target, apiReasonOf(body)),
			};
		case 429:
			return {
				message: 'Temp Mail API quota exhausted or rate limited (429)',
				description: `Wait for the reset or lower how often this workflow calls the API.${rateLimitWording(failure, Date.now())}${said}`,
			};
		default:
			if (statusCode >= 500) {
				return {
					message: `The Temp Mail API had a server error (${statusCode})`,
					description: `The request did not complete on the server side; try again later.${said}`,
				};
			}
			return {
				message: `The Temp Mail API answered with unexpected HTTP status ${statusCode}`,
				description: `Check the base URL in the credential.${said || ` Body: ${describeValue(body)}`}`,
			};
	}
}

/** Builds the error for a non-2xx answer. The raw response is not attached: it may echo request headers. */
export function errorForResponse(
	node: INode,
	failure: Failure,
	body: unknown,
	target?: Target,
	itemIndex?: number,
): NodeApiError {
	const statusCode = failure.statusCode ?? 0;
	const { message, description } = describeStatus(statusCode, failure, body, target);
	const details: JsonObject = { httpCode: String(statusCode), message };
	const apiMessage = apiMessageOf(body);
	if (apiMessage) details.apiMessage = apiMessage;
	const error = new NodeApiError(node, details, {
		message,
		description,
		httpCode: String(statusCode),
		itemIndex,
	});
	return withFailure(error, failure);
}

/** A 200 whose body says `status: false`. */
export function errorForStatusFalse(node: INode, body: unknown, itemIndex?: number): NodeApiError {
	const apiMessage = apiMessageOf(body) ?? 'no reason given';
	const message = `The Temp Mail API reported a failure: ${apiMessage}`;
	const error = new NodeApiError(node, { message, httpCode: '200' } as JsonObject, {
		message,
		description:
			'The API answered 200 but with "status": false, so the request did not take effect.',
		httpCode: '200',
		itemIndex,
	});
	return withFailure(error, classifyBody());
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
		description:
			`Expected ${expected}, but found ${found}. Check that the credential's base URL ` +
			`points at the Temp Mail user API.`,
		itemIndex,
	});
	return withFailure(error, classifyBody());
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

/** Codes of a connection that was made and then broken. */
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE']);

/** Connection-level failure. Only the code is kept: the original error carries the request config (and the key). */
export function errorForNetwork(
	node: INode,
	failure: Failure,
	origin: string,
	timeoutMs: number,
	itemIndex?: number,
): NodeApiError {
	const code = failure.networkCode;
	const timedOut = isTimeout(failure);
	const reason = timedOut
		? `no answer within ${Math.round(timeoutMs / 1000)} s`
		: ((code && NETWORK_REASONS[code]) ?? (code ? `network error ${code}` : 'network error'));
	// The server was reached and then dropped the connection: not a question of reaching it.
	const dropped = code !== undefined && DROPPED_CODES.has(code);
	const message = dropped
		? `The Temp Mail API at ${origin} closed the connection before its answer was complete`
		: `Could not reach the Temp Mail API at ${origin}: ${reason}`;
	const error = new NodeApiError(node, { message, networkCode: code ?? 'UNKNOWN' } as JsonObject, {
		message,
		description: timedOut
			? 'The API was too slow to answer. Try again later.'
			: dropped
				? 'The server was reached but the connection broke mid-answer, usually a passing network or server problem. Try again later.'
				: 'Check the base URL in the credential and that this n8n instance can reach it (proxy, firewall, DNS).',
		itemIndex,
		messageMapping: {},
	});
	return withFailure(error, failure);
}

/**
 * The answer started (a 200 and its headers) and the connection broke before the file was
 * complete: the server was reached, so this is no "could not reach". Like a reset, it is
 * worth another try later.
 */
export function errorForBrokenDownload(
	node: INode,
	fileName: string,
	cause: unknown,
	itemIndex?: number,
): NodeApiError {
	const code = networkErrorCode(cause) ?? 'ECONNRESET';
	const message = `The connection broke while the Temp Mail API was sending the file "${fileName}"`;
	const error = new NodeApiError(node, { message, networkCode: code } as JsonObject, {
		message,
		description:
			'The server was reached but the download stopped before the file was complete, ' +
			'usually a passing network or server problem. Try again later; no partial file is output.',
		itemIndex,
		messageMapping: {},
	});
	return withFailure(error, classifyNetwork(DROPPED_CODES.has(code) ? code : 'ECONNRESET'));
}

/** The execution was stopped (by the user or a timeout) while a request or a retry wait ran. */
export function cancelledError(node: INode, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(
		node,
		'The execution was cancelled while waiting for the Temp Mail API',
		{ itemIndex },
	);
}
