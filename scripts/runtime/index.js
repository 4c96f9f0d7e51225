'use strict';
// Everything the start script and the end-to-end tests use, in one place.
const {
	executeWorkflow,
	importCredentials,
	importWorkflows,
	parseRawOutput,
	runN8nCli,
	runN8nCliOk,
} = require('./cli');
const { ATTACHMENTS_FOLDER, encryptionKeyFor, n8nEnv } = require('./env');
const { ensureRuntime } = require('./install');
const { linkPackage } = require('./link-package');
const { startN8n } = require('./n8n-process');
const paths = require('./paths');
const { freePort, portIsFree } = require('./ports');
const { startQueueCluster } = require('./queue');
const { ensureRedisServer, startRedis } = require('./redis');
const { startS3Server } = require('./s3');
const { groupMembers } = require('./process-group');
const { N8nRest, N8nRestError, OWNER } = require('./rest');
const { SUPPORTED, profileFor } = require('./versions');

module.exports = {
	...paths,
	SUPPORTED,
	profileFor,
	ensureRuntime,
	n8nEnv,
	ATTACHMENTS_FOLDER,
	encryptionKeyFor,
	linkPackage,
	startN8n,
	startQueueCluster,
	ensureRedisServer,
	startRedis,
	startS3Server,
	runN8nCli,
	runN8nCliOk,
	importCredentials,
	importWorkflows,
	executeWorkflow,
	parseRawOutput,
	freePort,
	portIsFree,
	groupMembers,
	N8nRest,
	N8nRestError,
	OWNER,
};
