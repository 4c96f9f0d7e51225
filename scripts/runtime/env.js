'use strict';
// The environment for running the bundled n8n (server or CLI) offline and quietly,
// with a private user folder. Every n8n process started for this project goes through
// n8nEnv().
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { cleanEnv } = require('./npm-env');
const { PROFILE } = require('./versions');

/**
 * The encryption key of a user folder, fixed for its lifetime: read from n8n's own
 * settings file `<userFolder>/.n8n/config`, or generated and written there on first
 * use, so the N8N_ENCRYPTION_KEY we pass always matches the file (n8n refuses to
 * start on a mismatch) and credentials stay readable across runs.
 */
function encryptionKeyFor(userFolder) {
	const n8nFolder = path.join(userFolder, '.n8n');
	const settingsFile = path.join(n8nFolder, 'config');
	try {
		const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
		if (typeof settings.encryptionKey === 'string' && settings.encryptionKey)
			return settings.encryptionKey;
	} catch (err) {
		if (err.code !== 'ENOENT') throw new Error(`cannot read ${settingsFile}: ${err.message}`);
	}
	const encryptionKey = crypto.randomBytes(24).toString('base64');
	fs.mkdirSync(n8nFolder, { recursive: true });
	fs.writeFileSync(settingsFile, JSON.stringify({ encryptionKey }, null, '\t'), { mode: 0o600 });
	return encryptionKey;
}

/** Settings that keep n8n off the network (no telemetry, banners, templates, license calls). */
const OFFLINE = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
	N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_DYNAMIC_BANNERS_ENABLED: 'false',
	N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
	N8N_AI_ENABLED: 'false',
	// Modules that would reach out at start, where this n8n has them (versions.js).
	...(PROFILE.disabledModules ? { N8N_DISABLED_MODULES: PROFILE.disabledModules } : {}),
	// Never try to `npm install` packages recorded in the database but missing on disk.
	N8N_REINSTALL_MISSING_PACKAGES: 'false',
};

/**
 * Defaults n8n 2.41 announces it will change: set explicitly (to the announced new
 * values) so the start-up log carries no deprecation list.
 */
const SETTLED_DEFAULTS = {
	N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
	N8N_RUNNERS_TASK_TIMEOUT: '60',
	N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: String(256 * 1024 * 1024),
	N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '1000',
};

/**
 * Folders n8n's file nodes (Read/Write Files from Disk) may use: n8n's default plus the
 * one examples/attachments-to-disk.json writes to. n8n 2.41 splits the list on ";"
 * (n8n-core file-system-helper-functions getAllowedPaths; "~" is the home folder).
 * A caller's own N8N_RESTRICT_FILE_ACCESS_TO (even "", which lifts the restriction) wins.
 * The example's folder is created: n8n resolves the target's folder with realpath and
 * creates no folders, so writing into a missing one fails with ENOENT.
 */
const ATTACHMENTS_FOLDER = '/tmp/n8n-tempmail-attachments';
const DEFAULT_FILE_ACCESS = `~/.n8n-files;${ATTACHMENTS_FOLDER}`;

function restrictFileAccessTo() {
	const own = process.env.N8N_RESTRICT_FILE_ACCESS_TO;
	if (own !== undefined) return own;
	fs.mkdirSync(ATTACHMENTS_FOLDER, { recursive: true });
	return DEFAULT_FILE_ACCESS;
}

/**
 * @param {object} options
 * @param {{ nodeBinDir: string }} options.runtime from paths.requireRuntime()
 * @param {string} options.userFolder N8N_USER_FOLDER (n8n keeps everything in <it>/.n8n)
 * @param {number} options.port N8N_PORT of the editor and REST API
 * @param {number} options.brokerPort N8N_RUNNERS_BROKER_PORT: unique per n8n process
 * @param {string} [options.logLevel] N8N_LOG_LEVEL, default "info"
 * @param {boolean} [options.inheritN8nEnv] keep N8N_* variables of the caller (npm start), default false
 * @param {Record<string, string>} [options.extra] last word on anything
 */
function n8nEnv({
	runtime,
	userFolder,
	port,
	brokerPort,
	logLevel = 'info',
	inheritN8nEnv = false,
	extra = {},
}) {
	const base = cleanEnv();
	if (!inheritN8nEnv) {
		for (const key of Object.keys(base)) {
			if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_TIMEZONE$|WEBHOOK_URL$|NODES_)/.test(key))
				delete base[key];
		}
	}
	return {
		...base,
		// Node 24 first on PATH: n8n spawns its task runner and any npm with it.
		PATH: `${runtime.nodeBinDir}${path.delimiter}${base.PATH || ''}`,
		NODE_ENV: 'production',
		...OFFLINE,
		...SETTLED_DEFAULTS,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKeyFor(userFolder),
		DB_TYPE: 'sqlite',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_PROTOCOL: 'http',
		N8N_PORT: String(port),
		N8N_EDITOR_BASE_URL: `http://localhost:${port}`,
		N8N_WEBHOOK_URL: `http://localhost:${port}/`,
		// Plain http on localhost: the auth cookie must not require https.
		N8N_SECURE_COOKIE: 'false',
		// Task runners run in n8n's default internal mode: a child process of n8n (same
		// process group). Setting N8N_RUNNERS_MODE=internal only adds a deprecation notice.
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_RESTRICT_FILE_ACCESS_TO: restrictFileAccessTo(),
		N8N_LOG_LEVEL: logLevel,
		N8N_LOG_OUTPUT: 'console',
		GENERIC_TIMEZONE: 'UTC',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		...(inheritN8nEnv ? pickN8nOverrides() : {}),
		...extra,
	};
}

/** N8N_LOG_LEVEL and friends the user may set for `npm start`; ports and folders stay ours. */
function pickN8nOverrides() {
	const out = {};
	for (const key of ['N8N_LOG_LEVEL', 'N8N_LOG_OUTPUT', 'GENERIC_TIMEZONE']) {
		if (process.env[key]) out[key] = process.env[key];
	}
	return out;
}

module.exports = { n8nEnv, encryptionKeyFor, OFFLINE, ATTACHMENTS_FOLDER };
