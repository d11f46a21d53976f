package com.triagedesk.web;

import java.nio.file.Files;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.dashboard.StaffUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A support agent's day in real headless Chromium: log in, find an issue by search, ask for the
 * missing items with the pre-filled reply, change the status, and see it all on the issue.
 */
class DashboardBrowserTest extends AppIntegrationTest {

	@Autowired
	StaffUsers staff;

	Browser browser;

	String agent;

	@BeforeEach
	void open() {
		agent = "agent." + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
		staff.create(agent, "Ola Agent", StaffUsers.Role.AGENT, "correct horse battery staple");
		browser = new Browser();
	}

	@AfterEach
	void close() {
		browser.close();
	}

	@Test
	void anAgentFindsAnIssueRequestsTheMissingItemsAndChangesItsStatus() throws Exception {
		String word = "Zebrafisk" + UUID.randomUUID().toString().substring(0, 6);
		String key = http.postJson("/api/v1/requests", """
				{"subject": "Capture fails for %s orders", "description": "1. We capture. 2. We get HTTP 500.",
				 "reporter": {"name": "Kari", "email": "kari.dash@acme-shop.no"}}""".formatted(word))
			.json()
			.get("issueKey")
			.asString();

		browser.driver.get(http.url("/dashboard"));
		browser.wait.until(ExpectedConditions.urlContains("/login"));
		browser.driver.findElement(By.id("username")).sendKeys(agent);
		browser.driver.findElement(By.id("password")).sendKeys("correct horse battery staple");
		browser.driver.findElement(By.id("log-in")).click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("search")));
		browser.driver.get(http.url("/dashboard?status=NEEDS_INFO"));
		assertThat(Files.size(browser.screenshot("dashboard-queue"))).isPositive();

		browser.driver.findElement(By.id("search")).sendKeys(word + "\n");
		// The queue of NEEDS_INFO shows the issue too: its row is only the search's once the search's
		// page has loaded (else the click may land on the queue's row as the page goes: a stale element)
		browser.wait.until(ExpectedConditions.urlContains(word));
		browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("tr[data-key='" + key + "'] a")))
			.click();

		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-missing"))).click();
		String prefilled = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply")))
			.getAttribute("value");
		assertThat(prefilled).contains("Hi Kari").contains("organization number");
		browser.driver.findElement(By.id("send-reply")).click();

		browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Reply sent to 1 participant"));
		assertThat(browser.driver.findElements(By.cssSelector("#thread li[data-kind=REPLY]"))).hasSize(1);

		new Select(browser.driver.findElement(By.id("status"))).selectByValue("OPEN");
		browser.driver.findElement(By.id("save-status")).click();

		browser.wait.until(ExpectedConditions.textToBe(By.id("issue-status"), "OPEN"));
		assertThat(Files.size(browser.screenshot("dashboard-issue"))).isPositive();
	}

	@Test
	void theInsightsChartsAreDrawnUnderTheContentSecurityPolicy() throws Exception {
		http.postJson("/api/v1/requests", """
				{"subject": "Refund fails with HTTP 409", "description": "1. We refund. 2. We get HTTP 409.",
				 "reporter": {"email": "kari.insights@acme-shop.no"}}""");
		browser.driver.get(http.url("/login"));
		browser.driver.findElement(By.id("username")).sendKeys(agent);
		browser.driver.findElement(By.id("password")).sendKeys("correct horse battery staple");
		browser.driver.findElement(By.id("log-in")).click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("search")));

		browser.driver.get(http.url("/dashboard/insights"));

		// uPlot draws into a canvas: the page's script ran, loaded from this site as the CSP demands.
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#volume-chart canvas")));
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#response-chart canvas")));
		assertThat(browser.driver.findElement(By.id("routes")).getText()).contains("INTEGRATION_SERVICES");
		assertThat(Files.size(browser.screenshot("dashboard-insights"))).isPositive();
	}

}
