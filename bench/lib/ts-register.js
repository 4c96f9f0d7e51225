'use strict';
// Lets the benchmark require the TypeScript sources (the node, the in-process n8n
// harness in test/harness) the way jest's ts-jest does, without a build step:
// each .ts file is transpiled on load (no type check; `npx tsc --noEmit` does that).
const fs = require('node:fs');
const ts = require('typescript');

let registered = false;

function registerTypeScript() {
	if (registered) return;
	registered = true;
	require('reflect-metadata');
	require.extensions['.ts'] = (module, filename) => {
		const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
			fileName: filename,
			compilerOptions: {
				module: ts.ModuleKind.CommonJS,
				target: ts.ScriptTarget.ES2021,
				esModuleInterop: true,
				experimentalDecorators: true,
				emitDecoratorMetadata: true,
				inlineSourceMap: true,
			},
		});
		module._compile(outputText, filename);
	};
}

module.exports = { registerTypeScript };
