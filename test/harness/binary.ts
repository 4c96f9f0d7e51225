/**
 * Reading binary data a node produced, whichever way it was stored: filesystem mode
 * (`id` like `filesystem-v2:workflows/<wf>/executions/<exec>/binary_data/<uuid>`, the
 * bytes on disk) or inline (`data` holds base64, no `id`).
 */
import './env-vars';

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';
import { BINARY_ENCODING } from 'n8n-workflow';

import { Container } from './di';
import { ensureEnvironment } from './environment';

async function service(): Promise<BinaryDataService> {
	await ensureEnvironment();
	return Container.get(BinaryDataService);
}

/** Whether the binary lives in the binary data store (not inline base64). */
export function isStoredBinary(binaryData: IBinaryData): boolean {
	return typeof binaryData.id === 'string' && binaryData.id.length > 0;
}

/** The binary's bytes. */
export async function readBinaryBuffer(binaryData: IBinaryData): Promise<Buffer> {
	if (isStoredBinary(binaryData)) return await (await service()).getAsBuffer(binaryData);
	return Buffer.from(binaryData.data, BINARY_ENCODING);
}

/** The binary's bytes as a stream (read from disk in filesystem mode). */
export async function binaryStream(binaryData: IBinaryData, chunkSize?: number): Promise<Readable> {
	if (isStoredBinary(binaryData)) {
		return await (await service()).getAsStream(binaryData.id!, chunkSize);
	}
	return Readable.from([Buffer.from(binaryData.data, BINARY_ENCODING)]);
}

/** Absolute path of a stored binary's file; throws for inline binaries. */
export async function binaryFilePath(binaryData: IBinaryData): Promise<string> {
	if (!isStoredBinary(binaryData)) {
		throw new Error('test harness: binary data is inline (base64), it has no file');
	}
	const path = (await service()).getPath(binaryData.id!);
	if (!existsSync(path)) throw new Error(`test harness: binary file ${path} does not exist`);
	return path;
}

/** SHA-256 (hex) of a stream, read chunk by chunk. */
export async function sha256OfStream(stream: Readable): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of stream) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

/** SHA-256 (hex) of a binary, streamed from the store. */
export async function binarySha256(binaryData: IBinaryData): Promise<string> {
	return await sha256OfStream(await binaryStream(binaryData));
}

export function sha256(data: Buffer | string): string {
	return createHash('sha256').update(data).digest('hex');
}
