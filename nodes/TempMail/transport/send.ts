import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { checkBaseUrl } from './baseUrl';
import { cancelledError, errorForNetwork, errorForResponse } from './errors';
import { classifyNetwork, classifyResponse, networkErrorCode } from './failure';
import { redact, scrubBody } from './redact';
import type { ApiCall, ByteStream, TempMailRequest } from './types';

/** One attempt at one request: credentials, base URL rule, HTTP, and the error of a non-2xx answer. */

const CREDENTIAL_TYPE = 'tempMailApi';

/** Per-request timeout; attachment downloads are streamed, so this bounds the wait for headers. */
export const REQUEST_TIMEOUT_MS: number = 30_000;

export interface RawAnswer {
	body: unknown;
	headers: IDataObject;
	statusCode: number;
}

const ERROR_BODY_LIMIT = 64 * 1024;

export function isStream(value: unknown): value is ByteStream {
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
	call: ApiCall,
	request: TempMailRequest,
	stream: boolean,
): Promise<{ answer: RawAnswer; apiKey: string }> {
	const { ctx, itemIndex } = call;
	const node = ctx.getNode();
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
	call: ApiCall,
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
	const error = errorForResponse(call.ctx.getNode(), failure, body, request.target, call.itemIndex);
	throw redact(error, apiKey);
}

/**
 * Sends the request once. A non-2xx answer throws the error built from its failure (its
 * streamed body read, at most 64 KiB, and destroyed first); so does a connection failure.
 */
export async function attempt(
	call: ApiCall,
	request: TempMailRequest,
	stream: boolean,
): Promise<{ answer: RawAnswer; apiKey: string }> {
	const { answer, apiKey } = await send(call, request, stream);
	await failIfNotOk(call, request, answer, apiKey);
	return { answer, apiKey };
}
