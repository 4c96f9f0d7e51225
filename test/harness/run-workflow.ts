/**
 * Runs a workflow JSON through n8n's real engine (`WorkflowExecute` + `Workflow`),
 * in-process, the way n8n's own NodeTestHarness does, with real credentials handling,
 * filesystem binary data, captured logs and cancellation.
 */
import './env-vars';

import { randomUUID } from 'node:crypto';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IPinData,
	IRun,
	ITaskData,
	IWorkflowBase,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData, deepCopy } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import type { CredentialDataMap } from './credentials-helper';
import { HarnessCredentialsHelper } from './credentials-helper';
import { ensureEnvironment, harnessLogger } from './environment';
import type { LogEntry } from './logger';
import type { NodeTypeMap } from './node-types';
import { HarnessNodeTypes } from './node-types';
import { errorOf, executedNodes, outputOf, runsOf } from './run-result';
import { HARNESS_START_NODE_TYPE } from './start-node';

/** The parts of a workflow JSON (as exported from n8n) the harness uses. */
export interface WorkflowDefinition {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
	/** Static data the workflow starts with (as n8n would load it from the database). */
	staticData?: IDataObject;
}

export interface RunWorkflowOptions {
	workflow: WorkflowDefinition;
	/** Node type instances keyed by the `type` used in the workflow JSON. `harness.start` is built in. */
	nodeTypes?: NodeTypeMap;
	/** Credential type instances (their `authenticate` is applied to requests). */
	credentialTypes?: ICredentialType[];
	/** Decrypted credential data keyed by credential type name. */
	credentials?: CredentialDataMap;
	/** Items the start node emits; default one empty item. */
	inputItems?: INodeExecutionData[];
	/** Node the run starts at; default the `harness.start` node, else n8n's own choice. */
	startNodeName?: string;
	/** Execution mode; default `'manual'`. */
	mode?: WorkflowExecuteMode;
	/** Aborting it cancels the run, like the handle's `cancel()`. */
	abortSignal?: AbortSignal;
	/** `$vars` in expressions. */
	variables?: IDataObject;
	/** Execution id; default a random UUID (binary files are stored under it). */
	executionId?: string;
}

export interface WorkflowRunResult {
	run: IRun;
	executionId: string;
	/** Items on main output `outputIndex` (default 0) of the node's last run. Throws if it never ran. */
	outputOf(nodeName: string, outputIndex?: number, runIndex?: number): INodeExecutionData[];
	/** Error the node's last run ended with (not set when the node continued on fail). */
	errorOf(nodeName: string, runIndex?: number): ExecutionError | undefined;
	/** All runs of a node. */
	runsOf(nodeName: string): ITaskData[];
	/** Nodes in the order they (first) ran. */
	executedNodes: string[];
	/** Log lines emitted (by the engine, n8n-core services and nodes) while this run was active. */
	logs: LogEntry[];
	/** Workflow static data after the run, as n8n would persist it (a JSON copy). */
	staticData: IDataObject;
	/** Whether the run changed static data (n8n only saves it then). */
	staticDataChanged: boolean;
	credentialsHelper: HarnessCredentialsHelper;
}

export interface WorkflowRunHandle {
	executionId: string;
	/** Cancels the run as n8n's "Stop execution" does: nodes see `getExecutionCancelSignal()` abort. */
	cancel(): void;
	/** Settles once the engine has finished (after a cancel: once the running node returned). */
	done: Promise<WorkflowRunResult>;
}

/** Starts a run and returns at once with a handle that can cancel it. */
export function startWorkflow(options: RunWorkflowOptions): WorkflowRunHandle {
	const executionId = options.executionId ?? randomUUID();
	const canceller: { requested: boolean; cancel?: () => void } = { requested: false };

	const cancel = () => {
		if (canceller.requested) return;
		canceller.requested = true;
		canceller.cancel?.();
	};

	if (options.abortSignal) {
		if (options.abortSignal.aborted) canceller.requested = true;
		else options.abortSignal.addEventListener('abort', cancel, { once: true });
	}

	const done = execute(options, executionId, canceller).finally(() => {
		options.abortSignal?.removeEventListener('abort', cancel);
	});
	return { executionId, cancel, done };
}

/** Runs a workflow to its end. */
export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRunResult> {
	return await startWorkflow(options).done;
}

