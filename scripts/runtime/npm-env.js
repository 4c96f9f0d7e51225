'use strict';
// A clean environment for child processes started from `npm run …`.
//
// npm exports the project's configuration to scripts as npm_config_* variables,
// including `npm_config_ignore_scripts=true` from the project's .npmrc: a child
// `npm rebuild` would then silently do nothing. Only settings about how to reach the
// registry survive; everything else npm-, package- or lifecycle-related is dropped.
const KEEP_NPM_CONFIG = new Set([
	'npm_config_registry',
	'npm_config_cache',
	'npm_config_userconfig',
	'npm_config_cafile',
	'npm_config_ca',
	'npm_config_strict_ssl',
	'npm_config_proxy',
	'npm_config_https_proxy',
	'npm_config_noproxy',
]);

/** @param {NodeJS.ProcessEnv} [base] */
function cleanEnv(base = process.env) {
	/** @type {NodeJS.ProcessEnv} */
	const env = {};
	for (const [key, value] of Object.entries(base)) {
		if (value === undefined) continue;
		const lower = key.toLowerCase();
		if (lower.startsWith('npm_config_') && !KEEP_NPM_CONFIG.has(lower)) continue;
		if (lower.startsWith('npm_') && !lower.startsWith('npm_config_')) continue;
		if (['init_cwd', 'node', 'node_options', 'node_path'].includes(lower)) continue;
		env[key] = value;
	}
	return env;
}

module.exports = { cleanEnv };
