package com.triagedesk.checklist;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SourceCodeTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"<?php $ch = curl_init('https://api.vipps.no'); curl_setopt($ch, CURLOPT_POST, 1);|PHP",
			"const res = await fetch(url, {method: 'POST'}); console.log(res.status);|JavaScript/TypeScript",
			"import axios from 'axios'; const r = await axios.post(url, body);|JavaScript/TypeScript",
			"HttpRequest request = HttpRequest.newBuilder(uri).build(); HttpClient.newHttpClient();|Java",
			"using System.Net.Http; var client = new HttpClient(); var r = await client.PostAsync(url, c);|C#",
			"import requests\\nr = requests.post(url, json=body)\\nprint(r.status_code)|Python" })
	void recognisesTheLanguagesDevelopersPaste(String code, String language) {
		assertThat(SourceCode.detect(code.replace("\\n", "\n"))).hasValue(language);
	}

	@ParameterizedTest
	@ValueSource(strings = { "We call the API and get 400 back. Please help.",
			"POST /epayment/v1/payments HTTP/1.1\nHost: api.vipps.no", "Order 123 costs $5 = too much" })
	void proseAndHttpAreNotCode(String text) {
		assertThat(SourceCode.detect(text)).isEmpty();
	}

}
