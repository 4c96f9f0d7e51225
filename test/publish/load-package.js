'use strict';
// Loads an unpacked package folder with n8n-core's PackageDirectoryLoader, the class n8n
// uses for installed community packages, and prints what n8n would register as JSON:
// node descriptions (name, codex, icon URLs, usableAsTool), credentials (name, icon URLs,
// supported nodes, documentation URL) and each icon URL mapped to a file of the package.
//
//   NODE_PATH=<project>/node_modules node test/publish/load-package.js <unpacked package>
//
// NODE_PATH lets the package's own `require('n8n-workflow')` find the project's copy, as
// n8n's would in a real install (n8n-workflow is a peer dependency). A separate process
// keeps jest's module registry and n8n-core's DI container out of it.
// n8n-core loads node classes in a vm context unless NODE_ENV is "test" (jest sets it):
// load them the way a running n8n does.
delete process.env.NODE_ENV;
require('reflect-metadata');
const fs = require('node:fs');
const path = require('node:path');
const { PackageDirectoryLoader } = require('n8n-core');

/** n8n serves `icons/<package name>/<path in the package>`: map the URL back to a file. */
function iconFiles(packageDir, packageName, iconUrl) {
	if (!iconUrl) return [];
	const urls = typeof iconUrl === 'string' ? [iconUrl] : [iconUrl.light, iconUrl.dark];
	const prefix = `icons/${packageName}/`;
	return urls.map((url) => {
		const relative = url.startsWith(prefix) ? url.slice(prefix.length) : null;
		const file = relative === null ? null : path.join(packageDir, relative);
		return { url, file: relative, exists: file !== null && fs.existsSync(file) };
	});
}

async function main() {
	const packageDir = fs.realpathSync(process.argv[2]);
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();
	const { packageName } = loader;
	const out = {
		packageName,
		nodes: loader.types.nodes.map((d) => ({
			name: d.name,
			displayName: d.displayName,
			group: d.group,
			polling: d.polling ?? false,
			usableAsTool: d.usableAsTool ?? null,
			credentials: (d.credentials ?? []).map((c) => c.name),
			codex: d.codex ?? null,
			icons: iconFiles(packageDir, packageName, d.iconUrl),
		})),
		credentials: loader.types.credentials.map((c) => ({
			name: c.name,
			displayName: c.displayName,
			documentationUrl: c.documentationUrl ?? null,
			supportedNodes: c.supportedNodes ?? [],
			hasTest: Boolean(c.test),
			icons: iconFiles(packageDir, packageName, c.iconUrl),
		})),
	};
	process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
