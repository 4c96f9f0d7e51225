'use strict';
// The exact versions of the bundled n8n runtime. Change them together: the cache
// folder name is derived from both, so a bump installs side by side.
module.exports = {
	N8N_VERSION: '2.41.1',
	// n8n 2.40+ declares node >=24; the system Node stays untouched.
	NODE_VERSION: '24.21.0',
};
