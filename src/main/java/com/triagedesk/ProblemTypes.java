package com.triagedesk;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/**
 * Stable {@code type} URIs of the problem details under {@code /api}; clients switch on these.
 */
public final class ProblemTypes {

	public static final URI INVALID_REQUEST = URI.create("urn:triage-desk:problem:invalid-request");

	public static final URI MALFORMED_BODY = URI.create("urn:triage-desk:problem:malformed-body");

	public static final URI NOT_FOUND = URI.create("urn:triage-desk:problem:not-found");

	public static final URI METHOD_NOT_ALLOWED = URI.create("urn:triage-desk:problem:method-not-allowed");

	public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("urn:triage-desk:problem:unsupported-media-type");

	public static final URI NOT_ACCEPTABLE = URI.create("urn:triage-desk:problem:not-acceptable");

	public static final URI PAYLOAD_TOO_LARGE = URI.create("urn:triage-desk:problem:payload-too-large");

	public static final URI CONCURRENT_UPDATE = URI.create("urn:triage-desk:problem:concurrent-update");

	public static final URI SERVICE_UNAVAILABLE = URI.create("urn:triage-desk:problem:service-unavailable");

	public static final URI INTERNAL_ERROR = URI.create("urn:triage-desk:problem:internal-error");

	public static final URI HTTP_ERROR = URI.create("urn:triage-desk:problem:http-error");

	private ProblemTypes() {
	}

	/**
	 * The type for a status that no handler gave a more precise one.
	 */
	static URI forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> INVALID_REQUEST;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> status.is5xxServerError() ? INTERNAL_ERROR : HTTP_ERROR;
		};
	}

}
