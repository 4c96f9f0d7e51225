#!/usr/bin/env node
'use strict';
// `npm start` today: builds the package and runs the bundled Temp Mail API
// simulator, printing the base URL and a ready API key to put in the
// "Temp Mail API" credential of any n8n that has this package installed.
// (Starting a bundled n8n with the package loaded is the next step of the project.)
const { execFileSync, spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

console.log('Building n8n-nodes-tempmail…');
execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

const port = process.env.TEMPMAIL_SIMULATOR_PORT || '8025';
const simulator = spawn(process.execPath, [path.join(root, 'test/simulator/cli.js'), '--port', port], {
	cwd: root,
	stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => simulator.kill(signal));
}
simulator.on('exit', (code) => process.exit(code ?? 0));
