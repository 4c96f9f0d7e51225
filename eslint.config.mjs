// @ts-check
// ESLint 9 flat config for n8n-nodes-tempmail.
//
// Two tiers:
//  * Shipped code (package.json, nodes/, credentials/, index.js) gets the rules n8n's
//    community-package scanner and `n8n-node lint` apply: the three
//    eslint-plugin-n8n-nodes-base rulesets (community / credentials / nodes) and
//    @n8n/eslint-plugin-community-nodes' `recommended` config, every one raised to
//    "error", plus `no-console`. Inline `eslint-disable` comments are ignored there,
//    exactly as the scanner ignores them (it lints with allowInlineConfig: false).
//  * Tests, the simulator and build scripts get the ordinary ESLint / typescript-eslint
//    recommended rules only: they may use process, timers, console, n8n-core, nock...
//
// Run as `eslint . --max-warnings 0`.

import { createRequire } from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

// ESLint's core "recommended" set lives in @eslint/js, an exact dependency of eslint
// itself: resolve it through eslint so the config never relies on npm's hoisting.
const requireFromEslint = createRequire(createRequire(import.meta.url).resolve('eslint'));
/** @type {{ configs: { recommended: import('eslint').Linter.Config } }} */
const js = requireFromEslint('@eslint/js');

/** Raise every enabled rule to "error" (keeping its options): no warnings survive. */
function asErrors(rules) {
	return Object.fromEntries(
		Object.entries(rules ?? {}).map(([name, entry]) => {
			const [level, ...options] = Array.isArray(entry) ? entry : [entry];
			const off = level === 'off' || level === 0;
			return [name, off ? 'off' : options.length ? ['error', ...options] : 'error'];
		}),
	);
}

// Node.js globals for the CommonJS build scripts, simulator and config files.
const nodeGlobals = Object.fromEntries(
	[
		'AbortController',
		'AbortSignal',
		'Blob',
		'Buffer',
		'FormData',
		'Headers',
		'Request',
		'Response',
		'TextDecoder',
		'TextEncoder',
		'URL',
		'URLSearchParams',
		'__dirname',
		'__filename',
		'atob',
		'btoa',
		'clearImmediate',
		'clearInterval',
		'clearTimeout',
		'console',
		'exports',
		'fetch',
		'global',
		'module',
		'performance',
		'process',
		'queueMicrotask',
		'require',
		'setImmediate',
		'setInterval',
		'setTimeout',
		'structuredClone',
	].map((name) => [name, 'readonly']),
);

// What ships (and what n8n's scanner lints): the node/credential sources, their codex
// JSON, package.json, and the package entry index.js (the scanner lints every .js in
// the published tarball).
const SHIPPED_SOURCES = [
	'package.json',
	'index.js',
	'nodes/**/*.ts',
	'nodes/**/*.json',
	'credentials/**/*.ts',
	'credentials/**/*.json',
];

/** One no-restricted-imports entry per folder, naming the layers above it that it may not import. */
function importLayers(forbiddenByFolder) {
	return Object.entries(forbiddenByFolder).map(([files, above]) => ({
		files: [files],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: `(^|/)(${above.join('|')})(/|$)|\\.node$`,
							message: `Imports point one way: this folder may not import from ${above.join(', ')} or a node class (they stand above it).`,
						},
					],
				},
			],
		},
	}));
}

export default defineConfig(
	globalIgnores([
		'dist/',
		'node_modules/',
		'coverage/',
		'.n8n-runtime/',
		'.n8n-runtime-data/',
		'docs/',
		'bench/results/',
		'test/.tmp/',
		'package-lock.json',
	]),

	// ---- Ordinary rules for all TypeScript (nodes, credentials and tests alike) ----
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: {
			parser: tseslint.parser,
			ecmaVersion: 2022,
			sourceType: 'module',
		},
		rules: {
			// n8n's own lint config (n8n-node lint) turns this one off as well.
			'prefer-spread': 'off',
		},
	},

	// ---- Ordinary rules for CommonJS JavaScript: scripts, simulator, tooling configs ----
	{
		files: ['**/*.js', '**/*.cjs'],
		extends: [js.configs.recommended],
		languageOptions: {
			ecmaVersion: 2022,
			sourceType: 'commonjs',
			globals: nodeGlobals,
		},
	},
	{
		files: ['**/*.mjs'],
		extends: [js.configs.recommended],
		languageOptions: {
			ecmaVersion: 2022,
			sourceType: 'module',
			globals: nodeGlobals,
		},
	},

	// ---- JSON sources the n8n rules read: parse them with the TypeScript parser ----
	// The package.json rules walk an ESTree ObjectExpression, which
	// @typescript-eslint/parser produces for a JSON document (jsonc-eslint-parser's
	// JSON* nodes would make every one of them a silent no-op).
	{
		files: ['package.json', 'nodes/**/*.json', 'credentials/**/*.json'],
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
	},

	// ---- eslint-plugin-n8n-nodes-base: its three eslintrc rulesets, scoped ----
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{
		files: ['package.json'],
		rules: asErrors(n8nNodesBase.configs.community.rules),
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...asErrors(n8nNodesBase.configs.credentials.rules),
			// Same exceptions as n8n's scanner and `n8n-node lint`:
			// camel-cased documentationUrl slugs only exist for nodes in n8n's own repo
			// (community credentials must use an HTTP URL: ...-not-http-url stays on),
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			// and @n8n/community-nodes/credential-password-field is the accurate version.
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...asErrors(n8nNodesBase.configs.nodes.rules),
			// Same exceptions as n8n's scanner and `n8n-node lint`: inputs/outputs are the
			// NodeConnectionTypes enum (required by node-connection-type-literal), not the
			// "main" literal these two rules count,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			// and a real API maximum (e.g. a page size) is a legitimate maxValue.
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},

	// ---- @n8n/eslint-plugin-community-nodes `recommended`, every rule an error ----
	{
		...n8nCommunityNodesPlugin.configs.recommended,
		files: SHIPPED_SOURCES,
		rules: {
			...asErrors(n8nCommunityNodesPlugin.configs.recommended.rules),
			// The scanner adds this one on top of the plugin's config.
			'no-console': 'error',
		},
	},

	// ---- Imports point one way (see the README's Development section) ----
	// node classes → actions/, trigger/, methods/ → helpers/ → shared/ → transport/;
	// extract/ stands alone (helpers use it). A folder may not import from a layer above it.
	...importLayers({
		'nodes/TempMail/transport/**/*.ts': [
			'helpers',
			'actions',
			'trigger',
			'methods',
			'shared',
			'extract',
		],
		'nodes/TempMail/shared/**/*.ts': ['helpers', 'actions', 'trigger', 'methods', 'extract'],
		'nodes/TempMail/helpers/**/*.ts': ['actions', 'trigger', 'methods'],
		'nodes/TempMail/actions/**/*.ts': ['trigger', 'methods'],
		'nodes/TempMail/trigger/**/*.ts': ['actions', 'methods'],
		'nodes/TempMail/methods/**/*.ts': ['actions', 'trigger'],
	}),
	{
		files: ['nodes/TempMail/extract/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^\\.\\./',
							message: 'extract/ stands alone: it imports nothing from the node around it.',
						},
					],
				},
			],
		},
	},

	// ---- The scanner ignores inline eslint-disable comments: so do we, on shipped code ----
	{
		files: SHIPPED_SOURCES,
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' },
	},
	{
		// Elsewhere, a stale eslint-disable comment is an error too.
		linterOptions: { reportUnusedDisableDirectives: 'error' },
	},
);
