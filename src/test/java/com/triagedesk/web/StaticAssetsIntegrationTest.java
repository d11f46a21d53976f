package com.triagedesk.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.dashboard.StaffUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Styles and scripts are linked by their content's hash and kept by browsers for a year; asked for
 * without the hash they must be asked for again; the pages themselves are never cached.
 */
class StaticAssetsIntegrationTest extends AppIntegrationTest {

	private static final String A_YEAR = "max-age=31536000";

	@Autowired
	private StaffUsers staff;

	@Test
	void thePublicPageLinksItsStylesAndScriptsByContentAndBrowsersKeepThemForAYear() throws Exception {
		HttpResponse<String> page = session().get("/");

		assertThat(page.statusCode()).isEqualTo(200);
		assertLinkedByContentAndKept(Jsoup.parse(page.body()), 3);
	}

	@Test
	void dashboardPagesDoTheSameAndTheirOwnChartLibraryToo() throws Exception {
		WebSession admin = session().logIn(newStaff(StaffUsers.Role.ADMIN));
		HttpResponse<String> queue = admin.get("/dashboard");

		assertThat(queue.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertLinkedByContentAndKept(Jsoup.parse(queue.body()), 3);
		// The insights page adds the chart library (a WebJar), its style and its own script.
		assertLinkedByContentAndKept(Jsoup.parse(admin.get("/dashboard/insights").body()), 6);
	}

	@Test
	void pagesThemselvesAreNeverStoredByABrowser() throws Exception {
		HttpResponse<String> page = session().get("/");

		assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
	}

	@Test
	void theAddressWithoutTheHashStillServesTheFileButABrowserMustAskAgain() throws Exception {
		String linked = Jsoup.parse(session().get("/").body()).selectFirst("link[rel=stylesheet]").attr("href");
		HttpResponse<String> hashed = session().get(linked);
		HttpResponse<String> plain = session().get("/css/app.css");

		assertThat(linked).isNotEqualTo("/css/app.css");
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.body()).isEqualTo(hashed.body());
		for (String address : new String[] { "/css/app.css", "/js/app.js", "/webjars/htmx.org/dist/htmx.min.js" }) {
			HttpResponse<String> unhashed = session().get(address);
			assertThat(unhashed.statusCode()).as(address).isEqualTo(200);
			assertThat(unhashed.headers().firstValue("Cache-Control")).as(address).hasValue("no-cache");
		}
	}

	@Test
	void aHashThatMatchesNoFileIsNotFound() throws Exception {
		String linked = Jsoup.parse(session().get("/").body()).selectFirst("link[rel=stylesheet]").attr("href");
		String wrong = linked.replaceAll("-[0-9a-f]{32}\\.css$", "-0123456789abcdef0123456789abcdef.css");

		assertThat(wrong).isNotEqualTo(linked);
		assertThat(session().get(wrong).statusCode()).isEqualTo(404);
	}

	private void assertLinkedByContentAndKept(Document page, int expected) throws Exception {
		List<String> addresses = new ArrayList<>();
		for (Element link : page.select("link[rel=stylesheet]")) {
			addresses.add(link.attr("href"));
		}
		for (Element script : page.select("script[src]")) {
			addresses.add(script.attr("src"));
		}
		assertThat(addresses).hasSize(expected);
		for (String address : addresses) {
			assertThat(address).as("linked by its content's hash").matches("/.*-[0-9a-f]{32}\\.(css|js)");
			HttpResponse<String> asset = session().get(address);
			assertThat(asset.statusCode()).as(address).isEqualTo(200);
			assertThat(asset.body()).as(address).isNotEmpty();
			assertThat(asset.headers().firstValue("Cache-Control").orElse("")).as(address)
				.contains(A_YEAR)
				.contains("public")
				.doesNotContain("no-store")
				.doesNotContain("no-cache");
		}
	}

	private String newStaff(StaffUsers.Role role) {
		String email = role.name().toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
		staff.create(email, "Test " + role, role, WebSession.PASSWORD);
		return email;
	}

	private WebSession session() {
		return new WebSession(http);
	}

}
