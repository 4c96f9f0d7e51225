'use strict';
// The workflows the benchmark imports into n8n. Each request workflow has a twin that
// differs only in its last node: ours (Temp Mail) or n8n's HTTP Request node at its
// defaults with a Bearer Auth credential. The items come from a Set node (raw JSON)
// and Split Out, so no Code node (and no task runner) is involved.

const TEMPMAIL_CREDENTIAL = {
	id: 'TmBenchCredTm001',
	name: 'Temp Mail (bench)',
	type: 'tempMailApi',
};
const BEARER_CREDENTIAL = {
	id: 'TmBenchCredHttp1',
	name: 'Bearer (bench)',
	type: 'httpBearerAuth',
};

/** The node whose time is measured in every request workflow. */
const REQUEST_NODE = 'Request';

let uuidCounter = 0;
const uuid = () => `b3e0c0de-0000-4000-8000-${String(++uuidCounter).padStart(12, '0')}`;

function node(name, type, typeVersion, parameters, x, extra = {}) {
	return { id: uuid(), name, type, typeVersion, position: [x, 0], parameters, ...extra };
}

function workflow(id, name, nodes) {
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

/** Manual Trigger → Set ({"id": [...]}) → Split Out: one item per message id. */
function itemSource(ids) {
	return [
		node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0),
		node(
			'Ids',
			'n8n-nodes-base.set',
			3.4,
			{ mode: 'raw', jsonOutput: JSON.stringify({ id: ids }) },
			200,
		),
		node(
			'One Item per Id',
			'n8n-nodes-base.splitOut',
			1,
			{ fieldToSplitOut: 'id', options: {} },
			400,
		),
	];
}

function tempMailNode(parameters) {
	return node(REQUEST_NODE, 'n8n-nodes-tempmail.tempMail', 1, parameters, 600, {
		credentials: { tempMailApi: { id: TEMPMAIL_CREDENTIAL.id, name: TEMPMAIL_CREDENTIAL.name } },
	});
}

function httpRequestNode(method, url, options = {}) {
	return node(
		REQUEST_NODE,
		'n8n-nodes-base.httpRequest',
		4.5,
		{
			method,
			url,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpBearerAuth',
			options,
		},
		600,
		{ credentials: { httpBearerAuth: { id: BEARER_CREDENTIAL.id, name: BEARER_CREDENTIAL.name } } },
	);
}

const messageUrl = (baseUrl) =>
	`={{ ${JSON.stringify(`${baseUrl}/api/messages/`)} + encodeURIComponent($json.id) }}`;

/** Manual Trigger → download one attachment, ours and HTTP Request's (Response Format: File). */
function downloadWorkflows(baseUrl, { label, messageId, fileName }, index) {
	const start = () => [node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0)];
	const url = `${baseUrl}/api/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(fileName)}`;
	const suffix = String(index + 1).padStart(2, '0');
	return {
		ours: workflow(`TmBenchDlOurs0${suffix}`, `Bench: Attachment → Download ${label} (Temp Mail)`, [
			...start(),
			tempMailNode({
				resource: 'attachment',
				operation: 'download',
				messageId,
				fileName,
				binaryPropertyName: 'data',
			}),
		]),
		http: workflow(`TmBenchDlHttp0${suffix}`, `Bench: download ${label} (HTTP Request, File)`, [
			...start(),
			httpRequestNode('GET', url, {
				response: { response: { responseFormat: 'file', outputPropertyName: 'data' } },
			}),
		]),
	};
}

/**
 * Every workflow of a run, by role. `ids` are the message ids of the throughput rounds
 * (fixed, so the Delete rounds can deliver the same ids again before each run);
 * `downloads` one attachment per file size.
 */
function benchWorkflows({ baseUrl, ids, downloads }) {
	const source = () => itemSource(ids);
	return {
		baseline: workflow('TmBenchBaseline1', 'Bench: items only (baseline)', source()),
		getOurs: workflow('TmBenchGetOurs01', 'Bench: Message → Get (Temp Mail)', [
			...source(),
			tempMailNode({ resource: 'message', operation: 'get', messageId: '={{ $json.id }}' }),
		]),
		getHttp: workflow('TmBenchGetHttp01', 'Bench: GET message (HTTP Request)', [
			...source(),
			httpRequestNode('GET', messageUrl(baseUrl)),
		]),
		deleteOurs: workflow('TmBenchDelOurs01', 'Bench: Message → Delete (Temp Mail)', [
			...source(),
			tempMailNode({ resource: 'message', operation: 'delete', messageId: '={{ $json.id }}' }),
		]),
		deleteHttp: workflow('TmBenchDelHttp01', 'Bench: DELETE message (HTTP Request)', [
			...source(),
			httpRequestNode('DELETE', messageUrl(baseUrl)),
		]),
		download: Object.fromEntries(
			downloads.map((d, i) => [d.label, downloadWorkflows(baseUrl, d, i)]),
		),
	};
}

function benchCredentials({ baseUrl, key }) {
	return [
		{ ...TEMPMAIL_CREDENTIAL, data: { apiKey: key, baseUrl } },
		{ ...BEARER_CREDENTIAL, data: { token: key } },
	];
}

module.exports = { benchWorkflows, benchCredentials, REQUEST_NODE };
