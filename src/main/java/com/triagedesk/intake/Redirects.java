package com.triagedesk.intake;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import com.triagedesk.routing.RequestRedirected;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.triagedesk.routing.Route;

/**
 * Requests that were sent elsewhere: what was asked (redacted), where it went and why.
 */
@Repository
class Redirects {

	record Stored(UUID id, String destination, SupportRequest request, String issueKey) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Redirects(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Keeps the redirected request and announces it in the same transaction, so the reporter is
	 * told where to go exactly when the redirect is stored.
	 */
	@Transactional
	UUID record(SupportRequest request, Route route, String organizationNumber, String merchantSerialNumber) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into redirect (id, destination, confidence, reasons, subject, reporter_email, organization_number,
				                      merchant_serial_number, submission, created_at)
				values (:id, :destination, :confidence, :reasons, :subject, :email, :org, :msn, cast(:submission as jsonb), :at)
				""")
			.param("id", id)
			.param("destination", route.destination().name())
			.param("confidence", route.confidence())
			.param("reasons", route.reasons().toArray(String[]::new))
			.param("subject", request.subject())
			.param("email", request.reporter().email())
			.param("org", organizationNumber)
			.param("msn", merchantSerialNumber)
			.param("submission", json.writeValueAsString(request))
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new RequestRedirected(id, request.subject(), request.description(),
				request.reporter().email(), request.reporter().name(), request.cc(), route, clock.instant()));
		return id;
	}

	Optional<Stored> find(UUID id) {
		return jdbc.sql("select id, destination, submission::text as submission, issue_key from redirect where id = ?")
			.param(id)
			.query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getString("destination"),
					json.readValue(rs.getString("submission"), SupportRequest.class), rs.getString("issue_key")))
			.optional();
	}

	/**
	 * Marks a redirect as turned into an issue; false when someone else did it first.
	 */
	boolean converted(UUID id, String issueKey) {
		return jdbc.sql("update redirect set issue_key = ? where id = ? and issue_key is null")
			.param(issueKey)
			.param(id)
			.update() == 1;
	}

}
