/**
 * A real one-node `Workflow` plus additional data, for calling a node method outside a
 * workflow run (polls, load-options), as n8n does for active pollers and the editor.
 */
import './env-vars';

import { randomUUID } from 'node:crypto';
import { ExecutionLifecycleHooks } from 'n8n-core';
import type {
	ICredentialType,
	IDataObject,
	INode,
	INodeCredentials,
	INodeParameters,
	INodeType,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, deepCopy } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import type { CredentialDataMap } from './credentials-helper';
import { HarnessCredentialsHelper } from './credentials-helper';
import { HarnessNodeTypes } from './node-types';

export interface SingleNodeOptions {
	nodeType: INodeType | IVersionedNodeType;
	/** Node parameters (may contain expressions). */
	parameters?: INodeParameters;
	credentialTypes?: ICredentialType[];
	/** Decrypted credential data keyed by credential type name. */
	credentials?: CredentialDataMap;
	/** Type name in the (virtual) workflow; default `description.name`. */
	typeName?: string;
	/** Node name; default the type's `defaults.name`. Node static data is keyed `node:<name>`. */
	nodeName?: string;
	typeVersion?: number;
	/** Node credentials; default one `{ id, name }` per credential type in `credentials` the node declares. */
	nodeCredentials?: INodeCredentials;
	/** Workflow settings (e.g. `timezone`). */
	workflowSettings?: IWorkflowSettings;
}

export interface SingleNodeSetup {
	workflow: Workflow;
	/** The node as held by `workflow` (pass this one to contexts). */
	node: INode;
	/** The node type for the node's version. */
	nodeType: INodeType;
	typeName: string;
	additionalData: IWorkflowExecuteAdditionalData;
	credentialsHelper: HarnessCredentialsHelper;
}

export function buildSingleNodeWorkflow(
	options: SingleNodeOptions & { staticData?: IDataObject; active?: boolean; workflowId?: string },
	mode: WorkflowExecuteMode,
): SingleNodeSetup {
	const typeName = options.typeName ?? options.nodeType.description.name;
	const typeVersion = options.typeVersion ?? latestVersion(options.nodeType);
	const nodeType = NodeHelpers.getVersionedNodeType(options.nodeType, typeVersion);

	const nodeJson: INode = {
		id: 'harness-node',
		name:
			options.nodeName ?? nodeType.description.defaults.name ?? nodeType.description.displayName,
		type: typeName,
		typeVersion,
		position: [0, 0],
		parameters: options.parameters ?? {},
		credentials: options.nodeCredentials ?? defaultNodeCredentials(nodeType, options.credentials),
	};

	const workflow = new Workflow({
		id: options.workflowId ?? 'harness-workflow',
		name: 'Harness workflow',
		nodes: [nodeJson],
		connections: {},
		nodeTypes: new HarnessNodeTypes({ [typeName]: options.nodeType }),
		staticData: deepCopy(options.staticData ?? {}),
		settings: { executionOrder: 'v1', ...options.workflowSettings },
		active: options.active ?? false,
	});

	const executionId = randomUUID();
	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		id: workflow.id,
		name: workflow.name ?? '',
		active: workflow.active,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [nodeJson],
		connections: {},
	});
	const credentialsHelper = new HarnessCredentialsHelper(options.credentialTypes ?? [], {
		...(options.credentials ?? {}),
	});
	const additionalData = buildAdditionalData({
		credentialsHelper,
		hooks,
		executionId,
		workflowId: workflow.id,
	});

	return {
		workflow,
		node: workflow.getNode(nodeJson.name)!,
		nodeType,
		typeName,
		additionalData,
		credentialsHelper,
	};
}

function latestVersion(nodeType: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in nodeType) return nodeType.currentVersion;
	const { version } = nodeType.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

function defaultNodeCredentials(
	nodeType: INodeType,
	credentials: CredentialDataMap | undefined,
): INodeCredentials | undefined {
	const nodeCredentials: INodeCredentials = {};
	for (const { name } of nodeType.description.credentials ?? []) {
		if (credentials?.[name] !== undefined) {
			nodeCredentials[name] = { id: `harness-${name}`, name: `Harness ${name}` };
		}
	}
	return Object.keys(nodeCredentials).length > 0 ? nodeCredentials : undefined;
}
