/**
 * Calls a node's `methods.loadOptions[name]` in n8n-core's real `LoadOptionsContext`
 * (what the editor does to fill a dropdown), for a one-node workflow.
 */
import './env-vars';

import { LoadOptionsContext } from 'n8n-core';
import type { INodePropertyOptions } from 'n8n-workflow';

import { ensureEnvironment, harnessLogger } from './environment';
import type { LogEntry } from './logger';
import type { SingleNodeOptions } from './single-node';
import { buildSingleNodeWorkflow } from './single-node';

export interface RunLoadOptionsOptions extends SingleNodeOptions {
	/** Key in `methods.loadOptions`, e.g. `'getDomains'`. */
	method: string;
	/** Path of the parameter being filled, e.g. `'parameters.domain'`; only relative `&name` lookups use it. */
	path?: string;
}

export interface LoadOptionsResult {
	options: INodePropertyOptions[];
	logs: LogEntry[];
}

export async function runLoadOptions(options: RunLoadOptionsOptions): Promise<LoadOptionsResult> {
	await ensureEnvironment();
	const logMark = harnessLogger.mark();
	const { workflow, node, nodeType, typeName, additionalData } = buildSingleNodeWorkflow(
		options,
		'internal',
	);
	const method = nodeType.methods?.loadOptions?.[options.method];
	if (!method) {
		throw new Error(
			`test harness: node type "${typeName}" has no loadOptions method "${options.method}"`,
		);
	}
	// As the editor does: the node's current parameters are what the user has entered.
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData,
		options.path ?? `parameters.${options.method}`,
	);
	const result = await method.call(context);
	return { options: result, logs: harnessLogger.since(logMark) };
}
