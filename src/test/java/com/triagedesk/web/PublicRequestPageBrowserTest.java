package com.triagedesk.web;

import java.nio.file.Files;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.triagedesk.AppIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A developer without curl, in real headless Chromium: the checklist changes from MISSING to OK
 * as they type, they send the request, and add the missing item on the status page.
 */
class PublicRequestPageBrowserTest extends AppIntegrationTest {

	Browser browser;

	@BeforeEach
	void open() {
		browser = new Browser();
	}

	@AfterEach
	void close() {
		browser.close();
	}

	@Test
	void theChecklistFollowsTheTypingAndTheStatusPageTakesTheMissingItem() throws Exception {
		browser.driver.get(http.url("/"));
		type("subject", "POST /epayment/v1/payments gives HTTP 400 (4040 Invalid amount)");
		type("description", "1. We call POST /epayment/v1/payments from our checkout.\n2. It returns HTTP 400 with "
				+ "error code 4040.\nExpected: a payment. Actual: 400 every time since 08:15.");
		type("email", "kari.browser@acme-shop.no");
		awaitState("MERCHANT_SERIAL_NUMBER", "MISSING");

		type("merchantSerialNumber", "123456");

		awaitState("MERCHANT_SERIAL_NUMBER", "OK");
		assertThat(state("ORGANIZATION_NUMBER")).isEqualTo("MISSING");
		browser.screenshot("public-request-form");

		browser.driver.findElement(By.id("send")).click();

		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("follow-up-form")));
		String key = browser.driver.findElement(By.cssSelector("h1 .key")).getText();
		assertThat(key).matches("VSD-\\d{6,}");
		assertThat(browser.driver.findElement(By.id("issue-status")).getText()).isEqualTo("NEEDS_INFO");
		assertThat(state("ORGANIZATION_NUMBER")).isEqualTo("MISSING");

		type("organizationNumber", "123456785");
		browser.driver.findElement(By.id("add")).click();

		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
		assertThat(state("ORGANIZATION_NUMBER")).isEqualTo("OK");
		assertThat(browser.driver.getCurrentUrl()).contains("/requests/" + key);
		assertThat(Files.size(browser.screenshot("public-status-page"))).isPositive();
	}

	@Test
	void aSettlementsQuestionSeesWhereToGoBeforeSending() {
		browser.driver.get(http.url("/?lang=no"));
		assertThat(browser.driver.findElement(By.id("form-heading")).getText()).isEqualTo("Spør utviklerstøtten");

		type("subject", "Utbetaling mangler");
		type("description", "Vi har ikke fått utbetalingen for forrige uke. Når kommer oppgjøret?");
		type("email", "regnskap@acme-shop.no");

		WebElement route = browser.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#checklist [data-outcome=REDIRECTED]")));
		assertThat(route.getText()).isNotBlank();
	}

	private void type(String id, String text) {
		WebElement field = browser.driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private String state(String item) {
		return browser.wait.until(driver -> driver.findElement(By.cssSelector("[data-item=" + item + "]"))
			.getAttribute("data-state"));
	}

	private void awaitState(String item, String state) {
		browser.wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#checklist [data-item=" + item + "]"),
				"data-state", state));
	}

}
