package com.triagedesk.checklist;

/**
 * How one checklist item stands.
 */
public enum ItemState {

	/** Present and good. */
	OK,
	/** Not there. */
	MISSING,
	/** There, but wrong (a failed check digit, a date in the future). */
	INVALID,
	/** There, but not enough (a one-line description, source code instead of HTTP). */
	INSUFFICIENT,
	/** An optional item that is absent. */
	RECOMMENDED,
	/** Does not apply to this request. */
	NOT_APPLICABLE;

	boolean blocksCompletion() {
		return this == MISSING || this == INVALID || this == INSUFFICIENT;
	}

}
