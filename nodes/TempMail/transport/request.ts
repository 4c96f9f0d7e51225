import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { checkBaseUrl } from './baseUrl';
import { errorForNetwork, errorForResponse, errorForStatusFalse, errorForUnexpectedBody, networkErrorCode } from './errors';
import type { Target } from './errors';
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
}

export interface JsonAnswer {
	body: Record<string, unknown>;
	headers: IDataObject;
}

export interface StreamAnswer {
	stream: ByteStream;
	headers: IDataObject;
}

interface RawAnswer {
	body: unknown;
	headers: IDataObject;
	statusCode: number;
}

const ERROR_BODY_LIMIT = 64 * 1024;

function isStream(value: unknown): value is ByteStream {
	return typeof value === 'object' && value !== null && typeof (value as ByteStream).pipe === 'function';
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

/** Removes the API key from any text that could reach the user or a log. */
function redact<T extends Error>(error: T, secret: string): T {
	if (secret.length < 4) return error;
	const scrub = (text: string) => text.split(secret).join('***');
	error.message = scrub(error.message);
	const described = error as T & { description?: unknown };
	if (typeof described.description === 'string') described.description = scrub(described.description);
	return error;
}

async function send(ctx: TempMailFunctions, request: TempMailRequest, stream: boolean): Promise<{ answer: RawAnswer; apiKey: string }> {
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
		const answer = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options)) as RawAnswer;
		return { answer, apiKey };
	} catch (error) {
		if (error instanceof NodeOperationError) throw redact(error, apiKey);
		if (networkErrorCode(error) === 'ERR_CANCELED') {
			throw new NodeOperationError(node, 'The execution was cancelled while waiting for the Temp Mail API', { itemIndex });
		}
		throw redact(errorForNetwork(node, error, base.origin, REQUEST_TIMEOUT_MS, itemIndex), apiKey);
	}
}

async function failIfNotOk(ctx: TempMailFunctions, request: TempMailRequest, answer: RawAnswer, apiKey: string) {
	if (answer.statusCode >= 200 && answer.statusCode < 300) return;
	const body = isStream(answer.body) ? await readErrorStream(answer.body) : answer.body;
	const error = errorForResponse(ctx.getNode(), { ...answer, body }, request.target, request.itemIndex);
	throw redact(error, apiKey);
}

/** A JSON request: answers `{status: true, ...}` or throws a NodeApiError that says what to fix. */
export async function requestJson(ctx: TempMailFunctions, request: TempMailRequest): Promise<JsonAnswer> {
	const { answer, apiKey } = await send(ctx, request, false);
	await failIfNotOk(ctx, request, answer, apiKey);
	const { body } = answer;
	const node = ctx.getNode();
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw redact(errorForUnexpectedBody(node, 'a JSON object', describeValue(body), request.itemIndex), apiKey);
	}
	const record = body as Record<string, unknown>;
	if (record.status === false) throw redact(errorForStatusFalse(node, record, request.itemIndex), apiKey);
	if (record.status !== true) {
		throw redact(
			errorForUnexpectedBody(node, 'a body with "status": true', `status = ${describeValue(record.status)}`, request.itemIndex),
			apiKey,
		);
	}
	return { body: record, headers: answer.headers ?? {} };
}

/** A binary download: the body stays a stream so large files never sit in memory. */
export async function requestStream(ctx: TempMailFunctions, request: TempMailRequest): Promise<StreamAnswer> {
	const { answer, apiKey } = await send(ctx, request, true);
	await failIfNotOk(ctx, request, answer, apiKey);
	if (!isStream(answer.body)) {
		throw errorForUnexpectedBody(ctx.getNode(), 'a file download', describeValue(answer.body), request.itemIndex);
	}
	return { stream: answer.body, headers: answer.headers ?? {} };
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
