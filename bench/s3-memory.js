#!/usr/bin/env node
'use strict';
/*
 * Memory of an attachment-to-S3 pipeline in the real n8n: the peak RSS (VmHWM) of the
 * `n8n execute` process moving one attachment into a local S3 store (s3rver, path style)
 *   ours: Temp Mail Trigger (Download Attachments, One Item per Attachment) → S3 upload
 *   http: Manual Trigger → HTTP Request (Response Format: File) → S3 upload
 * for a small and a large attachment, alternating which runs first, median of the rounds.
 * Binary data mode: filesystem (as a user with big attachments should set).
 *
 *   npm run bench:s3                      200 MB and 1 MB, 3 rounds
 *   node bench/s3-memory.js --size-mb 50 --rounds 1   (after npm run build)
 *
 * Prints a table and writes bench/results/s3-memory.json. Exit 1 if a run failed.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const runtime = require('../scripts/runtime');
const { executeMeasured, nodeRun, prepareN8n } = require('./lib/n8n');
const { startSimulatorProcess } = require('./lib/simulator-process');
const { median } = require('./lib/stats');

const MiB = 1024 * 1024;
const BUCKET = 'bench-attachments';
const MAILBOX_SMALL = 'bench-s3-small@tempmail.test';
const MAILBOX_LARGE = 'bench-s3-large@tempmail.test';
const CREDENTIALS = {
	tempMail: { id: 'TmBenchS3CredTm1', name: 'Temp Mail (bench s3)', type: 'tempMailApi' },
	bearer: { id: 'TmBenchS3CredHt1', name: 'Bearer (bench s3)', type: 'httpBearerAuth' },
	s3: { id: 'TmBenchS3CredS31', name: 'S3 (bench)', type: 's3' },
};

const log = (line) => process.stderr.write(`[bench:s3] ${line}\n`);
let uuidCounter = 0;
const uuid = () => `b3e0c0de-5300-4000-8000-${String(++uuidCounter).padStart(12, '0')}`;
const ref = (c) => ({ id: c.id, name: c.name });

function chain(id, name, nodes) {
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	const positioned = nodes.map((n, i) => ({ id: uuid(), position: [i * 220, 0], ...n }));
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: positioned,
		connections,
	};
}

function upload(fileName) {
	return {
		name: 'Upload',
		type: 'n8n-nodes-base.s3',
		typeVersion: 1,
		parameters: {
			operation: 'upload',
			bucketName: BUCKET,
			fileName,
			binaryData: true,
			binaryPropertyName: 'data',
			additionalFields: {},
		},
		credentials: { s3: ref(CREDENTIALS.s3) },
	};
}

function workflows(baseUrl, plan) {
	const out = {};
	for (const d of plan) {
		out[d.label] = {
			ours: chain(`TmBenchS3Ours${d.tag}`, `Bench S3 ${d.label}: trigger → S3`, [
				{
					name: 'Trigger',
					type: 'n8n-nodes-tempmail.tempMailTrigger',
					typeVersion: 1,
					parameters: {
						pollTimes: { item: [{ mode: 'everyMinute' }] },
						event: 'newMessage',
						mailboxes: d.mailbox,
						options: { downloadAttachments: true, attachmentOutput: 'perAttachment' },
					},
					credentials: { tempMailApi: ref(CREDENTIALS.tempMail) },
				},
				upload(`=ours/{{ $json.messageId }}/{{ $binary.data.fileName }}`),
			]),
			http: chain(`TmBenchS3Http${d.tag}`, `Bench S3 ${d.label}: HTTP Request → S3`, [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
				{
					name: 'Download',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					parameters: {
						method: 'GET',
						url: `${baseUrl}/api/messages/${encodeURIComponent(d.messageId)}/attachments/${encodeURIComponent(d.fileName)}`,
						authentication: 'genericCredentialType',
						genericAuthType: 'httpBearerAuth',
						options: {
							response: { response: { responseFormat: 'file', outputPropertyName: 'data' } },
						},
					},
					credentials: { httpBearerAuth: ref(CREDENTIALS.bearer) },
				},
				upload(`=http/${d.messageId}/${d.fileName}`),
			]),
		};
	}
	return out;
}

async function main() {
	const { values } = parseArgs({
		options: {
			'size-mb': { type: 'string', default: '200' },
			rounds: { type: 'string', default: '3' },
			out: { type: 'string', default: path.join(__dirname, 'results') },
		},
	});
	const largeMb = Number(values['size-mb']);
	const rounds = Number(values.rounds);
	const plan = [
		{ label: '1 MB', tag: '01', size: MiB, mailbox: MAILBOX_SMALL },
		{ label: `${largeMb} MB`, tag: '02', size: largeMb * MiB, mailbox: MAILBOX_LARGE },
	].map((d) => ({ ...d, messageId: `benchs3msg${d.tag}`, fileName: `attachment-${d.tag}.bin` }));

	const sim = await startSimulatorProcess();
	const s3 = await runtime.startS3Server({
		directory: fs.mkdtempSync(path.join(os.tmpdir(), 'tempmail-bench-s3-')),
		buckets: [BUCKET],
	});
	let env;
	try {
		for (const d of plan) {
			await sim.control.createMailbox({ email: d.mailbox });
			await sim.control.deliver(d.mailbox, {
				id: d.messageId,
				subject: `Attachment of ${d.label}`,
				attachments: [
					{ name: d.fileName, contentType: 'application/octet-stream', size: d.size, seed: d.tag },
				],
			});
		}
		const flows = workflows(sim.url, plan);
		env = await prepareN8n({
			credentials: [
				{ ...CREDENTIALS.tempMail, data: { apiKey: sim.key, baseUrl: sim.url } },
				{ ...CREDENTIALS.bearer, data: { token: sim.key } },
				{ ...CREDENTIALS.s3, data: s3.credentialData() },
			],
			workflows: Object.values(flows).flatMap((f) => [f.ours, f.http]),
		});
		const samples = [];
		for (let round = 0; round < rounds; round++) {
			for (const d of plan) {
				const order = round % 2 === 0 ? ['ours', 'http'] : ['http', 'ours'];
				for (const variant of order) {
					env.clearBinaryData();
					const { run, peakRssBytes } = await executeMeasured(env, flows[d.label][variant].id);
					const uploaded = nodeRun(run, 'Upload');
					const key = `${variant === 'ours' ? `ours/${d.messageId}` : `http/${d.messageId}`}/${d.fileName}`;
					const stored = await s3.getObject(BUCKET, key);
					if (!stored || stored.length !== d.size)
						throw new Error(
							`${variant} ${d.label}: s3://${BUCKET}/${key} has ${stored?.length ?? 'no'} bytes, expected ${d.size}`,
						);
					samples.push({
						label: d.label,
						variant,
						round: round + 1,
						peakRssBytes,
						uploadMs: uploaded.executionTimeMs,
					});
					log(
						`round ${round + 1} ${d.label} ${variant}: peak RSS ${(peakRssBytes / MiB).toFixed(0)} MB, S3 upload ${uploaded.executionTimeMs} ms`,
					);
				}
			}
		}
		const figure = (label, variant, field) =>
			median(
				samples.filter((s) => s.label === label && s.variant === variant).map((s) => s[field]),
			);
		const rows = plan.map((d) => ({
			size: d.label,
			oursPeakMb: Math.round(figure(d.label, 'ours', 'peakRssBytes') / MiB),
			httpPeakMb: Math.round(figure(d.label, 'http', 'peakRssBytes') / MiB),
			oursUploadMs: figure(d.label, 'ours', 'uploadMs'),
			httpUploadMs: figure(d.label, 'http', 'uploadMs'),
		}));
		const [small, large] = rows;
		const result = {
			measuredAt: new Date().toISOString(),
			n8nVersion: runtime.N8N_VERSION,
			binaryDataMode: 'filesystem',
			rounds,
			rows,
			growthMb: {
				ours: large.oursPeakMb - small.oursPeakMb,
				http: large.httpPeakMb - small.httpPeakMb,
			},
			samples,
		};
		fs.mkdirSync(values.out, { recursive: true });
		fs.writeFileSync(
			path.join(values.out, 's3-memory.json'),
			`${JSON.stringify(result, null, '\t')}\n`,
		);
		console.log(
			'| Attachment | Trigger → S3: peak RSS | HTTP Request → S3: peak RSS | S3 upload node (ours / HTTP) |',
		);
		console.log('|---|---|---|---|');
		for (const row of rows)
			console.log(
				`| ${row.size} | ${row.oursPeakMb} MB | ${row.httpPeakMb} MB | ${row.oursUploadMs} / ${row.httpUploadMs} ms |`,
			);
		console.log(
			`\n${large.size} costs +${result.growthMb.ours} MB over 1 MB with the trigger, +${result.growthMb.http} MB with HTTP Request (median of ${rounds} round(s), n8n ${runtime.N8N_VERSION}, filesystem binary mode).`,
		);
	} finally {
		env?.cleanup();
		await s3.close();
		await sim.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
