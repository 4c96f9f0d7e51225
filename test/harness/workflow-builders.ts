/**
 * Small helpers to write workflow JSON in tests. They only build plain n8n workflow JSON
 * (the same shape n8n exports), so a test can equally load a `.json` file instead.
 */
import type { IConnections, INode, INodeParameters } from 'n8n-workflow';

import { HARNESS_START_NODE_TYPE } from './start-node';

/** The harness start node (emits the run's `inputItems`). */
export function startNode(name = 'Start'): INode {
	return {
		id: `node-${name}`,
		name,
		type: HARNESS_START_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

/** A workflow node; `extra` may set `credentials`, `onError`, `disabled`, `alwaysOutputData`... */
export function workflowNode(
	name: string,
	type: string,
	parameters: INodeParameters = {},
	extra: Partial<Omit<INode, 'name' | 'type' | 'parameters'>> = {},
): INode {
	return {
		id: `node-${name}`,
		name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		...extra,
	};
}

/**
 * Main connections along a chain of node names: `chain('Start', 'A', 'B')` wires
 * Start → A → B (output 0 to input 0).
 */
export function chain(...names: string[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i < names.length - 1; i++) {
		connect(connections, names[i], names[i + 1]);
	}
	return connections;
}

/** Adds one main connection `from[outputIndex] → to[inputIndex]` to `connections`. */
export function connect(
	connections: IConnections,
	from: string,
	to: string,
	outputIndex = 0,
	inputIndex = 0,
): IConnections {
	connections[from] ??= { main: [] };
	const main = (connections[from].main ??= []);
	while (main.length <= outputIndex) main.push([]);
	(main[outputIndex] ??= []).push({ node: to, type: 'main', index: inputIndex });
	return connections;
}
