'use strict';
// Package entry: n8n loads the classes through the "n8n" section of package.json;
// this export serves anyone who requires the package directly.
const { TempMail } = require('./dist/nodes/TempMail/TempMail.node');
const { TempMailApi } = require('./dist/credentials/TempMailApi.credentials');

module.exports = { TempMail, TempMailApi };
