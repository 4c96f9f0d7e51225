import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';

// The e2e tests' client for n8n's REST API is a plain Node module.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { N8nRest } = require('../../scripts/runtime/rest.js') as {
	N8nRest: new (baseUrl: string) => {
		waitForExecution(id: string, timeoutMs?: number): Promise<Record<string, unknown>>;
	};
};

/** An n8n stand-in that answers GET /rest/executions/1 with the given bodies in turn (the last one repeats). */
async function serveExecutions(
	bodies: unknown[],
): Promise<{ server: Server; url: string; reads: () => number }> {
	let reads = 0;
	const server = createServer((req, res) => {
		expect(req.url).toBe('/rest/executions/1');
		const body = bodies[Math.min(reads, bodies.length - 1)];
		reads++;
		res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify({ data: body }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { server, url: `http://127.0.0.1:${port}`, reads: () => reads };
}

const finished = { id: '1', finished: true, status: 'success' };
const finalData = {
	resultData: { runData: { 'Get Quota': [{}] }, lastNodeExecuted: 'Quota OK' },
};

describe('N8nRest.waitForExecution', () => {
	let server: Server | undefined;
	afterEach(() => server?.close());

	// n8n 1.x on SQLite without a pool writes the status and the run data in two statements,
	// so a read between them sees "success" with the data the execution started with.
	it('waits past a finished status whose run data is not yet the final one', async () => {
		const stub = await serveExecutions([
			{ ...finished, status: 'running', finished: false },
			{ ...finished },
			{ ...finished, data: { resultData: { runData: {} } } },
			{ ...finished, data: finalData },
		]);
		server = stub.server;
		const execution = await new N8nRest(stub.url).waitForExecution('1', 10_000);
		expect(execution.data).toEqual(finalData);
		expect(stub.reads()).toBe(4);
	});

	it('returns a run that stopped on an error before any node ran', async () => {
		const data = { resultData: { runData: {}, error: { message: 'Workflow has issues' } } };
		const stub = await serveExecutions([{ ...finished, status: 'error', data }]);
		server = stub.server;
		const execution = await new N8nRest(stub.url).waitForExecution('1', 10_000);
		expect(execution).toMatchObject({ status: 'error', data });
	});

	it('says so when the final run data never arrives', async () => {
		const stub = await serveExecutions([{ ...finished }]);
		server = stub.server;
		await expect(new N8nRest(stub.url).waitForExecution('1', 600)).rejects.toThrow(
			'execution 1 still finished without its final run data after 0.6 s',
		);
	});
});
