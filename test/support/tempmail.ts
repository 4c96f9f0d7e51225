/**
 * Runs the Temp Mail node through the real n8n engine (see ../harness)
 * against the bundled simulator over real HTTP. Import before n8n-core.
 */
import type { ExecutionError, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { TempMailApi } from '../../credentials/TempMailApi.credentials';
import { TempMail } from '../../nodes/TempMail/TempMail.node';
import { chain, runWorkflow, startNode, workflowNode } from '../harness';
import type { WorkflowRunResult } from '../harness';
import { SimulatorControl, startSimulator } from '../simulator';
import type { RunningSimulator } from '../simulator';

export const NODE_TYPE = 'n8n-nodes-tempmail.tempMail';
export const NODE_NAME = 'Temp Mail';

export interface SimulatorFixture {
	sim: RunningSimulator;
	control: SimulatorControl;
}

/** One simulator per test file; state is reset before each test. */
export function useSimulator(options: Parameters<typeof startSimulator>[0] = {}): SimulatorFixture {
	const fixture = {} as SimulatorFixture;
	beforeAll(async () => {
		fixture.sim = await startSimulator(options);
		fixture.control = new SimulatorControl(fixture.sim.url);
	});
	beforeEach(async () => {
		await fixture.control.reset();
		await fixture.control.clearFaults();
		await fixture.control.clearRequests();
	});
	afterAll(async () => {
		await fixture.sim?.close();
	});
	return fixture;
}

export interface RunOptions {
	inputItems?: INodeExecutionData[];
	apiKey?: string;
	baseUrl?: string;
	continueOnFail?: boolean;
	/** The Temp Mail node's version (default 1, as workflows saved before version 2). */
	typeVersion?: number;
}

export interface NodeRun {
	result: WorkflowRunResult;
	items: INodeExecutionData[];
	error: ExecutionError | undefined;
}

/** A Start → Temp Mail workflow with the given node parameters. */
export async function runTempMail(
	fixture: SimulatorFixture,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<NodeRun> {
	const result = await runWorkflow({
		workflow: {
			nodes: [
				startNode(),
				workflowNode(NODE_NAME, NODE_TYPE, parameters, {
					credentials: { tempMailApi: { id: '1', name: 'Temp Mail account' } },
					...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
					...(options.typeVersion ? { typeVersion: options.typeVersion } : {}),
				}),
			],
			connections: chain('Start', NODE_NAME),
		},
		nodeTypes: { [NODE_TYPE]: new TempMail() },
		credentialTypes: [new TempMailApi()],
		credentials: {
			tempMailApi: {
				apiKey: options.apiKey ?? fixture.sim.defaultKey,
				baseUrl: options.baseUrl ?? fixture.sim.url,
			},
		},
		inputItems: options.inputItems,
	});
	const error = result.errorOf(NODE_NAME);
	return { result, items: error ? [] : result.outputOf(NODE_NAME), error };
}

/** The error a run ended with; fails the test when it succeeded. */
export function expectError(
	run: NodeRun,
): ExecutionError & { description?: string | null; httpCode?: string | null } {
	if (!run.error) {
		throw new Error(
			`expected the node to fail, it returned ${JSON.stringify(run.items.map((i) => i.json)).slice(0, 300)}`,
		);
	}
	return run.error as ExecutionError & { description?: string | null };
}
