import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { checkBaseUrl } from './baseUrl';
import {
	cancelledError,
	errorForNetwork,
	errorForResponse,
	errorForStatusFalse,
	errorForUnexpectedBody,
} from './errors';
import type { Target } from './errors';
import { classifyNetwork, classifyResponse, failureOf, networkErrorCode } from './failure';
import {
	decideRetry,
	DEFAULT_MAX_RETRY_WAIT_SECONDS,
	MAX_RETRIES,
	MAX_RETRY_WAIT_LIMIT_SECONDS,
	RETRY_BASE_DELAY_MS,
	RETRY_MAX_DELAY_MS,
	retryNote,
} from './retryPolicy';
import { redact, scrubBody } from './redact';
import type { RetrySettings } from './retryPolicy';
import { screenDownload } from './downloadBody';
import { describeValue, UnexpectedShapeError } from './shapes';
import type { ByteStream } from './types';

export type TempMailFunctions = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export const CREDENTIAL_TYPE = 'tempMailApi';

/** Per-request timeout; attachment downloads are streamed, so this bounds the wait for headers. */
export const REQUEST_TIMEOUT_MS: number = 30_000;

export interface TempMailRequest {
	method: IHttpRequestMethods;
	/** Built with apiPath(), so every user value is one encoded segment. */
	path: string;
	qs?: IDataObject;
	target?: Target;
	itemIndex?: number;
	/** false: one attempt only, whatever the Request Options say (for callers that wait on their own). */
	retry?: boolean;
}

/** The node-level "Request Options" collection (action node and trigger). */
export const REQUEST_OPTIONS_PARAMETER = 'requestOptions';

export interface RequestOptionsValues {
	retryOnTransientErrors?: boolean;
	maxRetryWait?: number;
}

export interface JsonAnswer {
	body: Record<string, unknown>;
	headers: IDataObject;
}

export interface StreamAnswer {
	/** A short JSON body was already read whole (to rule out a failure): then bytes. */
	stream: ByteStream | Buffer;
	headers: IDataObject;
}

interface RawAnswer {
	body: unknown;
	headers: IDataObject;
	statusCode: number;
}

const ERROR_BODY_LIMIT = 64 * 1024;

function isStream(value: unknown): value is ByteStream {
	return (
		typeof value === 'object' && value !== null && typeof (value as ByteStream).pipe === 'function'
	);
}

/** Reads at most ERROR_BODY_LIMIT bytes of an error body that arrived as a stream. */
async function readErrorStream(stream: ByteStream): Promise<unknown> {
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of stream) {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			chunks.push(buffer);
			size += buffer.length;
			if (size >= ERROR_BODY_LIMIT) break;
		}
	} catch {
		// A broken error body still leaves the status code to report.
	} finally {
		stream.destroy();
	}
	const text = Buffer.concat(chunks).toString('utf8');
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

async function send(
	ctx: TempMailFunctions,
	request: TempMailRequest,
	stream: boolean,
): Promise<{ answer: RawAnswer; apiKey: string }> {
	const node = ctx.getNode();
	const { itemIndex } = request;
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex ?? 0);
	const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
	const base = checkBaseUrl(credentials.baseUrl);
	if ('problem' in base) {
		throw new NodeOperationError(node, base.problem, {
			description: "Fix the Base URL in the 'Temp Mail API' credential.",
			itemIndex,
		});
	}
	const options: IHttpRequestOptions = {
		method: request.method,
		baseURL: base.baseUrl,
		url: request.path,
		qs: request.qs,
		headers: { Accept: stream ? '*/*' : 'application/json' },
		json: !stream,
		encoding: stream ? 'stream' : undefined,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// n8n forwards credentials across origins on redirect unless told not to.
		sendCredentialsOnCrossOriginRedirect: false,
		timeout: REQUEST_TIMEOUT_MS,
	};
	try {
		// The credentials just read are handed over (a copy: n8n may add to it), so n8n does
		// not query and decrypt them a second time for every request.
		const answer = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			CREDENTIAL_TYPE,
			options,
			{
				credentialsDecrypted: { id: '', name: '', type: CREDENTIAL_TYPE, data: { ...credentials } },
			},
		)) as RawAnswer;
		return { answer, apiKey };
	} catch (error) {
		if (error instanceof NodeOperationError) throw redact(error, apiKey);
		const code = networkErrorCode(error);
		if (code === 'ERR_CANCELED') throw cancelledError(node, itemIndex);
		const failure = classifyNetwork(code);
		throw redact(
			errorForNetwork(node, failure, base.origin, REQUEST_TIMEOUT_MS, itemIndex),
			apiKey,
		);
	}
}

