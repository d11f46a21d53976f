package com.triagedesk.intake;

/**
 * Test files other packages' tests share.
 */
public final class AttachmentIntakeIntegrationTestSupport {

	private AttachmentIntakeIntegrationTestSupport() {
	}

	public static byte[] png() {
		return AttachmentIntakeIntegrationTest.PNG.clone();
	}

}
