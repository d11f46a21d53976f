package com.triagedesk.issues;

/**
 * Whether a follow-up token opens an issue: the token of the issue itself, of the issue it was
 * split from or follows up, or of any issue merged into it. A reporter keeps one token per case.
 */
final class Tokens {

	/** Merges nest rarely; this only bounds the walk. */
	private static final int MAX_DEPTH = 20;

	private Tokens() {
	}

	static boolean accepted(Issue issue, String tokenHash, Issues issues) {
		return accepted(issue, tokenHash, issues, 0);
	}

	private static boolean accepted(Issue issue, String tokenHash, Issues issues, int depth) {
		if (issue.acceptsToken(tokenHash)) {
			return true;
		}
		if (depth >= MAX_DEPTH) {
			return false;
		}
		for (Issue merged : issues.findMergedInto(issue.id())) {
			if (accepted(merged, tokenHash, issues, depth + 1)) {
				return true;
			}
		}
		return false;
	}

}
