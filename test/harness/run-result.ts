/**
 * Read-side helpers over an `IRun`: what a node emitted, and how it failed.
 */
import type { ExecutionError, INodeExecutionData, IRun, ITaskData } from 'n8n-workflow';

/** Every run (task) of a node, oldest first; `[]` if the node never ran. */
export function runsOf(run: IRun, nodeName: string): ITaskData[] {
	return run.data.resultData.runData[nodeName] ?? [];
}

/** Names of the nodes that ran, in the order of their first run. */
export function executedNodes(run: IRun): string[] {
	return Object.entries(run.data.resultData.runData)
		.map(([name, tasks]) => ({ name, index: tasks[0]?.executionIndex ?? 0 }))
		.sort((a, b) => a.index - b.index)
		.map(({ name }) => name);
}

/**
 * Items on a node's main output (`outputIndex`, default 0) in its last run (or the run
 * `runIndex`). `[]` when the node ran but that output was empty; throws when the node
 * never ran, listing the nodes that did, so a wiring mistake is obvious.
 */
export function outputOf(
	run: IRun,
	nodeName: string,
	outputIndex = 0,
	runIndex?: number,
): INodeExecutionData[] {
	const tasks = runsOf(run, nodeName);
	if (tasks.length === 0) {
		throw new Error(
			`test harness: node "${nodeName}" did not run. Nodes that ran: ${executedNodes(run).join(', ') || '(none)'}` +
				describeRunError(run),
		);
	}
	const task = tasks[runIndex ?? tasks.length - 1];
	if (task === undefined) {
		throw new Error(
			`test harness: node "${nodeName}" has no run ${runIndex} (it ran ${tasks.length} times)`,
		);
	}
	return task.data?.main?.[outputIndex] ?? [];
}

/**
 * The error a node's last run (or run `runIndex`) ended with, or `undefined`.
 *
 * With `onError: 'continueRegularOutput'` (or `continueOnFail`) there are two cases, as in n8n:
 * - the node honours `this.continueOnFail()` itself and returns items with `json.error`:
 *   no error is recorded here, the error items are on `outputOf(node)`;
 * - the node throws anyway: the error IS recorded here, and the engine passes the node's
 *   input items through as its output.
 */
export function errorOf(
	run: IRun,
	nodeName: string,
	runIndex?: number,
): ExecutionError | undefined {
	const tasks = runsOf(run, nodeName);
	const task = tasks[runIndex ?? tasks.length - 1];
	return task?.error;
}

function describeRunError(run: IRun): string {
	const error = run.data.resultData.error;
	if (error === undefined) return '';
	const node = 'node' in error && error.node ? ` in node "${error.node.name}"` : '';
	return `. The run failed${node}: ${error.message}`;
}
