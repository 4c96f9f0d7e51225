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

/** Scores `records` with `extract` (extractFromMessage): counts and the mails that missed. */
function scoreCorpus(records, extract) {
	let codes = 0;
	let links = 0;
	let both = 0;
	const misses = [];
	for (const record of records) {
		const found = extract({
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
	return { total: records.length, codes, links, both, misses };
}

/** The report: one summary line, then (with `showMisses`) what each miss expected and found. */
function formatScore({ total, codes, links, both, misses }, showMisses) {
	const percent = (x) => (total === 0 ? '0.0' : ((100 * x) / total).toFixed(1));
	const lines = [
		`code ${codes}/${total} (${percent(codes)} %), link ${links}/${total} (${percent(links)} %), both ${both}/${total} (${percent(both)} %)`,
	];
	if (showMisses) {
		for (const { record, found, codeOk, linkOk } of misses) {
			lines.push('', `✗ ${record.name}`);
			if (!codeOk) lines.push(`  code: expected ${record.expected.code} found ${found.code}`);
			if (!linkOk)
				lines.push(
					`  link: expected ${record.expected.verificationLink}`,
					`        found    ${found.verificationLink}`,
				);
		}
	}
	return lines.join('\n');
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
	console.log(formatScore(scoreCorpus(records, extractFromMessage), showMisses));
	return 0;
}

if (require.main === module) {
	try {
		process.exitCode = main(process.argv.slice(2));
	} catch (error) {
		console.error(`extract:score: ${error.message}\n${USAGE}`);
		process.exitCode = 2;
	}
}

module.exports = { load, scoreCorpus, formatScore };
