import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { cancelledError, errorForStatusFalse, errorForUnexpectedBody } from './errors';
import { failureOf } from './failure';
import { screenDownload } from './downloadBody';
import { redact, scrubBody } from './redact';
import { decideRetry, retryNote } from './retryPolicy';
import { attempt, isStream } from './send';
import type { RawAnswer } from './send';
import { describeValue, UnexpectedShapeError } from './shapes';
import type { ApiAnswer, ApiCall, ByteStream, TempMailRequest } from './types';

function appendNote(error: NodeApiError | NodeOperationError, note: string): void {
	if (note === '') return;
	const current = typeof error.description === 'string' ? error.description.trim() : '';
	error.description = current ? `${current} ${note}` : note;
}

/**
 * One attempt while holding one of the call's request slots (if it has any). A streamed
 * answer keeps its slot until the stream has closed: the body is still arriving until then.
 */
async function attemptInSlot(
	call: ApiCall,
	request: TempMailRequest,
	stream: boolean,
): Promise<{ answer: RawAnswer; apiKey: string }> {
	if (!call.slots) return await attempt(call, request, stream);
	let release: (() => void) | undefined = await call.slots.take();
	try {
		const result = await attempt(call, request, stream);
		const body = result.answer.body;
		if (stream && isStream(body) && !body.destroyed) {
			body.once('close', release);
			release = undefined;
		}
		return result;
	} finally {
		release?.();
	}
}

/**
 * One request with the retry policy (./retryPolicy.ts) around it: a failed attempt is either
 * retried after a cancellable sleep, or its error thrown with a note on the retries made.
 * What the failure means comes from the value the error was built from (./failure.ts).
 */
async function withRetries(
	call: ApiCall,
	request: TempMailRequest,
	stream: boolean,
): Promise<{ answer: RawAnswer; apiKey: string }> {
	const { retry: settings, signal, itemIndex } = call;
	for (let retriesDone = 0; ; retriesDone++) {
		if (signal?.aborted) throw cancelledError(call.ctx.getNode(), itemIndex);
		try {
			return await attemptInSlot(call, request, stream);
		} catch (caught) {
			const error =
				caught instanceof NodeApiError || caught instanceof NodeOperationError
					? caught
					: new NodeOperationError(call.ctx.getNode(), caught as Error, { itemIndex });
			const failure = failureOf(error);
			const decision = decideRetry({
				method: request.method,
				failure,
				retriesDone,
				settings,
				now: Date.now(),
				random: Math.random,
			});
			if (!decision.retry) {
				if (decision.reason !== 'disabled')
					appendNote(
						error,
						retryNote(decision, retriesDone, request.method, settings.maxWaitMs, failure),
					);
				throw error;
			}
			try {
				await sleep(decision.delayMs, signal);
			} catch {
				throw cancelledError(call.ctx.getNode(), itemIndex);
			}
		}
	}
}

/** Runs the endpoint's shape parser and reports a wrong shape as the API's fault, never as a TypeError. */
function parseWith<T>(
	call: ApiCall,
	parse: (body: Record<string, unknown>) => T,
	body: Record<string, unknown>,
): T {
	try {
		return parse(body);
	} catch (error) {
		if (error instanceof UnexpectedShapeError)
			throw errorForUnexpectedBody(call.ctx.getNode(), error.expected, error.found, call.itemIndex);
		throw new NodeOperationError(call.ctx.getNode(), error as Error, { itemIndex: call.itemIndex });
	}
}

/**
 * A JSON request: the body must be `{status: true, ...}`; `parse` (from ./shapes.ts) turns it
 * into the endpoint's data, or throws a NodeApiError that says what to fix.
 */
export async function requestJson<T>(
	call: ApiCall,
	request: TempMailRequest,
	parse: (body: Record<string, unknown>) => T,
): Promise<ApiAnswer<T>> {
	const { answer, apiKey } = await withRetries(call, request, false);
	// Scrubbed first: shape errors and previews quote the body, and the key never reaches the output either.
	const body = scrubBody(answer.body, apiKey);
	const node = call.ctx.getNode();
	const { itemIndex } = call;
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw redact(
			errorForUnexpectedBody(node, 'a JSON object', describeValue(body), itemIndex),
			apiKey,
		);
	}
	const record = body as Record<string, unknown>;
	if (record.status === false) throw redact(errorForStatusFalse(node, record, itemIndex), apiKey);
	if (record.status !== true) {
		throw redact(
			errorForUnexpectedBody(
				node,
				'a body with "status": true',
				`status = ${describeValue(record.status)}`,
				itemIndex,
			),
			apiKey,
		);
	}
	return { data: parseWith(call, parse, record), headers: answer.headers ?? {} };
}

/**
 * A binary download: the body stays a stream so large files never sit in memory; a short
 * JSON body saying `status: false` is the API's failure, not a file (./downloadBody.ts).
 */
export async function requestStream(
	call: ApiCall,
	request: TempMailRequest,
): Promise<ApiAnswer<ByteStream | Buffer>> {
	const { answer, apiKey } = await withRetries(call, request, true);
	if (!isStream(answer.body)) {
		throw redact(
			errorForUnexpectedBody(
				call.ctx.getNode(),
				'a file download',
				describeValue(scrubBody(answer.body, apiKey)),
				call.itemIndex,
			),
			apiKey,
		);
	}
	const headers = answer.headers ?? {};
	const screened = await screenDownload(answer.body, headers);
	if ('failureBody' in screened) {
		const body = scrubBody(screened.failureBody, apiKey);
		throw redact(errorForStatusFalse(call.ctx.getNode(), body, call.itemIndex), apiKey);
	}
	return { data: screened.data, headers };
}
