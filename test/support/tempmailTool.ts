/**
 * Runs "Temp Mail Tool" through the real n8n engine the way n8n 2.41 runs a `usableAsTool` node
 * for an agent: the node's own description under a type named "<name>Tool" (n8n's run time
 * applies no `usableAsTool.replacements`). Import before n8n-core.
 */
import type { INodeParameters, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { TempMailApi } from '../../credentials/TempMailApi.credentials';
import { TempMail } from '../../nodes/TempMail/TempMail.node';
import { chain, runWorkflow, startNode, workflowNode } from '../harness';
import type { NodeRun, SimulatorFixture } from './tempmail';

export const TOOL_TYPE = 'n8n-nodes-tempmail.tempMailTool';
export const TOOL_NAME = 'Temp Mail Tool';

/** The tool variant's description, as n8n 2.41 builds it at run time. */
export function toolDescription(): INodeTypeDescription {
	const { description } = new TempMail();
	return {
		...description,
		name: `${description.name}Tool`,
		displayName: `${description.displayName} Tool`,
	};
}

function toolNodeType(): INodeType {
	const node = new TempMail();
	return { description: toolDescription(), methods: node.methods, execute: node.execute };
}

/** A Start → Temp Mail Tool workflow; the tool runs once per input item, like an agent's call. */
export async function runTempMailTool(
	fixture: SimulatorFixture,
	parameters: INodeParameters,
	typeVersion = 2,
): Promise<NodeRun> {
	const result = await runWorkflow({
		workflow: {
			nodes: [
				startNode(),
				workflowNode(TOOL_NAME, TOOL_TYPE, parameters, {
					typeVersion,
					credentials: { tempMailApi: { id: '1', name: 'Temp Mail account' } },
				}),
			],
			connections: chain('Start', TOOL_NAME),
		},
		nodeTypes: { [TOOL_TYPE]: toolNodeType() },
		credentialTypes: [new TempMailApi()],
		credentials: { tempMailApi: { apiKey: fixture.sim.defaultKey, baseUrl: fixture.sim.url } },
	});
	const error = result.errorOf(TOOL_NAME);
	return { result, items: error ? [] : result.outputOf(TOOL_NAME), error };
}