async function failIfNotOk(
	ctx: TempMailFunctions,
	request: TempMailRequest,
	answer: RawAnswer,
	apiKey: string,
) {
	if (answer.statusCode >= 200 && answer.statusCode < 300) return;
	const body = scrubBody(
		isStream(answer.body) ? await readErrorStream(answer.body) : answer.body,
		apiKey,
	);
	const failure = classifyResponse(answer.statusCode, answer.headers);
	const error = errorForResponse(ctx.getNode(), failure, body, request.target, request.itemIndex);
	throw redact(error, apiKey);
}

function isExecuteContext(ctx: TempMailFunctions): ctx is IExecuteFunctions {
	return typeof (ctx as Partial<IExecuteFunctions>).getInputData === 'function';
}

function isLoadOptionsContext(ctx: TempMailFunctions): ctx is ILoadOptionsFunctions {
	return typeof (ctx as Partial<ILoadOptionsFunctions>).getCurrentNodeParameter === 'function';
}

function readRequestOptions(
	ctx: TempMailFunctions,
	itemIndex: number | undefined,
): RequestOptionsValues {
	let raw: unknown;
	if (isExecuteContext(ctx)) {
		raw = ctx.getNodeParameter(REQUEST_OPTIONS_PARAMETER, itemIndex ?? 0, {});
	} else if (isLoadOptionsContext(ctx)) {
		try {
			raw = ctx.getNodeParameter(REQUEST_OPTIONS_PARAMETER, {});
		} catch {
			// A dropdown being filled must not fail over an option that does not resolve yet.
			raw = {};
		}
	} else {
		raw = ctx.getNodeParameter(REQUEST_OPTIONS_PARAMETER, {});
	}
	return typeof raw === 'object' && raw !== null ? (raw as RequestOptionsValues) : {};
}

