package com.triagedesk.routing;

/**
 * Where a request belongs. Only {@link #INTEGRATION_SERVICES} becomes an issue; the others are
 * redirected with instructions.
 */
public enum Destination {

	INTEGRATION_SERVICES, CUSTOMER_SERVICE, STATUS_PAGE, PORTAL, PLUGIN_VENDOR, PARTNER, POS_VENDOR, PSP,
	PARTNER_DOCS, SETTLEMENTS, PRODUCT_FEEDBACK, MOBILEPAY_SUPPORT

}
