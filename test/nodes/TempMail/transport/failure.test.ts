import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import {
	errorForNetwork,
	errorForResponse,
	errorForStatusFalse,
	errorForUnexpectedBody,
} from '../../../../nodes/TempMail/transport/errors';
import {
	classifyBody,
	classifyNetwork,
	classifyResponse,
	failureOf,
	networkErrorCode,
} from '../../../../nodes/TempMail/transport/failure';

const node: INode = {
	id: '1',
	name: 'Temp Mail',
	type: 'n8n-nodes-tempmail.tempMail',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const NOW = Date.parse('2026-11-24T10:00:00Z');

describe('failure classifier: one meaning for each failed request', () => {
	it.each([
		[429, 'rate-limited', false],
		[500, 'permanent', true],
		[502, 'transient', true],
		[503, 'transient', true],
		[504, 'transient', true],
		[400, 'permanent', true],
		[401, 'permanent', true],
		[403, 'permanent', true],
		[404, 'permanent', true],
		[422, 'permanent', true],
	])('HTTP %i is %s (may have acted: %s)', (statusCode, kind, mayHaveActed) => {
		const failure = classifyResponse(statusCode, {}, NOW);
		expect(failure.kind).toBe(kind);
		expect(failure.mayHaveActed).toBe(mayHaveActed);
		expect(failure.statusCode).toBe(statusCode);
	});

	it.each([
		['ECONNRESET', 'transient', true],
		['EPIPE', 'transient', true],
		['ECONNREFUSED', 'transient', false],
		['EAI_AGAIN', 'transient', false],
		['ENOTFOUND', 'permanent', true],
		['ECONNABORTED', 'permanent', true],
		['ETIMEDOUT', 'permanent', true],
		['CERT_HAS_EXPIRED', 'permanent', true],
		[undefined, 'permanent', true],
	])('network %s is %s (may have acted: %s)', (code, kind, mayHaveActed) => {
		const failure = classifyNetwork(code);
		expect(failure.kind).toBe(kind);
		expect(failure.mayHaveActed).toBe(mayHaveActed);
		expect(failure.networkCode).toBe(code);
	});

	it('a 429 reads Retry-After (seconds or HTTP date) and the quota headers', () => {
		const headers = {
			'retry-after': new Date(NOW + 7_000).toUTCString(),
			'x-ratelimit-limit': '100',
			'x-ratelimit-used': '100',
			'x-ratelimit-remaining': '0',
			'x-ratelimit-reset': '2026-11-24T11:00:00Z',
		};
		expect(classifyResponse(429, headers, NOW)).toEqual({
			kind: 'rate-limited',
			mayHaveActed: false,
			statusCode: 429,
			retryAfterSeconds: 7,
			quotaResetAt: '2026-11-24T11:00:00Z',
			quotaRemaining: 0,
			quotaUsed: 100,
			quotaLimit: 100,
		});
		expect(classifyResponse(429, { 'retry-after': '3' }, NOW).retryAfterSeconds).toBe(3);
	});

	it('an unexpected body or status false is permanent', () => {
		expect(classifyBody().kind).toBe('permanent');
		expect(failureOf(errorForStatusFalse(node, { status: false })).kind).toBe('permanent');
		expect(failureOf(errorForUnexpectedBody(node, 'a JSON object', 'a string')).kind).toBe(
			'permanent',
		);
	});

	it('finds the network code through wrapping errors', () => {
		const wrapped = { message: 'x', cause: { cause: { code: 'ENOTFOUND' } } };
		expect(networkErrorCode(wrapped)).toBe('ENOTFOUND');
		expect(networkErrorCode(new Error('no code'))).toBeUndefined();
	});
});

describe('user-facing errors are built from the failure and keep it', () => {
	it('a 429 error says what the headers said, and callers read the same failure back', () => {
		const failure = classifyResponse(
			429,
			{ 'retry-after': '12', 'x-ratelimit-limit': '10', 'x-ratelimit-used': '10' },
			NOW,
		);
		const error = errorForResponse(node, failure, { message: 'slow down' });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('429');
		expect(error.description).toMatch(
			/^Wait for the reset or lower how often this workflow calls the API\. You have used 10 of 10 calls\. The API asks to wait 12 s \(until \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\. The API said: "slow down"$/,
		);
		expect(failureOf(error)).toBe(failure);
		// Nothing for callers is hidden in the error's context any more.
		expect(error.context.retryAfterSeconds).toBeUndefined();
	});

	it('a network error names the reason and keeps its failure', () => {
		const failure = classifyNetwork('ENOTFOUND');
		const error = errorForNetwork(node, failure, 'https://x.invalid', 30_000);
		expect(error.message).toBe(
			'Could not reach the Temp Mail API at https://x.invalid: the host name could not be resolved',
		);
		expect(failureOf(error).kind).toBe('permanent');
		const timeout = errorForNetwork(node, classifyNetwork('ECONNABORTED'), 'https://x', 30_000);
		expect(timeout.message).toMatch(/no answer within 30 s$/);
		expect(timeout.description).toBe('The API was too slow to answer. Try again later.');
	});

	it('an error not built from a failure (a bad parameter) is permanent', () => {
		expect(failureOf(new NodeOperationError(node, 'Mailbox Address: empty')).kind).toBe(
			'permanent',
		);
		expect(failureOf('not an error').kind).toBe('permanent');
	});
});
