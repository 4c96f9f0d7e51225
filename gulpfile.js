'use strict';
// Copies the non-TypeScript assets n8n loads from dist/ next to the compiled code.
//
// n8n resolves `icon: 'file:…'` relative to the directory of the compiled node or
// credential file, and reads a node's codex from `<Node>.node.json` beside its
// `<Node>.node.js`. So:
//   icons/*.svg                    -> dist/icons/   (shared by nodes and credential:
//                                     nodes use 'file:../../icons/…', the credential 'file:../icons/…')
//   nodes/**/*.{png,svg,json}      -> dist/nodes/   (codex files, any node-local icons)
//   credentials/**/*.{png,svg}     -> dist/credentials/ (only if a credential ever ships its own icon)
const { dest, parallel, src, task } = require('gulp');

// gulp 5 reads files as UTF-8 text unless told otherwise, which would corrupt PNGs.
const binarySafe = { encoding: false };

function copySharedIcons() {
	return src('icons/*.svg', binarySafe).pipe(dest('dist/icons'));
}

function copyNodeAssets() {
	return src('nodes/**/*.{png,svg,json}', { ...binarySafe, base: 'nodes' }).pipe(
		dest('dist/nodes'),
	);
}

function copyCredentialAssets() {
	return src('credentials/**/*.{png,svg}', { ...binarySafe, base: 'credentials' }).pipe(
		dest('dist/credentials'),
	);
}

task('build:assets', parallel(copySharedIcons, copyNodeAssets, copyCredentialAssets));
