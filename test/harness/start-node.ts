/**
 * The harness's own start node, standing in for n8n's "Manual Trigger"
 * (n8n-nodes-base is not installed).
 *
 * It has no inputs and emits, unchanged, the items the run was started with
 * (`runWorkflow({ inputItems })`, default one empty item `{ json: {} }`). Put it in a
 * workflow like any node:
 *
 * ```ts
 * { id: 'start', name: 'Start', type: HARNESS_START_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} }
 * ```
 *
 * and connect it: `connections: { Start: { main: [[{ node: 'Temp Mail', type: 'main', index: 0 }]] } }`
 * (or use `startNode()` / `connect()` from `./workflow-builders`).
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export const HARNESS_START_NODE_TYPE = 'harness.start';

export class HarnessStartNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Start',
		name: HARNESS_START_NODE_TYPE,
		group: ['trigger'],
		version: 1,
		description: 'Emits the items the test started the workflow with',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}
