'use strict';

const crypto = require('node:crypto');
const { Readable } = require('node:stream');
const { ApiError } = require('./http');

/*
 * A generated attachment is a pseudo-random pattern derived from its seed, repeated
 * to `size` bytes. The period (a prime) differs from the chunk size, so successive
 * chunks differ and a client that drops, repeats or reorders chunks gets a different
 * hash. Only one period plus one chunk is ever held in memory, whatever the size.
 */
const PERIOD = 65521;
const CHUNK = 65536;
/** @type {Map<string, Buffer>} */
const patterns = new Map();

/**
 * @param {string} seed
 * @returns {Buffer} PERIOD + CHUNK bytes, so any chunk is one zero-copy subarray
 */
function patternFor(seed) {
	let pattern = patterns.get(seed);
	if (!pattern) {
		const period = Buffer.alloc(PERIOD);
		for (let i = 0, at = 0; at < PERIOD; i++) {
			at += crypto.createHash('sha256').update(`${seed}:${i}`).digest().copy(period, at);
		}
		// CHUNK > PERIOD, so the tail after the first period wraps around it more than once.
		pattern = Buffer.concat([period, period, period], PERIOD + CHUNK);
		patterns.set(seed, pattern);
	}
	return pattern;
}

/**
 * @param {number} size
 * @param {string | number} seed
 * @returns {Generator<Buffer>}
 */
function* generatedChunks(size, seed) {
	const pattern = patternFor(String(seed));
	for (let offset = 0; offset < size; offset += CHUNK) {
		const start = offset % PERIOD;
		yield pattern.subarray(start, start + Math.min(CHUNK, size - offset));
	}
}

/**
 * The stream pulls one chunk at a time, so a slow reader slows generation (backpressure).
 * @param {number} size
 * @param {string | number} seed
 * @returns {Readable}
 */
function generatedAttachmentStream(size, seed) {
	return Readable.from(generatedChunks(size, seed), { objectMode: false });
}

/**
 * What a test compares a download against, computed without the server.
 * @param {number} size
 * @param {string | number} seed
 * @returns {string} lower-case hex SHA-256
 */
function generatedAttachmentSha256(size, seed) {
	const hash = crypto.createHash('sha256');
	for (const chunk of generatedChunks(size, seed)) hash.update(chunk);
	return hash.digest('hex');
}

/**
 * Whole content in memory: for small generated attachments only.
 * @param {number} size
 * @param {string | number} seed
 * @returns {Buffer}
 */
function generatedAttachmentBytes(size, seed) {
	return Buffer.concat([...generatedChunks(size, seed)]);
}

/** @type {Record<string, string>} */
const MIME_TYPES = {
	txt: 'text/plain',
	csv: 'text/csv',
	html: 'text/html',
	htm: 'text/html',
	xml: 'application/xml',
	json: 'application/json',
	pdf: 'application/pdf',
	zip: 'application/zip',
	gz: 'application/gzip',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	svg: 'image/svg+xml',
	ics: 'text/calendar',
	eml: 'message/rfc822',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The extension is taken from the last path part only: "a.b/c" has none.
 * @param {string} name
 * @returns {string}
 */
function extensionOf(name) {
	const base = name.slice(name.lastIndexOf('/') + 1);
	const dot = base.lastIndexOf('.');
	return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * RFC 5987 attr-chars exclude ' ( ) * which encodeURIComponent leaves alone.
 * @param {string} name
 * @returns {string}
 */
function contentDisposition(name) {
	const encoded = encodeURIComponent(name).replace(
		/['()*]/g,
		(c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
	);
	return `attachment; filename*=UTF-8''${encoded}`;
}

/**
 * @typedef {object} StoredAttachment
 * @property {string} name
 * @property {string} extension
 * @property {number} size
 * @property {string} contentType
 * @property {Buffer | null} bytes given content, or null when generated from the seed
 * @property {string | null} seed
 */

/**
 * @param {Record<string, any>} spec one entry of a control delivery's `attachments`
 * @returns {StoredAttachment}
 */
function toStoredAttachment(spec) {
	// An empty name is allowed: nothing in the documentation forbids the API listing one.
	if (!spec || typeof spec.name !== 'string') {
		throw new ApiError(400, 'Every attachment needs a "name" (a string).');
	}
	const extension = extensionOf(spec.name);
	const contentType =
		typeof spec.contentType === 'string' && spec.contentType !== ''
			? spec.contentType
			: (MIME_TYPES[extension] ?? 'application/octet-stream');
	const base = { name: spec.name, extension, contentType };
	if (typeof spec.contentBase64 === 'string') {
		const bytes = Buffer.from(spec.contentBase64, 'base64');
		return { ...base, size: bytes.length, bytes, seed: null };
	}
	if (typeof spec.text === 'string') {
		const bytes = Buffer.from(spec.text, 'utf8');
		return { ...base, size: bytes.length, bytes, seed: null };
	}
	if (Number.isSafeInteger(spec.size) && spec.size >= 0) {
		return { ...base, size: spec.size, bytes: null, seed: String(spec.seed ?? spec.name) };
	}
	throw new ApiError(
		400,
		`Attachment "${spec.name}" needs contentBase64, text, or a non-negative integer size (with an optional seed).`,
	);
}

/**
 * @param {StoredAttachment} attachment
 * @returns {Buffer | Readable}
 */
function attachmentBody(attachment) {
	return (
		attachment.bytes ??
		generatedAttachmentStream(attachment.size, /** @type {string} */ (attachment.seed))
	);
}

module.exports = {
	generatedAttachmentStream,
	generatedAttachmentSha256,
	generatedAttachmentBytes,
	extensionOf,
	contentDisposition,
	toStoredAttachment,
	attachmentBody,
};
