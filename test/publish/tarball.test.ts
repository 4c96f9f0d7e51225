/**
 * The published package: `npm pack` must produce exactly what n8n loads (package.json,
 * index.js, the compiled nodes and credential, their codex files and icons) plus
 * README.md, LICENSE and CHANGELOG.md; n8n's package loader must load it; and n8n's
 * community-package scanner must pass on it, offline.
 *
 * Needs dist/: `npm test` builds before jest; run alone, the test builds when dist/ is
 * missing or older than the sources.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	name: string;
	version: string;
	n8n: { nodes: string[]; credentials: string[] };
};

const DOCS = 'https://github.com/n8n-nodes-tempmail/n8n-nodes-tempmail';
const REQUIRED_ALIASES = [
	'temp mail',
	'disposable email',
	'throwaway inbox',
	'OTP',
	'verification code',
];

/**
 * The environment for the child processes: jest sets NODE_ENV=test, which makes
 * eslint-plugin-n8n-nodes-base lint fixture file names instead of the real ones and
 * n8n-core load classes outside its vm context. Neither happens in n8n or its scanner.
 */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
	delete env.NODE_ENV;
	return env;
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
	const result = spawnSync(command, args, {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		...options,
	});
	if (result.error) throw result.error;
	if (result.status !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} failed (${result.signal ?? `exit ${result.status}`})\n` +
				`${String(result.stderr)}\n${String(result.stdout)}`,
		);
	}
	return String(result.stdout);
}

/** Files under `dir` (relative to the project root, `/`-separated), sorted. */
function filesUnder(dir: string): string[] {
	const absolute = path.join(root, dir);
	if (!fs.existsSync(absolute)) return [];
	return fs
		.readdirSync(absolute, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) =>
			path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
		)
		.sort();
}

/**
 * What `npm run build` makes from the sources, source -> output: tsc compiles every
 * nodes/ and credentials/ .ts (rootDir "."); gulp build:assets copies nodes' png/svg/json,
 * credentials' png/svg and icons/*.svg (see gulpfile.js).
 */
function buildOutputs(): Map<string, string> {
	const outputs = new Map<string, string>();
	for (const file of [...filesUnder('nodes'), ...filesUnder('credentials')]) {
		if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
			outputs.set(file, `dist/${file.replace(/\.ts$/, '.js')}`);
		} else if (
			/^nodes\/.*\.(png|svg|json)$/.test(file) ||
			/^credentials\/.*\.(png|svg)$/.test(file)
		) {
			outputs.set(file, `dist/${file}`);
		}
	}
	for (const file of filesUnder('icons')) {
		if (/^icons\/[^/]+\.svg$/.test(file)) outputs.set(file, `dist/${file}`);
	}
	return outputs;
}

/** Outputs that are missing, older than their source (tsc) or not a copy of it (gulp). */
function staleOutputs(): string[] {
	return [...buildOutputs()]
		.filter(([source, output]) => {
			const from = path.join(root, source);
			const to = path.join(root, output);
			if (!fs.existsSync(to)) return true;
			// gulp keeps the source's mtime on copies (rounded down): compare the bytes.
			if (!source.endsWith('.ts')) return !fs.readFileSync(to).equals(fs.readFileSync(from));
			return fs.statSync(to).mtimeMs < fs.statSync(from).mtimeMs;
		})
		.map(([, output]) => output);
}

function ensureBuilt(): void {
	if (staleOutputs().length === 0) return;
	run('npm', ['run', 'build', '--silent']);
	const stillMissing = staleOutputs();
	if (stillMissing.length > 0)
		throw new Error(`npm run build did not produce: ${stillMissing.join(', ')}`);
}

interface PackResult {
	filename: string;
	size: number;
	unpackedSize: number;
	entryCount: number;
	files: Array<{ path: string; size: number }>;
}

interface Finding {
	file: string;
	line: number;
	severity: 'error' | 'warning';
	rule: string | null;
	message: string;
}

interface ScanLeg {
	name: string;
	patterns: string[];
	files: string[];
	passed: boolean;
	message: string | null;
	details: string | null;
	errors: number;
	warnings: number;
	findings: Finding[];
}

interface Icon {
	url: string;
	file: string | null;
	exists: boolean;
}

interface Loaded {
	packageName: string;
	nodes: Array<{
		name: string;
		polling: boolean;
		usableAsTool: boolean | null;
		credentials: string[];
		codex: {
			categories?: string[];
			alias?: string[];
			resources?: {
				primaryDocumentation?: Array<{ url: string }>;
				credentialDocumentation?: Array<{ url: string }>;
			};
		} | null;
		icons: Icon[];
	}>;
	credentials: Array<{
		name: string;
		documentationUrl: string | null;
		supportedNodes: string[];
		hasTest: boolean;
		icons: Icon[];
	}>;
}

let workDir: string;
let packageDir: string;
let pack: PackResult;
let entries: string[];

beforeAll(() => {
	ensureBuilt();
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tempmail-pack-'));
	const stdout = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir]);
	[pack] = JSON.parse(stdout) as PackResult[];
	const tarball = path.join(workDir, pack.filename);
	// The tarball itself is the truth: list it with tar, not only npm's report.
	entries = run('tar', ['-tzf', tarball])
		.split('\n')
		.filter((line) => line !== '' && !line.endsWith('/'))
		.map((line) => line.replace(/^package\//, ''))
		.sort();
	packageDir = path.join(workDir, 'package');
	fs.mkdirSync(packageDir);
	run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
}, 300_000);

afterAll(() => {
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

describe('npm pack', () => {
	it('contains exactly what n8n loads plus README.md, LICENSE and CHANGELOG.md', () => {
		console.log(
			`${pack.filename}: ${pack.size} bytes packed, ${pack.unpackedSize} bytes unpacked, ` +
				`${pack.entryCount} files\n${entries.join('\n')}`,
		);
		const expected = [
			'CHANGELOG.md',
			'LICENSE',
			'README.md',
			'index.js',
			'package.json',
			...buildOutputs().values(),
		].sort();
		// A file listed here but not expected is either not loaded by n8n or a stale build
		// output whose source is gone (a clean `npm run build` removes those).
		expect(entries).toEqual(expected);
		expect(pack.files.map((file) => file.path).sort()).toEqual(entries);
	});

	it('ships no tests, scripts, TypeScript, declarations or source maps', () => {
		const unwanted = entries.filter(
			(file) =>
				/^(test|scripts|examples|nodes|credentials|icons|node_modules|\.github|\.ci)\//.test(
					file,
				) ||
				/\.(ts|map|tgz|tsbuildinfo)$/.test(file) ||
				/(^|\/)(\.npmrc|\.gitignore|tsconfig[^/]*\.json|jest\.config\.js|gulpfile\.js|eslint\.config\.mjs|package-lock\.json)$/.test(
					file,
				),
		);
		expect(unwanted).toEqual([]);
	});

	it('has every file the package.json "n8n" section and index.js name', () => {
		const named = [...packageJson.n8n.nodes, ...packageJson.n8n.credentials];
		expect(named.length).toBeGreaterThan(0);
		for (const file of named) expect(entries).toContain(file);
		// Codex files sit beside the node files.
		for (const node of packageJson.n8n.nodes) expect(entries).toContain(`${node}on`);
		const index = fs.readFileSync(path.join(packageDir, 'index.js'), 'utf8');
		for (const match of index.matchAll(/require\('\.\/([^']+)'\)/g)) {
			expect(entries).toContain(`${match[1]}.js`);
		}
		// and index.js exports every node and credential n8n loads (the trigger too).
		for (const file of named) expect(index).toContain(`require('./${file.replace(/\.js$/, '')}')`);
	});
});

describe('the unpacked tarball', () => {
	it("loads with n8n-core's PackageDirectoryLoader: nodes, credential, codex, icons", () => {
		const loaded = JSON.parse(
			run(process.execPath, [path.join(__dirname, 'load-package.js'), packageDir], {
				env: childEnv({ NODE_PATH: path.join(root, 'node_modules') }),
			}),
		) as Loaded;

		expect(loaded.packageName).toBe(packageJson.name);
		expect(loaded.nodes.map((node) => node.name).sort()).toEqual(['tempMail', 'tempMailTrigger']);
		expect(loaded.credentials.map((credential) => credential.name)).toEqual(['tempMailApi']);

		const action = loaded.nodes.find((node) => node.name === 'tempMail')!;
		const trigger = loaded.nodes.find((node) => node.name === 'tempMailTrigger')!;
		expect(action.usableAsTool).toBe(true);
		expect(trigger.usableAsTool).not.toBe(true);
		expect(trigger.polling).toBe(true);

		// Codex: documentation links to the README sections, categories, search aliases.
		expect(action.codex?.resources?.primaryDocumentation).toEqual([{ url: `${DOCS}#operations` }]);
		expect(trigger.codex?.resources?.primaryDocumentation).toEqual([
			{ url: `${DOCS}#temp-mail-trigger` },
		]);
		for (const node of loaded.nodes) {
			expect(node.credentials).toEqual(['tempMailApi']);
			expect(node.codex?.resources?.credentialDocumentation).toEqual([
				{ url: `${DOCS}#credentials` },
			]);
			expect(node.codex?.categories?.length).toBeGreaterThan(0);
			expect(node.codex?.alias).toEqual(expect.arrayContaining(REQUIRED_ALIASES));
		}

		const [credential] = loaded.credentials;
		expect(credential.documentationUrl).toBe(`${DOCS}#credentials`);
		expect(credential.hasTest).toBe(true);
		expect(credential.supportedNodes.sort()).toEqual(['tempMail', 'tempMailTrigger']);

		// Light and dark icons, each a file inside the package.
		for (const { icons } of [...loaded.nodes, ...loaded.credentials]) {
			expect(icons).toHaveLength(2);
			for (const icon of icons) expect(icon).toMatchObject({ exists: true });
		}
	});

	it("passes n8n's community-package scanner (@n8n/scan-community-package analyzePackage), sources too", () => {
		const stdout = run(
			process.execPath,
			[path.join(__dirname, 'scan-package.mjs'), '--tarball', packageDir, '--source', root],
			// The scanner makes a temporary folder when it loads: keep it in ours.
			{ env: childEnv({ TMPDIR: workDir }) },
		);
		const { legs } = JSON.parse(stdout) as { legs: ScanLeg[] };
		console.log(
			legs
				.map(
					(leg) =>
						`scanner, ${leg.name}: ${leg.passed ? 'passed' : `FAILED (${leg.message})`}; ` +
						`${leg.files.length} files; ${leg.errors} errors, ${leg.warnings} warnings` +
						leg.findings
							.map((f) => `\n  ${f.severity} ${f.file}:${f.line} ${f.rule}: ${f.message}`)
							.join(''),
				)
				.join('\n'),
		);

		expect(legs.map((leg) => leg.name)).toEqual([
			'tarball (CLI leg)',
			'tarball (analyzePackage defaults)',
			'source (CLI leg)',
		]);
		for (const leg of legs) {
			// Every shipped .js and the package.json were linted, not an empty glob.
			expect(leg.files).toContain('package.json');
			expect(leg.files.length).toBeGreaterThan(1);
			expect({ leg: leg.name, passed: leg.passed, details: leg.details }).toEqual({
				leg: leg.name,
				passed: true,
				details: null,
			});
			// The project lints with zero warnings; hold the scanner's warnings to that too.
			expect({ leg: leg.name, findings: leg.findings }).toEqual({ leg: leg.name, findings: [] });
		}
		const tarballLeg = legs.find((leg) => leg.name === 'tarball (analyzePackage defaults)')!;
		expect(tarballLeg.files.sort()).toEqual(entries.filter((file) => /\.(js|ts|json)$/.test(file)));
	}, 120_000);
});
