package com.triagedesk.intake;

import java.util.List;

/**
 * The public request page's form, as the browser sends it (every field a string); turned into a
 * {@link SupportRequest} and validated as one, so the page and the API accept the same requests.
 */
class RequestForm {

	private String subject;

	private String description;

	private String name;

	private String email;

	private String phone;

	private String cc;

	private String organizationNumber;

	private String merchantSerialNumber;

	private String product;

	private String environment;

	private String orderId;

	private String occurredOn;

	private String httpRequest;

	private String httpResponse;

	private String additionalInfo;

	SupportRequest toRequest() {
		return new SupportRequest(blankToEmpty(subject), blankToEmpty(description),
				new SupportRequest.Reporter(blank(name), blankToEmpty(email), blank(phone)), list(cc),
				blank(organizationNumber), blank(merchantSerialNumber), blank(product), blank(environment),
				blank(orderId), null, null, list(occurredOn),
				blank(httpRequest) == null && blank(httpResponse) == null ? null
						: new SupportRequest.HttpExchange(blank(httpRequest), blank(httpResponse)),
				null, blank(additionalInfo));
	}

	/**
	 * What a reporter adds on the status page: the text plus whichever fields they fill in.
	 */
	FollowUpRequest toFollowUp(String text) {
		return new FollowUpRequest(blank(text),
				blank(name) == null && blank(phone) == null ? null : new FollowUpRequest.Contact(blank(name), blank(phone)),
				list(cc), blank(organizationNumber), blank(merchantSerialNumber), blank(product), blank(environment),
				blank(orderId), null, null, list(occurredOn),
				blank(httpRequest) == null && blank(httpResponse) == null ? null
						: new SupportRequest.HttpExchange(blank(httpRequest), blank(httpResponse)),
				null, blank(additionalInfo));
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static String blankToEmpty(String value) {
		return value == null ? "" : value;
	}

	private static List<String> list(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		// Commas, semicolons and white space separate; a hand-written scan, as everywhere user text is read.
		List<String> parts = new java.util.ArrayList<>();
		StringBuilder part = new StringBuilder();
		for (char c : value.toCharArray()) {
			if (c == ',' || c == ';' || Character.isWhitespace(c)) {
				if (!part.isEmpty()) {
					parts.add(part.toString());
					part.setLength(0);
				}
			}
			else {
				part.append(c);
			}
		}
		if (!part.isEmpty()) {
			parts.add(part.toString());
		}
		return parts;
	}

	public String getSubject() {
		return subject;
	}

	public void setSubject(String subject) {
		this.subject = subject;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getCc() {
		return cc;
	}

	public void setCc(String cc) {
		this.cc = cc;
	}

	public String getOrganizationNumber() {
		return organizationNumber;
	}

	public void setOrganizationNumber(String organizationNumber) {
		this.organizationNumber = organizationNumber;
	}

	public String getMerchantSerialNumber() {
		return merchantSerialNumber;
	}

	public void setMerchantSerialNumber(String merchantSerialNumber) {
		this.merchantSerialNumber = merchantSerialNumber;
	}

	public String getProduct() {
		return product;
	}

	public void setProduct(String product) {
		this.product = product;
	}

	public String getEnvironment() {
		return environment;
	}

	public void setEnvironment(String environment) {
		this.environment = environment;
	}

	public String getOrderId() {
		return orderId;
	}

	public void setOrderId(String orderId) {
		this.orderId = orderId;
	}

	public String getOccurredOn() {
		return occurredOn;
	}

	public void setOccurredOn(String occurredOn) {
		this.occurredOn = occurredOn;
	}

	public String getHttpRequest() {
		return httpRequest;
	}

	public void setHttpRequest(String httpRequest) {
		this.httpRequest = httpRequest;
	}

	public String getHttpResponse() {
		return httpResponse;
	}

	public void setHttpResponse(String httpResponse) {
		this.httpResponse = httpResponse;
	}

	public String getAdditionalInfo() {
		return additionalInfo;
	}

	public void setAdditionalInfo(String additionalInfo) {
		this.additionalInfo = additionalInfo;
	}

}
