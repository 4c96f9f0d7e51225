/**
 * `INodeTypes` over a fixed set of node type instances, keyed by the type name used in
 * the workflow JSON (e.g. `'n8n-nodes-tempmail.tempMail'`). The harness start node
 * (`harness.start`) is always available.
 */
import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import { HARNESS_START_NODE_TYPE, HarnessStartNode } from './start-node';

export type NodeTypeMap = Record<string, INodeType | IVersionedNodeType>;

export class HarnessNodeTypes implements INodeTypes {
	private readonly types: NodeTypeMap;

	constructor(types: NodeTypeMap = {}) {
		this.types = { [HARNESS_START_NODE_TYPE]: new HarnessStartNode(), ...types };
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (type === undefined) {
			throw new UnexpectedError(
				`test harness: unknown node type "${nodeType}". Known types: ${Object.keys(this.types).join(', ')}`,
			);
		}
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		const known: IDataObject = {};
		for (const name of Object.keys(this.types)) {
			known[name] = { className: name, sourcePath: '' };
		}
		return known;
	}
}
