package com.triagedesk.checklist;

/**
 * The verdict on one item: a non-OK item says what to do; an OK item says what was found and where.
 */
public record ItemResult(int number, ChecklistItem key, ItemState state, String message, String value,
		String source) {

	static ItemResult ok(ChecklistItem item, String value, String source) {
		return new ItemResult(item.number(), item, ItemState.OK, null, value, source);
	}

	static ItemResult ok(ChecklistItem item, String value, String source, String note) {
		return new ItemResult(item.number(), item, ItemState.OK, note, value, source);
	}

	static ItemResult of(ChecklistItem item, ItemState state, String message) {
		return new ItemResult(item.number(), item, state, message, null, null);
	}

	static ItemResult of(ChecklistItem item, ItemState state, String message, String value, String source) {
		return new ItemResult(item.number(), item, state, message, value, source);
	}

}
