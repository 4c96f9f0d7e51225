/**
 * In-process n8n engine harness for jest.
 *
 * Import it BEFORE anything from `n8n-core` in a test file, so the temporary
 * `N8N_USER_FOLDER` and binary data settings are in place when n8n-core loads:
 *
 * ```ts
 * import { runWorkflow, startNode, workflowNode, chain } from './harness';
 * ```
 */
import './env-vars';

export { BINARY_DATA_PATH, HARNESS_ROOT, USER_FOLDER } from './env-vars';
export { Container } from './di';
export type { HarnessEnvironment } from './environment';
export { cleanupEnvironment, ensureEnvironment, harnessLogger } from './environment';
export type { LogEntry, LogLevel } from './logger';
export { CapturingLogger, logsToText } from './logger';
export type { NodeTypeMap } from './node-types';
export { HarnessNodeTypes } from './node-types';
export { HARNESS_START_NODE_TYPE, HarnessStartNode } from './start-node';
export type { CredentialDataMap, CredentialTypeList } from './credentials-helper';
export { HarnessCredentialsHelper } from './credentials-helper';
export { HARNESS_BASE_URL, buildAdditionalData } from './additional-data';
export type {
	RunWorkflowOptions,
	WorkflowDefinition,
	WorkflowRunHandle,
	WorkflowRunResult,
} from './run-workflow';
export { runWorkflow, startWorkflow } from './run-workflow';
export { errorOf, executedNodes, outputOf, runsOf } from './run-result';
export type { PollResult, RunPollOptions } from './poll';
export { PollRunError, runPoll } from './poll';
export type { LoadOptionsResult, RunLoadOptionsOptions } from './load-options';
export { runLoadOptions } from './load-options';
export type { SingleNodeOptions, SingleNodeSetup } from './single-node';
export { buildSingleNodeWorkflow } from './single-node';
export {
	binaryFilePath,
	binarySha256,
	binaryStream,
	isStoredBinary,
	readBinaryBuffer,
	sha256,
	sha256OfStream,
} from './binary';
export { chain, connect, startNode, workflowNode } from './workflow-builders';
