package com.triagedesk.issues;

import com.triagedesk.checklist.Evaluation;

/**
 * The checklist verdict as an issue keeps it: plain values, so a stored verdict reads back the
 * same after the rules change.
 */
final class Checklists {

	private Checklists() {
	}

	static IssueDetails.Checklist of(Evaluation evaluation) {
		return new IssueDetails.Checklist(evaluation.complete(),
				evaluation.items().stream()
					.map(item -> new IssueDetails.Item(item.number(), item.key().name(), item.state().name(),
							item.key().required(), item.message(), item.value(), item.source()))
					.toList(),
				evaluation.warnings().stream().map(w -> new IssueDetails.Notice(w.code(), w.message())).toList());
	}

}
