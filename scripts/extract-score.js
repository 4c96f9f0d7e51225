#!/usr/bin/env node
'use strict';
/**
 * Scores the extraction on a corpus of mails in the API's message shape plus `expected`:
 *   [{ subject, from, from_email, html, content, expected: { code, verificationLink } }, ...]
 * (a JSON array, or one record per .json file in a folder).
 *
 *   npm run extract:score -- <corpus.json | folder> [more...] [--misses]
 *
 * Prints `code X/N, link Y/N, both Z/N`; with --misses, every mail that missed, what was
 * expected and what was found. Reads the compiled extraction in dist/ (the npm script
 * compiles it first).
 */
const { readFileSync, readdirSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

const USAGE = 'Usage: npm run extract:score -- <corpus.json | folder> [more...] [--misses]';

function load(path) {
	if (statSync(path).isDirectory()) {
		return readdirSync(path)
			.filter((file) => file.endsWith('.json'))
			.sort()
			.flatMap((file) => load(join(path, file)));
	}
	const data = JSON.parse(readFileSync(path, 'utf8'));
	const records = Array.isArray(data) ? data : [data];
	return records.map((record, index) => {
		// The project's own fixtures nest the message; accept both shapes.
		const message = record.message ?? record;
		if (typeof message.content !== 'string' || record.expected === undefined) {
			throw new Error(
				`${path} record ${index}: needs "content" (string), "html" and "expected": {"code", "verificationLink"}`,
			);
		}
		return { name: record.name ?? `${path}#${index}`, message, expected: record.expected };
	});
}

function main(argv) {
	const showMisses = argv.includes('--misses');
	const paths = argv.filter((arg) => !arg.startsWith('--'));
	if (paths.length === 0) {
		console.error(USAGE);
		return 2;
	}
	const { extractFromMessage } = require(resolve(__dirname, '../dist/nodes/TempMail/extract'));
	const records = paths.flatMap((path) => load(path));
	let codes = 0;
	let links = 0;
	let both = 0;
	const misses = [];
	for (const record of records) {
		const found = extractFromMessage({
			subject: record.message.subject ?? '',
			content: record.message.content,
			html: record.message.html === true,
		});
		const codeOk = found.code === (record.expected.code ?? null);
		const linkOk = found.verificationLink === (record.expected.verificationLink ?? null);
		if (codeOk) codes++;
		if (linkOk) links++;
		if (codeOk && linkOk) both++;
		else misses.push({ record, found, codeOk, linkOk });
	}
	const n = records.length;
	const percent = (x) => (n === 0 ? '0.0' : ((100 * x) / n).toFixed(1));
	console.log(
		`code ${codes}/${n} (${percent(codes)} %), link ${links}/${n} (${percent(links)} %), both ${both}/${n} (${percent(both)} %)`,
	);
	if (showMisses) {
		for (const { record, found, codeOk, linkOk } of misses) {
			console.log(`\n✗ ${record.name}`);
			if (!codeOk) console.log(`  code: expected ${record.expected.code} found ${found.code}`);
			if (!linkOk)
				console.log(
					`  link: expected ${record.expected.verificationLink}\n        found    ${found.verificationLink}`,
				);
		}
	}
	return 0;
}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (error) {
	console.error(`extract:score: ${error.message}\n${USAGE}`);
	process.exitCode = 2;
}
