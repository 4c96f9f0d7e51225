'use strict';
// A local S3-compatible object store (the npm package s3rver, a devDependency) for the
// attachment-to-storage examples and tests: n8n's own S3 node talks to it through a
// custom endpoint with path-style URLs, exactly as it would to MinIO or Ceph.
const fs = require('node:fs');

/** s3rver's fixed development key pair: it checks signatures against it. */
const S3_ACCESS_KEY_ID = 'S3RVER';
const S3_SECRET_ACCESS_KEY = 'S3RVER';
const S3_REGION = 'us-east-1';

/**
 * @param {{ directory: string, port?: number, buckets?: string[] }} options
 *   directory: where objects are kept (created if missing); port 0 or absent: a free one
 */
async function startS3Server({ directory, port = 0, buckets = [] }) {
	// Loaded lazily: only the S3 example and its tests need it.
	const S3rver = require('s3rver');
	fs.mkdirSync(directory, { recursive: true });
	const server = new S3rver({
		address: '127.0.0.1',
		port,
		silent: true,
		directory,
		configureBuckets: buckets.map((name) => ({ name })),
	});
	const info = await server.run();
	const url = `http://127.0.0.1:${info.port}`;
	return {
		url,
		port: info.port,
		region: S3_REGION,
		accessKeyId: S3_ACCESS_KEY_ID,
		secretAccessKey: S3_SECRET_ACCESS_KEY,
		/** The fields of n8n's "S3" credential (type `s3`) for this server. */
		credentialData() {
			return {
				endpoint: url,
				region: S3_REGION,
				accessKeyId: S3_ACCESS_KEY_ID,
				secretAccessKey: S3_SECRET_ACCESS_KEY,
				forcePathStyle: true,
				ignoreSSLIssues: false,
			};
		},
		/** An object's bytes (s3rver serves reads without a signature), or null when absent. */
		async getObject(bucket, key) {
			const response = await fetch(
				`${url}/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`,
			);
			if (response.status === 404) return null;
			if (!response.ok) throw new Error(`S3 GET ${bucket}/${key}: HTTP ${response.status}`);
			return Buffer.from(await response.arrayBuffer());
		},
		/** Every key in a bucket (s3rver lists up to 1,000 per page; pages are followed). */
		async listKeys(bucket) {
			const keys = [];
			let marker = '';
			for (;;) {
				const response = await fetch(
					`${url}/${encodeURIComponent(bucket)}?marker=${encodeURIComponent(marker)}`,
				);
				if (!response.ok) throw new Error(`S3 LIST ${bucket}: HTTP ${response.status}`);
				const xml = await response.text();
				const page = [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => decodeXml(m[1]));
				keys.push(...page);
				if (!/<IsTruncated>true<\/IsTruncated>/.test(xml) || page.length === 0) return keys;
				marker = page[page.length - 1];
			}
		},
		close: () => server.close(),
	};
}

function decodeXml(text) {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

module.exports = { startS3Server, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION };
