// The benchmark (bench/run.js) in smoke mode, so its code cannot rot: a few items, one
// round, small files, against the real n8n. It checks that every figure is produced and
// the JSON is well-formed; it asserts nothing about speed (figures belong in the bench).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { PROJECT_ROOT } from '../../scripts/runtime';

interface Figure {
	id: string;
	label: string;
	unit: string;
	ours: number | null;
	http: number | null;
	ratio: number | null;
	target: string;
	pass: boolean | null;
}

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function runBench(args: string[]): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bench', 'run.js'), ...args], {
			cwd: PROJECT_ROOT,
		});
		let output = '';
		child.stdout.on('data', (d: Buffer) => (output += d.toString()));
		child.stderr.on('data', (d: Buffer) => (output += d.toString()));
		child.on('close', (code) => resolve({ code, output }));
	});
}

describe('npm run bench:smoke (bench/run.js --smoke against the real n8n)', () => {
	const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tempmail-bench-smoke-'));
	const withPng = fs.existsSync(CHROMIUM);
	let run: { code: number | null; output: string };

	beforeAll(async () => {
		run = await runBench(['--smoke', '--out', outDir, ...(withPng ? [] : ['--no-chart'])]);
	}, 600_000);
	afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

	it('finishes and prints the table', () => {
		// The table is about 5,000 characters wide and long; its header must be in the tail.
		expect({ code: run.code, tail: run.output.slice(-8000) }).toEqual({
			code: 0,
			tail: expect.stringContaining('| Figure'),
		});
	});

	it('writes well-formed JSON with every figure measured', () => {
		const results = JSON.parse(fs.readFileSync(path.join(outDir, 'bench.json'), 'utf8'));
		expect(results).toMatchObject({
			version: 1,
			mode: 'smoke',
			machine: { cpus: expect.any(Number) },
			versions: { n8n: expect.any(String) },
		});
		expect(Number.isNaN(Date.parse(results.date))).toBe(false);
		const figures = results.figures as Figure[];
		const ids = figures.map((f) => f.id);
		expect(ids).toEqual([
			'get.nodeMs',
			'get.workflowMinusBaselineMs',
			'get.maxInFlight',
			'delete.nodeMs',
			'delete.workflowMinusBaselineMs',
			'delete.maxInFlight',
			'download.1 MB.peakRssMb',
			'download.4 MB.peakRssMb',
			'download.growthMb',
			'download.plainNodeGrowthMb',
			'download.plainNodeMs',
			'download.plainNodeWithHeapGrowthMb',
			'download.plainNodeWithHeapMs',
			'download.4 MB.nodeMs',
			'download.4 MB.nodeMsVsPlainNode',
			'download.4 MB.nodeMsVsPlainNodeWithHeap',
			'download.growthMbVsPlainNodeWithHeap',
			'burst.getAll.sequentialMs',
			'burst.getAll.parallelMs',
			'burst.trigger.sequentialMs',
			'burst.trigger.parallelMs',
			'burst.maxInFlight',
			'trigger.requestsPerPoll',
			'trigger.requestsPerPollOfThree',
			'trigger.pollCpuMs',
			'trigger.stateBytes',
			'waitFor.medianLatencyMs',
			'waitFor.maxLatencyMs',
		]);
		// Rows compared with the HTTP Request node (the others: plain Node, one after another).
		const compared = ids.filter(
			(id) => /^(get|delete|download)\./.test(id) && !/plainNode|VsPlainNode/.test(id),
		);
		for (const f of figures) {
			expect(typeof f.ours).toBe('number');
			expect(Number.isFinite(f.ours)).toBe(true);
			if (compared.includes(f.id)) expect(Number.isFinite(f.http)).toBe(true);
			expect([true, false, null]).toContain(f.pass);
			expect(f.label && f.unit && f.target).toBeTruthy();
		}
		expect(results.passed).toBe(figures.every((f) => f.pass !== false));
		expect(results.raw.throughput.operations.get.ours).toHaveLength(1);
		// The burst ran both ways and compared their outputs (it throws when they differ).
		expect(results.raw.burst.samples).toHaveLength(4);
		// The plain-Node reference held the heap n8n kept alive (read from n8n's --trace-gc).
		expect(results.raw.streamFloorWithHeap.heapMb).toBeGreaterThan(0);
		for (const sample of results.raw.streamFloorWithHeap.samples)
			expect(sample.heapMb).toBeGreaterThanOrEqual(0.8 * results.raw.streamFloorWithHeap.heapMb);
		const ours = (id: string) => Number(figures.find((f) => f.id === id)?.ours);
		for (const name of ['getAll', 'trigger'])
			expect(figures.find((f) => f.id === `burst.${name}.parallelMs`)?.ratio).toBeCloseTo(
				ours(`burst.${name}.parallelMs`) / ours(`burst.${name}.sequentialMs`),
				1,
			);
		expect(results.quota.used).toBeLessThan(results.quota.limit);
	});

	it('writes the chart page (and its PNG when Chromium is installed)', () => {
		const html = fs.readFileSync(path.join(outDir, 'bench.html'), 'utf8');
		expect(html.match(/<svg /g)).toHaveLength(3);
		if (withPng)
			expect(fs.readFileSync(path.join(outDir, 'bench.png')).subarray(1, 4).toString()).toBe('PNG');
	});
});