async function execute(
	options: RunWorkflowOptions,
	executionId: string,
	canceller: { requested: boolean; cancel?: () => void },
): Promise<WorkflowRunResult> {
	await ensureEnvironment();
	const logMark = harnessLogger.mark();

	const mode = options.mode ?? 'manual';
	const definition = options.workflow;
	const workflowId = definition.id ?? 'harness-workflow';
	const settings: IWorkflowSettings = { executionOrder: 'v1', ...definition.settings };
	const nodeTypes = new HarnessNodeTypes(options.nodeTypes);

	const workflow = new Workflow({
		id: workflowId,
		name: definition.name ?? 'Harness workflow',
		// Copies: the engine writes into nodes (e.g. issues) and static data.
		nodes: deepCopy(definition.nodes),
		connections: deepCopy(definition.connections),
		nodeTypes,
		settings,
		pinData: definition.pinData,
		staticData: deepCopy(definition.staticData ?? {}),
		active: false,
	});

	const startNode = findStartNode(workflow, definition, options.startNodeName);
	const credentialsHelper = new HarnessCredentialsHelper(options.credentialTypes ?? [], {
		...(options.credentials ?? {}),
	});

	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: workflow.name ?? 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: definition.nodes,
		connections: definition.connections,
		settings,
		staticData: definition.staticData,
	};
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	let resolveHookRun!: (run: IRun) => void;
	const hookRun = new Promise<IRun>((resolve) => (resolveHookRun = resolve));
	// First call wins: on cancel, n8n calls it at once with status "canceled".
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolveHookRun(fullRunData));

	const timeoutSeconds = settings.executionTimeout;
	const timeoutMs =
		timeoutSeconds !== undefined && timeoutSeconds > 0 ? timeoutSeconds * 1000 : undefined;

	const additionalData = buildAdditionalData({
		credentialsHelper,
		hooks,
		executionId,
		workflowId,
		variables: options.variables,
		executionTimeoutTimestamp: timeoutMs !== undefined ? Date.now() + timeoutMs : undefined,
	});

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: startNode,
					data: { main: [options.inputItems ?? [{ json: {} }]] },
					source: null,
				},
			],
		},
	});

	const workflowExecute = new WorkflowExecute(additionalData, mode, runExecutionData);
	const execution = workflowExecute.processRunExecutionData(workflow);

	canceller.cancel = () => execution.cancel();
	if (canceller.requested) execution.cancel();

	// Same as n8n's runner: stop the run when the workflow's executionTimeout elapses.
	const timeoutTimer =
		timeoutMs !== undefined
			? setTimeout(() => {
					workflowExecute.timedOut = true;
					execution.cancel();
				}, timeoutMs)
			: undefined;

	let finalRun: IRun;
	try {
		finalRun = await execution;
	} finally {
		if (timeoutTimer) clearTimeout(timeoutTimer);
	}
	const run = await Promise.race([hookRun, Promise.resolve(finalRun)]);

	const staticDataChanged = (workflow.staticData as IDataObject).__dataChanged === true;
	return {
		run,
		executionId,
		outputOf: (nodeName, outputIndex, runIndex) => outputOf(run, nodeName, outputIndex, runIndex),
		errorOf: (nodeName, runIndex) => errorOf(run, nodeName, runIndex),
		runsOf: (nodeName) => runsOf(run, nodeName),
		executedNodes: executedNodes(run),
		logs: harnessLogger.since(logMark),
		staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
		staticDataChanged,
		credentialsHelper,
	};
}

function findStartNode(
	workflow: Workflow,
	definition: WorkflowDefinition,
	startNodeName?: string,
): INode {
	if (startNodeName !== undefined) {
		const node = workflow.getNode(startNodeName);
		if (!node)
			throw new Error(`test harness: start node "${startNodeName}" is not in the workflow`);
		return node;
	}
	const harnessStart = definition.nodes.find((node) => node.type === HARNESS_START_NODE_TYPE);
	if (harnessStart) return workflow.getNode(harnessStart.name)!;
	const node = workflow.getStartNode();
	if (!node) {
		throw new Error(
			`test harness: no start node. Add a "${HARNESS_START_NODE_TYPE}" node or pass startNodeName.`,
		);
	}
	return node;
}
