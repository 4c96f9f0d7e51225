// Runs n8n's community-package scanner (@n8n/scan-community-package) offline.
//
// `npx @n8n/scan-community-package <name>` needs the public internet: it reads the
// package's npm provenance, downloads the attested GitHub source and the published
// tarball, then lints both with `analyzePackage`:
//   source leg:  analyzePackage(sourceCheckout, SOURCE_FILE_PATTERNS)
//                (package.json and {nodes,credentials}/**/*.{js,ts,json})
//   tarball leg: analyzePackage(unpackedTarball, ['**/*.js', 'package.json'])
// This script runs the same `analyzePackage` on local folders instead, plus the
// function's default patterns (every .js, .ts and .json) on the tarball, which is
// stricter than the CLI's tarball leg. ESM only, hence a separate process from jest.
//
//   node test/publish/scan-package.mjs --tarball <unpacked package> [--source <project root>]
//
// Prints one JSON object on stdout: { legs: [{ name, dir, patterns, files, passed,
// message, details, errors, warnings, findings }] }. `passed`, `message`, `details` are
// analyzePackage's verdict; `files`, `errors`, `warnings`, `findings` come from a second
// lint with the scanner's own config (buildScanConfig) so that warnings, which
// analyzePackage never reports, are visible too. Exit code 0 unless the script itself fails.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

// eslint-plugin-n8n-nodes-base swaps in fixture file names and skips its package.json
// checks when NODE_ENV is "test" (jest sets it): lint as the real scanner does.
delete process.env.NODE_ENV;

const require = createRequire(import.meta.url);
const scannerPath = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
// eslint and fast-glob exactly as the scanner resolves them.
const requireFromScanner = createRequire(scannerPath);

const { analyzePackage, buildScanConfig, SOURCE_FILE_PATTERNS } = await import(scannerPath);
const { ESLint } = requireFromScanner('eslint');
const glob = requireFromScanner('fast-glob');

const { values } = parseArgs({
	options: { tarball: { type: 'string' }, source: { type: 'string' } },
});
if (!values.tarball && !values.source) {
	console.error('usage: scan-package.mjs --tarball <unpacked package> [--source <project root>]');
	process.exit(2);
}

const DEFAULT_PATTERNS = ['**/*.js', '**/*.ts', '**/*.json'];
const legs = [];
if (values.tarball) {
	const dir = path.resolve(values.tarball);
	legs.push({ name: 'tarball (CLI leg)', dir, patterns: ['**/*.js', 'package.json'] });
	legs.push({ name: 'tarball (analyzePackage defaults)', dir, patterns: DEFAULT_PATTERNS });
}
if (values.source) {
	legs.push({
		name: 'source (CLI leg)',
		dir: path.resolve(values.source),
		patterns: SOURCE_FILE_PATTERNS,
	});
}

/** Every message the scanner's config reports, warnings included, with relative paths. */
async function findingsOf(dir, patterns) {
	const files = glob.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	if (files.length === 0) return { files: [], findings: [] };
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const results = await eslint.lintFiles(files);
	const findings = results.flatMap((result) =>
		result.messages.map((m) => ({
			file: path.relative(dir, result.filePath),
			line: m.line,
			column: m.column,
			severity: m.severity === 2 ? 'error' : 'warning',
			rule: m.ruleId,
			message: m.message,
		})),
	);
	return { files: files.map((file) => path.relative(dir, file)).sort(), findings };
}

const out = [];
for (const leg of legs) {
	const verdict = await analyzePackage(leg.dir, leg.patterns);
	const { files, findings } = await findingsOf(leg.dir, leg.patterns);
	out.push({
		...leg,
		files,
		passed: verdict.passed,
		message: verdict.message ?? null,
		details: verdict.details ?? null,
		errors: findings.filter((f) => f.severity === 'error').length,
		warnings: findings.filter((f) => f.severity === 'warning').length,
		findings,
	});
}
process.stdout.write(`${JSON.stringify({ legs: out }, null, 2)}\n`);
