/**
 * Runs a polling trigger's `poll()` once, in n8n-core's real `PollContext`, for a one-node
 * workflow. State lives in real workflow static data (`this.getWorkflowStaticData('node')`);
 * persist it across polls the way n8n does by passing the returned `staticData` into the
 * next call.
 *
 * Modes:
 * - `'trigger'` (default): an active workflow's scheduled poll (`getMode() === 'trigger'`,
 *   activation `'activate'`, or `activation` if given).
 * - `'manual'`: the editor's "Fetch test event" (`getMode() === 'manual'`, activation `'manual'`).
 */
import './env-vars';

import { PollContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData, WorkflowActivateMode } from 'n8n-workflow';

import { ensureEnvironment, harnessLogger } from './environment';
import type { LogEntry } from './logger';
import type { SingleNodeOptions } from './single-node';
import { buildSingleNodeWorkflow } from './single-node';

export interface RunPollOptions extends SingleNodeOptions {
	/** Workflow static data from the previous poll (`result.staticData`); default `{}`. */
	staticData?: IDataObject;
	mode?: 'trigger' | 'manual';
	/** Activation reason in trigger mode; default `'activate'`. */
	activation?: WorkflowActivateMode;
	/** Default `harness-workflow`. Polls of one workflow share what the node keeps in memory. */
	workflowId?: string;
	/** What `getPollBudgetMs()` answers (n8n-core's default: 5 minutes). */
	pollBudgetMs?: number;
}

export interface PollResult {
	/** What `poll()` returned: `null` means "nothing new, no execution". */
	result: INodeExecutionData[][] | null;
	/** Workflow static data after the poll, as n8n would persist it (a JSON copy). */
	staticData: IDataObject;
	/** Whether the poll changed static data. */
	staticDataChanged: boolean;
	/** Log lines emitted during the poll. */
	logs: LogEntry[];
	/** Data the node pushed through `this.emit()` (pollers normally return instead). */
	emitted: INodeExecutionData[][][];
	/** Errors the node reported through `this.__emitError()` (n8n records each as a failed execution). */
	emittedErrors: Error[];
}

/** Rejection of `runPoll`: the node's error, with what the poll left behind. */
export class PollRunError extends Error {
	constructor(
		readonly cause: unknown,
		readonly staticData: IDataObject,
		readonly logs: LogEntry[],
	) {
		super(cause instanceof Error ? cause.message : String(cause));
		this.name = 'PollRunError';
	}
}

export async function runPoll(options: RunPollOptions): Promise<PollResult> {
	await ensureEnvironment();
	const logMark = harnessLogger.mark();
	const mode = options.mode ?? 'trigger';
	const { workflow, node, nodeType, typeName, additionalData } = buildSingleNodeWorkflow(
		{ ...options, active: mode === 'trigger' },
		mode,
	);

	const poll = nodeType.poll;
	if (!poll) throw new Error(`test harness: node type "${typeName}" has no poll() method`);

	const emitted: INodeExecutionData[][][] = [];
	const emitErrors: Error[] = [];
	const context = new PollContext(
		workflow,
		node,
		additionalData,
		mode,
		mode === 'manual' ? 'manual' : (options.activation ?? 'activate'),
		(data) => emitted.push(data),
		(error) => emitErrors.push(error),
		undefined,
		undefined,
		undefined,
		options.pollBudgetMs === undefined ? undefined : () => options.pollBudgetMs as number,
	);

	const snapshot = () => JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	let result: INodeExecutionData[][] | null;
	try {
		// Same wrapping as n8n's PollTriggerExecutor (a no-op staging scope by default).
		result = await context.__runPoll(async () => await poll.call(context));
	} catch (error) {
		throw new PollRunError(error, snapshot(), harnessLogger.since(logMark));
	}
	return {
		result,
		staticData: snapshot(),
		staticDataChanged: (workflow.staticData as IDataObject).__dataChanged === true,
		logs: harnessLogger.since(logMark),
		emitted,
		emittedErrors: emitErrors,
	};
}
