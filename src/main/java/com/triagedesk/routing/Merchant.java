package com.triagedesk.routing;

/**
 * One merchant of the directory: who integrates it and who looks after it.
 */
public record Merchant(String merchantSerialNumber, String organizationNumber, String name, String partner,
		String partnerContact, String psp, String pspContact, String posVendor, String posVendorContact,
		String keyAccountManager, String keyAccountManagerEmail) {
}