/** The retry settings for this request: the node's Request Options, unless the caller opted out. */
export function retrySettingsFor(ctx: TempMailFunctions, request: TempMailRequest): RetrySettings {
	const options =
		request.retry === false
			? { retryOnTransientErrors: false }
			: readRequestOptions(ctx, request.itemIndex);
	const maxWait = options.maxRetryWait ?? DEFAULT_MAX_RETRY_WAIT_SECONDS;
	if (
		typeof maxWait !== 'number' ||
		!Number.isFinite(maxWait) ||
		maxWait < 0 ||
		maxWait > MAX_RETRY_WAIT_LIMIT_SECONDS
	) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Max Retry Wait: must be between 0 and ${MAX_RETRY_WAIT_LIMIT_SECONDS} seconds, got ${String(maxWait)}`,
			{ itemIndex: request.itemIndex, description: "Fix the value under 'Request Options'." },
		);
	}
	return {
		enabled: options.retryOnTransientErrors !== false,
		maxWaitMs: maxWait * 1000,
		maxRetries: MAX_RETRIES,
		baseDelayMs: RETRY_BASE_DELAY_MS,
		maxDelayMs: RETRY_MAX_DELAY_MS,
	};
}

function cancelSignalOf(ctx: TempMailFunctions): AbortSignal | undefined {
	const candidate = ctx as Partial<IExecuteFunctions>;
	return typeof candidate.getExecutionCancelSignal === 'function'
		? candidate.getExecutionCancelSignal()
		: undefined;
}

function appendNote(error: NodeApiError | NodeOperationError, note: string): void {
	if (note === '') return;
	const current = typeof error.description === 'string' ? error.description.trim() : '';
	error.description = current ? `${current} ${note}` : note;
}

/**
 * One request with the retry policy (./retryPolicy.ts) around it: a failed attempt's error
 * (its streamed body already read and destroyed by failIfNotOk) is either retried after a
 * cancellable sleep, or thrown with a note on the retries made.
 */
async function sendChecked(
	ctx: TempMailFunctions,
	request: TempMailRequest,
	stream: boolean,
): Promise<{ answer: RawAnswer; apiKey: string }> {
	const settings = retrySettingsFor(ctx, request);
	const signal = cancelSignalOf(ctx);
	for (let retriesDone = 0; ; retriesDone++) {
		if (signal?.aborted) throw cancelledError(ctx.getNode(), request.itemIndex);
		try {
			const { answer, apiKey } = await send(ctx, request, stream);
			await failIfNotOk(ctx, request, answer, apiKey);
			return { answer, apiKey };
		} catch (caught) {
			const error =
				caught instanceof NodeApiError || caught instanceof NodeOperationError
					? caught
					: new NodeOperationError(ctx.getNode(), caught as Error, {
							itemIndex: request.itemIndex,
						});
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
				throw cancelledError(ctx.getNode(), request.itemIndex);
			}
		}
	}
}

/** A JSON request: answers `{status: true, ...}` or throws a NodeApiError that says what to fix. */
export async function requestJson(
	ctx: TempMailFunctions,
	request: TempMailRequest,
): Promise<JsonAnswer> {
	const { answer, apiKey } = await sendChecked(ctx, request, false);
	// Scrubbed first: shape errors and previews quote the body, and the key never reaches the output either.
	const body = scrubBody(answer.body, apiKey);
	const node = ctx.getNode();
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw redact(
			errorForUnexpectedBody(node, 'a JSON object', describeValue(body), request.itemIndex),
			apiKey,
		);
	}
	const record = body as Record<string, unknown>;
	if (record.status === false)
		throw redact(errorForStatusFalse(node, record, request.itemIndex), apiKey);
	if (record.status !== true) {
		throw redact(
			errorForUnexpectedBody(
				node,
				'a body with "status": true',
				`status = ${describeValue(record.status)}`,
				request.itemIndex,
			),
			apiKey,
		);
	}
	return { body: record, headers: answer.headers ?? {} };
}

/** A binary download: the body stays a stream so large files never sit in memory. */
export async function requestStream(
	ctx: TempMailFunctions,
	request: TempMailRequest,
): Promise<StreamAnswer> {
	const { answer, apiKey } = await sendChecked(ctx, request, true);
	if (!isStream(answer.body)) {
		throw redact(
			errorForUnexpectedBody(
				ctx.getNode(),
				'a file download',
				describeValue(scrubBody(answer.body, apiKey)),
				request.itemIndex,
			),
			apiKey,
		);
	}
	const headers = answer.headers ?? {};
	const screened = await screenDownload(answer.body, headers);
	if ('failureBody' in screened) {
		const body = scrubBody(screened.failureBody, apiKey);
		throw redact(errorForStatusFalse(ctx.getNode(), body, request.itemIndex), apiKey);
	}
	return { stream: screened.data, headers };
}

/** Runs a body parser and reports a wrong shape as the API's fault, never as a TypeError. */
export function parseBody<T>(ctx: TempMailFunctions, parse: () => T, itemIndex?: number): T {
	try {
		return parse();
	} catch (error) {
		const failure =
			error instanceof UnexpectedShapeError
				? errorForUnexpectedBody(ctx.getNode(), error.expected, error.found, itemIndex)
				: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
		throw failure;
	}
}
