'use strict';
module.exports = require('./reliability-report').teardown;
