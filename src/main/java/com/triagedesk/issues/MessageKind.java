package com.triagedesk.issues;

/**
 * The three kinds of message in an issue's thread.
 */
public enum MessageKind {

	/** From the reporter or a CC recipient: new information, re-evaluated by the checklist. */
	INBOUND,
	/** From staff to every participant. */
	REPLY,
	/** Staff's internal note; never shown to the reporter or mailed. */
	NOTE

}
