package com.triagedesk.checklist;

/**
 * The twelve things a developer-support request should contain, with their fixed numbers.
 */
public enum ChecklistItem {

	DESCRIPTION(1, true), SUBJECT(2, true), ORGANIZATION_NUMBER(3, true), MERCHANT_SERIAL_NUMBER(4, true),
	PRODUCT(5, true), ENVIRONMENT(6, true), ORDER_REFERENCES(7, true), DATES(8, true), HTTP_EXCHANGE(9, true),
	SCREENSHOTS(10, false), CONTACT(11, true), OTHER_INFO(12, false);

	private final int number;

	private final boolean required;

	ChecklistItem(int number, boolean required) {
		this.number = number;
		this.required = required;
	}

	public int number() {
		return number;
	}

	/**
	 * Whether a missing, invalid or insufficient answer makes the request incomplete. Order
	 * references are required only for payment APIs; their rule says {@code NOT_APPLICABLE} otherwise.
	 */
	public boolean required() {
		return required;
	}

}
