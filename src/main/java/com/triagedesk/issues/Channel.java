package com.triagedesk.issues;

/**
 * How something reached Triage Desk; recorded on issues, participants, messages and history.
 * {@code SYSTEM} marks what Triage Desk did by itself (a checklist that became complete).
 */
public enum Channel {

	API, EMAIL, WEB, STAFF, SYSTEM

}
