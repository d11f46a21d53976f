package com.triagedesk.issues;

/**
 * How something reached Triage Desk; recorded on issues and participants.
 */
public enum Channel {

	API, EMAIL, WEB, STAFF

}
