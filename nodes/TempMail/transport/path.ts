/**
 * A value no request can name as a path segment: an empty segment matches nothing, and
 * `.` or `..` (even percent-encoded) are collapsed by URL normalisation into another path.
 */
export function isUnsendableSegment(segment: string): boolean {
	return segment === '' || segment === '.' || segment === '..';
}

/**
 * Builds an API path from literal parts and user values, each value
 * percent-encoded as exactly one path segment. `.` and `..` would be
 * collapsed by URL normalisation (even when encoded as %2E), so callers
 * must have refused them before; reaching here with one is a bug.
 */
export function apiPath(...segments: string[]): string {
	return segments
		.map((segment) => {
			if (isUnsendableSegment(segment)) {
				throw new Error(
					segment === ''
						? 'An empty value cannot be sent to the Temp Mail API as part of an address'
						: `"${segment}" cannot be sent to the Temp Mail API: as part of an address it would point elsewhere`,
				);
			}
			// encodeURIComponent leaves !'()* alone; they are legal in a path segment.
			return '/' + encodeURIComponent(segment);
		})
		.join('');
}
