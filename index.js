'use strict';
// Package entry: n8n loads the classes through the "n8n" section of package.json;
// this export serves anyone who requires the package directly.
const { TempMail } = require('./dist/nodes/TempMail/TempMail.node');
const { TempMailTrigger } = require('./dist/nodes/TempMail/TempMailTrigger.node');
const { TempMailApi } = require('./dist/credentials/TempMailApi.credentials');

module.exports = { TempMail, TempMailTrigger, TempMailApi };
