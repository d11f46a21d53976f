package com.triagedesk.dashboard;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue page marks where secrets were cut: "…" and the up to four characters kept.
 */
class RedactionMarksTest {

	@Test
	void cutsAreMarkedAndTheRestStaysPlainText() {
		String text = "Authorization: Bearer …Qk9A\nOcp-Apim-Subscription-Key: …\n{\"client_secret\":\"…x1\"}";

		List<DashboardController.Segment> segments = DashboardController.marked(text);

		assertThat(segments).filteredOn(DashboardController.Segment::redacted)
			.extracting(DashboardController.Segment::text)
			.containsExactly("…Qk9A", "…", "…x1");
		assertThat(String.join("", segments.stream().map(DashboardController.Segment::text).toList())).isEqualTo(text);
	}

	@Test
	void textWithoutCutsIsOnePlainPiece() {
		assertThat(DashboardController.marked("GET /epayment/v1/payments"))
			.containsExactly(new DashboardController.Segment("GET /epayment/v1/payments", false));
		assertThat(DashboardController.marked(null)).isEmpty();
	}

}
