package com.triagedesk.issues;

/**
 * How urgent staff judge an issue to be. New issues are {@code NORMAL}.
 */
public enum Priority {

	LOW, NORMAL, HIGH, URGENT

}
