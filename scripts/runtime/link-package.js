'use strict';
// Puts OUR package into an n8n user folder the way n8n 2.41 installs a community
// package: `npm pack`, extract into `<userFolder>/.n8n/nodes/node_modules/<name>`,
// drop dev/peer/optional dependencies from its package.json (n8n does the same, so
// `n8n-workflow` resolves to n8n's own copy through NODE_PATH, never to a second
// copy), and record it in `<userFolder>/.n8n/nodes/package.json`. n8n scans that
// node_modules folder for `n8n-nodes-*` at start; types are named
// `n8n-nodes-tempmail.<node>`.
//
// mode "symlink" links the project root instead, for editing without re-packing
// (restart n8n after `npm run build`). Then the package's `n8n-workflow` import
// resolves to the project's devDependency copy (Node follows the link to the real
// path), not n8n's: fine for trying things, not what users get.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { cleanEnv } = require('./npm-env');
const { PROJECT_ROOT } = require('./paths');

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeJson(file, value) {
	fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Files the published package would contain, unpacked into `destination`. */
function packInto(projectRoot, destination) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tempmail-pack-'));
	try {
		const out = execFileSync(
			'npm',
			['pack', '--json', '--ignore-scripts', '--pack-destination', work],
			{
				cwd: projectRoot,
				env: cleanEnv(),
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		const [{ filename }] = JSON.parse(out.slice(out.indexOf('[')));
		fs.mkdirSync(destination, { recursive: true });
		execFileSync('tar', [
			'-xzf',
			path.join(work, path.basename(filename)),
			'-C',
			destination,
			'--strip-components=1',
		]);
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

/**
 * @param {object} options
 * @param {string} options.userFolder N8N_USER_FOLDER
 * @param {'pack' | 'symlink'} [options.mode] default "pack"
 * @param {string} [options.projectRoot] default this project
 * @returns {{ packageDir: string, name: string, version: string, mode: string }}
 */
function linkPackage({ userFolder, mode = 'pack', projectRoot = PROJECT_ROOT }) {
	const pkg = readJson(path.join(projectRoot, 'package.json'));
	for (const file of [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])]) {
		if (!fs.existsSync(path.join(projectRoot, file))) {
			throw new Error(`${file} (listed in package.json "n8n") is missing: run npm run build first`);
		}
	}
	if (Object.keys(pkg.dependencies ?? {}).length) {
		throw new Error(
			'package.json has runtime dependencies; n8n would npm-install them: not supported here',
		);
	}

	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const modulesDir = path.join(nodesDir, 'node_modules');
	const packageDir = path.join(modulesDir, pkg.name);
	fs.mkdirSync(modulesDir, { recursive: true });

	// Replace whatever is there (a previous copy or link) atomically enough: build the
	// new one beside it, then swap.
	const staging = path.join(modulesDir, `.${pkg.name}.staging-${process.pid}`);
	fs.rmSync(staging, { recursive: true, force: true });
	if (mode === 'symlink') {
		fs.symlinkSync(projectRoot, staging, 'dir');
	} else if (mode === 'pack') {
		packInto(projectRoot, staging);
		const packed = readJson(path.join(staging, 'package.json'));
		delete packed.devDependencies;
		delete packed.peerDependencies;
		delete packed.optionalDependencies;
		writeJson(path.join(staging, 'package.json'), packed);
	} else {
		throw new Error(`unknown link mode "${mode}" (pack or symlink)`);
	}
	const old = path.join(modulesDir, `.${pkg.name}.old-${process.pid}`);
	if (fs.existsSync(packageDir) || isLink(packageDir)) fs.renameSync(packageDir, old);
	fs.renameSync(staging, packageDir);
	fs.rmSync(old, { recursive: true, force: true }); // removes a link itself, not its target

	// n8n's own record of installed community packages on disk.
	const manifestFile = path.join(nodesDir, 'package.json');
	let manifest = { name: 'installed-nodes', private: true, dependencies: {} };
	if (fs.existsSync(manifestFile)) manifest = readJson(manifestFile);
	manifest.dependencies = { ...(manifest.dependencies ?? {}), [pkg.name]: pkg.version };
	writeJson(manifestFile, manifest);

	return { packageDir, name: pkg.name, version: pkg.version, mode };
}

function isLink(file) {
	try {
		return fs.lstatSync(file).isSymbolicLink();
	} catch {
		return false;
	}
}

module.exports = { linkPackage };
