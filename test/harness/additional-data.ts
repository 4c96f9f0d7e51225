/**
 * `IWorkflowExecuteAdditionalData` for harness runs, as a plain object.
 *
 * Everything a single-workflow run needs is real (credentials helper, lifecycle hooks,
 * execution id, URLs, variables). Capabilities the harness does not provide (sub-workflows,
 * task runners, agents, AI events) are functions that throw a clear error naming the
 * member, so a node that reaches one fails loudly instead of hanging on a mock.
 */
import type { ExecutionLifecycleHooks } from 'n8n-core';
import { ExternalSecretsProxy } from 'n8n-core';
import type {
	ICredentialsHelper,
	IDataObject,
	INodeParameters,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

export const HARNESS_BASE_URL = 'http://localhost:5678';

export interface AdditionalDataOptions {
	credentialsHelper: ICredentialsHelper;
	hooks: ExecutionLifecycleHooks;
	executionId: string;
	workflowId: string;
	/** `$vars` in expressions. */
	variables?: IDataObject;
	userId?: string;
	/** Absolute time (ms) after which the engine stops the run (workflow `executionTimeout`). */
	executionTimeoutTimestamp?: number;
	currentNodeParameters?: INodeParameters;
}

function unsupported(member: string): () => never {
	return () => {
		throw new UnexpectedError(
			`test harness: additionalData.${member} is not supported by the in-process harness`,
		);
	};
}

export function buildAdditionalData(
	options: AdditionalDataOptions,
): IWorkflowExecuteAdditionalData {
	const additionalData: IWorkflowExecuteAdditionalData = {
		credentialsHelper: options.credentialsHelper,
		hooks: options.hooks,
		executionId: options.executionId,
		workflowId: options.workflowId,
		userId: options.userId ?? 'harness-user',
		currentNodeExecutionIndex: 0,
		currentNodeParameters: options.currentNodeParameters,
		executionTimeoutTimestamp: options.executionTimeoutTimestamp,
		variables: options.variables ?? {},
		// No external secrets provider: `$secrets` resolves to nothing, as on an instance without one.
		externalSecretsProxy: new ExternalSecretsProxy(),

		restApiUrl: `${HARNESS_BASE_URL}/rest`,
		instanceBaseUrl: `${HARNESS_BASE_URL}/`,
		formBaseUrl: `${HARNESS_BASE_URL}/form`,
		formWaitingBaseUrl: `${HARNESS_BASE_URL}/form-waiting`,
		formTestBaseUrl: `${HARNESS_BASE_URL}/form-test`,
		webhookBaseUrl: `${HARNESS_BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${HARNESS_BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${HARNESS_BASE_URL}/webhook-test`,
		mcpBaseUrl: `${HARNESS_BASE_URL}/mcp`,
		mcpTestBaseUrl: `${HARNESS_BASE_URL}/mcp-test`,

		// Nothing is persisted, so there is no stored run to fetch.
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		// Analytics only: accepted and dropped, like n8n without telemetry.
		logAiEvent: () => {},

		executeWorkflow: unsupported('executeWorkflow (sub-workflows)'),
		startRunnerTask: unsupported('startRunnerTask (task runners, e.g. the Code node)'),
	};
	return additionalData;
}
