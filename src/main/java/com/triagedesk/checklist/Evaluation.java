package com.triagedesk.checklist;

import java.util.List;

/**
 * The checklist verdict on a request: each of the twelve items, the facts found, a subject to
 * suggest and the warnings.
 *
 * @param complete no required item is missing, invalid or insufficient
 */
public record Evaluation(boolean complete, List<ItemResult> items, Facts facts, String suggestedSubject,
		List<Warning> warnings) {

	public Evaluation {
		items = List.copyOf(items);
		warnings = List.copyOf(warnings);
	}

	/**
	 * The items that keep the request from being complete.
	 */
	public List<ItemResult> blocking() {
		return items.stream().filter(item -> item.key().required() && item.state().blocksCompletion()).toList();
	}

	public ItemResult item(ChecklistItem key) {
		return items.stream().filter(item -> item.key() == key).findFirst().orElseThrow();
	}

}
