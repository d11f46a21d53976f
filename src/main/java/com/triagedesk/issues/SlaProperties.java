package com.triagedesk.issues;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first-response target and the business hours it is counted in ({@code triage.sla.*}).
 * Norwegian public holidays are always excluded.
 *
 * @param firstResponse business time staff have for the first reply; kept on each issue when it
 * is opened, so changing it does not move the deadlines of issues already open
 */
@ConfigurationProperties("triage.sla")
record SlaProperties(@DefaultValue("4h") Duration firstResponse, @DefaultValue("Europe/Oslo") ZoneId zone,
		@DefaultValue("08:00") LocalTime opens, @DefaultValue("16:00") LocalTime closes) {

	SlaProperties {
		if (firstResponse.isNegative() || firstResponse.isZero() || firstResponse.toSeconds() == 0) {
			throw new IllegalArgumentException("triage.sla.first-response must be at least one second");
		}
	}

	BusinessHours businessHours() {
		return new BusinessHours(zone, opens, closes);
	}

}
