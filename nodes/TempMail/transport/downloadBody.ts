import type { IDataObject } from 'n8n-workflow';

import type { ByteStream } from './types';

/**
 * A 200 on the attachment route may still be the API's failure shape
 * (`{"status": false, "message": …}`): that is an error, not a file to store. Only a body
 * that says it is JSON is looked at, and only its first FAILURE_LIMIT bytes: a longer
 * one (a large .json attachment) is put back in front of the stream untouched, so a
 * download is never held in memory whole.
 */

const FAILURE_LIMIT = 64 * 1024;

/** The file as a stream, or (a short JSON body read whole) as bytes; or the API's failure. */
export type ScreenedDownload =
	{ data: ByteStream | Buffer } | { failureBody: Record<string, unknown> };

function header(headers: IDataObject, name: string): string {
	const value = headers[name];
	return typeof value === 'string' ? value : '';
}

function looksLikeJson(headers: IDataObject): boolean {
	const type = header(headers, 'content-type').split(';')[0].trim().toLowerCase();
	return type === 'application/json' || type.endsWith('+json') || type === 'text/json';
}

/** Reads until the end or past the limit; past it, the stream is left paused. */
async function readStart(stream: ByteStream): Promise<{ chunks: Buffer[]; ended: boolean }> {
	const chunks: Buffer[] = [];
	let size = 0;
	return await new Promise((resolve, reject) => {
		const cleanUp = () => {
			stream.off('data', onData);
			stream.off('end', onEnd);
			stream.off('error', onError);
		};
		const onData = (chunk: unknown) => {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			chunks.push(buffer);
			size += buffer.length;
			if (size > FAILURE_LIMIT) {
				stream.pause();
				cleanUp();
				resolve({ chunks, ended: false });
			}
		};
		const onEnd = () => {
			cleanUp();
			resolve({ chunks, ended: true });
		};
		const onError = (error: unknown) => {
			cleanUp();
			reject(error);
		};
		stream.on('data', onData);
		stream.on('end', onEnd);
		stream.on('error', onError);
	});
}

function failureOf(text: string): Record<string, unknown> | undefined {
	try {
		const parsed = JSON.parse(text) as unknown;
		if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
			const record = parsed as Record<string, unknown>;
			if (record.status === false) return record;
		}
	} catch {
		// Not JSON after all: a file like any other.
	}
	return undefined;
}

export async function screenDownload(
	stream: ByteStream,
	headers: IDataObject,
): Promise<ScreenedDownload> {
	if (!looksLikeJson(headers)) return { data: stream };
	const declared = Number(header(headers, 'content-length'));
	if (header(headers, 'content-length') !== '' && declared > FAILURE_LIMIT) return { data: stream };
	const { chunks, ended } = await readStart(stream);
	const start = Buffer.concat(chunks);
	if (ended) {
		const failureBody = failureOf(start.toString('utf8'));
		return failureBody ? { failureBody } : { data: start };
	}
	// Put back what was read: the paused stream then delivers the whole body.
	stream.unshift(start);
	return { data: stream };
}
